import type { FastifyRequest } from 'fastify';
import { DomainError } from '../../domain/errors.ts';
import type { EvidenceLimits } from './limits.ts';
import { receiveToTemp, removeTemp, tooLarge, type ReceivedFile } from './receive.ts';

export interface EvidenceFields {
  code: string;
  version: number;
}

/** What @fastify/multipart is told: the two fields, then one file; busboy stops reading at the file size limit. */
export const multipartLimits = (limits: EvidenceLimits) => ({ fileSize: limits.fileBytes, files: 1, fields: 2, parts: 3, fieldSize: 200, headerPairs: 20 });

const FIELDS_FIRST = 'Gửi trường "code" (mã chỉ tiêu hoặc tiêu chí) và "version" (phiên bản của đánh giá) trước tệp (trường "file")';

function fieldsOf(raw: Record<string, string>): EvidenceFields {
  const code = raw.code?.trim();
  if (!code || raw.version === undefined) throw new DomainError('VALIDATION', FIELDS_FIRST, { field: code ? 'version' : 'code' });
  if (!/^\d{1,9}$/.test(raw.version.trim()))
    throw new DomainError('VALIDATION', `Phiên bản (trường "version") phải là số nguyên không âm, không phải "${raw.version.slice(0, 20)}"`, {
      field: 'version',
    });
  return { code, version: Number(raw.version.trim()) };
}

function limitError(e: unknown, file: string | undefined, limits: EvidenceLimits): unknown {
  switch ((e as { code?: string }).code ?? '') {
    case 'FST_REQ_FILE_TOO_LARGE':
      return tooLarge(file ?? 'tệp', limits.fileBytes);
    case 'FST_PARTS_LIMIT':
    case 'FST_FILES_LIMIT':
    case 'FST_FIELDS_LIMIT':
      return new DomainError('VALIDATION', `Mỗi lần tải lên một tệp; ${FIELDS_FIRST}`, { field: 'file' });
    default:
      return e;
  }
}

/**
 * Reads an evidence upload: the fields `code` and `version`, then the file (part `file`), streamed to a temporary
 * file. `beforeFile` runs once the fields are known and before any byte of the file is read, so that an upload to
 * another unit or an unknown code is refused without receiving the file. The caller removes the temporary file.
 */
export async function readEvidenceUpload(
  req: FastifyRequest,
  limits: EvidenceLimits,
  beforeFile: (fields: EvidenceFields) => Promise<void>,
): Promise<EvidenceFields & { file: ReceivedFile }> {
  if (!req.isMultipart()) throw new DomainError('VALIDATION', `Hãy gửi tệp dưới dạng multipart/form-data. ${FIELDS_FIRST}`, { field: 'file' });
  const raw: Record<string, string> = {};
  let fields: EvidenceFields | undefined;
  let file: ReceivedFile | undefined;
  let name: string | undefined;
  try {
    for await (const part of req.parts({ limits: multipartLimits(limits) })) {
      if (part.type === 'field') {
        if (file || (part.fieldname !== 'code' && part.fieldname !== 'version'))
          throw new DomainError('VALIDATION', `Trường "${part.fieldname}" không được dùng ở đây. ${FIELDS_FIRST}`, { field: part.fieldname });
        raw[part.fieldname] = typeof part.value === 'string' ? part.value : '';
        continue;
      }
      if (part.fieldname !== 'file') throw new DomainError('VALIDATION', `Tệp phải gửi ở trường "file" (không phải "${part.fieldname}")`, { field: 'file' });
      name = part.filename;
      fields = fieldsOf(raw);
      await beforeFile(fields);
      file = await receiveToTemp(part, limits.fileBytes);
    }
  } catch (e) {
    if (file) await removeTemp(file.path);
    throw limitError(e, name, limits);
  }
  if (!file || !fields) throw new DomainError('VALIDATION', `Chưa có tệp (trường "file"). ${FIELDS_FIRST}`, { field: 'file' });
  return { ...fields, file };
}
