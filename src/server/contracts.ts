/**
 * Shared parts of the API contract, for every feature's `schema.ts`: the error body, date and year parameters and
 * the error responses each route documents. Imports only zod and the domain, so the web can `import type` it.
 */
import { z } from 'zod';
import { ERROR_CODES, type ErrorCode } from '../domain/errors.ts';
import { isIsoDate } from '../domain/units/types.ts';

/** An ISO date query parameter (yyyy-mm-dd), checked as a real calendar date. */
export const isoDateParam = z.string().refine(isIsoDate, { message: 'ngày phải có dạng yyyy-mm-dd và là ngày có thật' });

export const yearParam = z.coerce.number().int().min(2000, 'năm không hợp lệ').max(2100, 'năm không hợp lệ');

export const errorCode = z.enum(Object.keys(ERROR_CODES) as [ErrorCode, ...ErrorCode[]]);

/** The body of every error: `{ error: { code, message, details? } }`; `message` is Vietnamese, `details` for programs. */
export const errorBody = z.object({
  error: z.object({
    code: errorCode.describe('mã lỗi ổn định (xem ErrorCode)'),
    message: z.string().describe('thông báo bằng tiếng Việt, nêu trường, dòng hoặc tệp bị lỗi'),
    details: z.record(z.string(), z.unknown()).optional().describe('chi tiết cho chương trình: trường (field), tệp, đường dẫn, lý do bằng tiếng Anh'),
  }),
});
export type ErrorBody = z.infer<typeof errorBody>;

const ERROR_DESCRIPTIONS = {
  400: 'Dữ liệu gửi lên không hợp lệ (thông báo nêu trường bị lỗi)',
  401: 'Chưa đăng nhập hoặc phiên đăng nhập đã hết hạn',
  403: 'Tài khoản không có quyền, đơn vị ngoài phạm vi được giao, hoặc yêu cầu từ trang web khác',
  404: 'Không tìm thấy',
  409: 'Trùng với dữ liệu đã có',
  413: 'Nội dung gửi lên quá lớn',
  422: 'Dữ liệu mâu thuẫn với dữ liệu đã có',
  429: 'Thử quá nhiều lần; xem header Retry-After',
  500: 'Lỗi máy chủ',
  503: 'Cơ sở dữ liệu không sẵn sàng',
} as const;
export type ErrorStatus = keyof typeof ERROR_DESCRIPTIONS;

/** Error responses for a route's `schema.response`, each with its description for the API docs. */
export function errorResponses<S extends ErrorStatus>(...statuses: S[]): Record<S, typeof errorBody> {
  return Object.fromEntries(statuses.map((s) => [s, errorBody.describe(ERROR_DESCRIPTIONS[s])])) as Record<S, typeof errorBody>;
}

/** One error response with a description of its own (when the shared one would mislead). */
export const errorResponse = (description: string) => errorBody.describe(description);

/** `{ ok: true }`, for actions that return nothing else. */
export const okBody = z.object({ ok: z.literal(true) }).describe('Đã thực hiện');

/** What every official report route takes: the format, the report's own date and number. */
export const reportParams = {
  format: z.enum(['pdf', 'xlsx'], { message: 'định dạng (format) phải là "pdf" hoặc "xlsx"' }),
  date: isoDateParam.optional().describe('ngày của báo cáo (mặc định hôm nay)'),
  number: z
    .string()
    .trim()
    .min(1)
    .max(40, 'số hiệu (number) dài quá 40 ký tự')
    .regex(/^[\p{L}\p{N}./-]+$/u, 'số hiệu (number) chỉ gồm chữ, số và các dấu / . -, ví dụ "15/BC-UBND"')
    .optional()
    .describe('số hiệu của báo cáo, ví dụ "15/BC-UBND" (để trống thì chừa chỗ cho văn thư)'),
};

export const reportFile = z.string().describe('Tệp PDF (application/pdf) hoặc Excel .xlsx, tải về dạng tệp đính kèm');
