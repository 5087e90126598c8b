import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { DomainError, ERROR_CODES, type ErrorCode, type ErrorKind } from '../domain/errors.ts';
import type { ErrorBody } from './contracts.ts';

function statusOfKind(kind: ErrorKind): number {
  switch (kind) {
    case 'invalid':
      return 400;
    case 'unauthenticated':
      return 401;
    case 'forbidden':
      return 403;
    case 'not-found':
      return 404;
    case 'conflict':
      return 409;
    case 'too-large':
      return 413;
    case 'unprocessable':
      return 422;
    case 'too-many':
      return 429;
    case 'unavailable':
      return 503;
    case 'internal':
      return 500;
  }
}

/** The HTTP status of an error code: the one place codes become statuses. */
export function statusFor(code: ErrorCode): number {
  return statusOfKind(ERROR_CODES[code]);
}

/** Vietnamese names of request fields, for validation messages. */
export const FIELD_NAMES: Record<string, string> = {
  asOf: 'ngày (asOf)',
  year: 'năm',
  level: 'cấp',
  username: 'tên đăng nhập',
  password: 'mật khẩu',
  set: 'bộ tiêu chí',
  parentCode: 'xã',
  name: 'tên',
  type: 'loại',
  code: 'mã',
  validFrom: 'hiệu lực từ',
  legalBasis: 'căn cứ pháp lý',
  fileName: 'tên tệp',
  content: 'nội dung tệp',
  note: 'ghi chú',
  reason: 'lý do',
  items: 'danh sách bản đánh giá',
  action: 'thao tác',
  unit: 'mã đơn vị',
};

export const fieldLabel = (field: string) => FIELD_NAMES[field] ?? FIELD_NAMES[field.split('.').at(-1) ?? ''] ?? field;

const body = (code: ErrorCode, message: string, details?: Record<string, unknown>): ErrorBody => ({
  error: { code, message, ...(details ? { details } : {}) },
});

/** Fastify's own 4xx errors (body parsing, size, media type) in the shared shape. */
function fastifyClientError(err: FastifyError): ErrorBody {
  const code = err.code ?? '';
  const details = { reason: err.message, fastifyCode: code };
  if (code === 'FST_ERR_CTP_BODY_TOO_LARGE') return body('PAYLOAD_TOO_LARGE', 'Nội dung gửi lên quá lớn', details);
  if (code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE')
    return body('INVALID_BODY', `Kiểu nội dung "${err.message.split(': ').at(-1) ?? ''}" không được hỗ trợ`, details);
  if (code.startsWith('FST_ERR_CTP')) return body('INVALID_BODY', 'Nội dung gửi lên không phải JSON hợp lệ', details);
  if (err.statusCode === 429) return body('TOO_MANY_ATTEMPTS', err.message, details);
  if (err.statusCode === 404) return body('NOT_FOUND', 'Không tìm thấy', details);
  return body('BAD_REQUEST', 'Yêu cầu không hợp lệ', details);
}

/** Turns every error into `{ error: { code, message, details? } }` with its status; never a stack trace. */
export function handleError(err: FastifyError | DomainError, req: FastifyRequest, reply: FastifyReply) {
  if (hasZodFastifySchemaValidationErrors(err)) {
    const issue = err.validation[0]!;
    const field =
      issue.instancePath.replace(/^\//, '').replace(/\//g, '.') || String((issue.params as { issue?: { path?: unknown[] } }).issue?.path?.join('.') ?? '');
    const label = field ? fieldLabel(field) : '';
    return reply
      .code(400)
      .send(body('VALIDATION', `Dữ liệu không hợp lệ${label ? ` ở trường "${label}"` : ''}: ${issue.message}`, { field, context: err.validationContext }));
  }
  if (err instanceof DomainError) {
    if (typeof err.details?.retryAfter === 'number') void reply.header('Retry-After', String(err.details.retryAfter));
    return reply.code(statusFor(err.code)).send(body(err.code, err.message, err.details));
  }
  const status = err.statusCode ?? 500;
  if (status < 500) return reply.code(status).send(fastifyClientError(err));
  req.log.error(err);
  return reply.code(500).send(body('INTERNAL', 'Lỗi máy chủ, vui lòng thử lại sau'));
}

/** Errors Fastify raises before routing (a path that is not valid percent-encoded UTF-8), in the shared shape. */
export function handleFrameworkError(err: FastifyError, _req: FastifyRequest, reply: FastifyReply): void {
  const sent =
    err.code === 'FST_ERR_BAD_URL'
      ? body('INVALID_TEXT', 'Đường dẫn chứa ký tự không hợp lệ (không phải UTF-8 hợp lệ)', { location: 'path', reason: err.message, fastifyCode: err.code })
      : fastifyClientError(err);
  void reply.code(err.code === 'FST_ERR_BAD_URL' ? 400 : (err.statusCode ?? 400)).send(sent);
}
