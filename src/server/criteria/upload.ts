import type { FastifyRequest } from 'fastify';
import { DomainError } from '../../domain/errors.ts';
import { IMPORT_LIMITS, megabytes } from '../../interchange/criteria/limits.ts';
import { assertStorableText } from '../text.ts';

export interface ImportUpload {
  file: string;
  bytes: Buffer;
  note: string | undefined;
}

/** What @fastify/multipart is told, so busboy stops reading at the limits instead of buffering them. */
export const MULTIPART_LIMITS = {
  fileSize: IMPORT_LIMITS.fileBytes,
  files: 1,
  fields: 1,
  parts: 2,
  fieldSize: IMPORT_LIMITS.noteChars * 4,
  headerPairs: 20,
};

function limitError(code: string | undefined, file: string | undefined): DomainError | undefined {
  const name = file ? `Tệp "${file}"` : 'Tệp';
  switch (code ?? '') {
    case 'FST_REQ_FILE_TOO_LARGE':
      return new DomainError('FILE_TOO_LARGE', `${name} lớn hơn giới hạn ${megabytes(IMPORT_LIMITS.fileBytes)} của một tệp bộ tiêu chí`, {
        file,
        limit: 'fileBytes',
        max: IMPORT_LIMITS.fileBytes,
      });
    case 'FST_PARTS_LIMIT':
    case 'FST_FILES_LIMIT':
    case 'FST_FIELDS_LIMIT':
      return new DomainError('VALIDATION', 'Mỗi lần chỉ nạp một tệp (trường "file") kèm một ghi chú (trường "note")', { field: 'file' });
    default:
      return undefined;
  }
}

/**
 * Reads a `multipart/form-data` import: one `file` part and an optional `note` field, within the limits (busboy
 * stops at them). Called after the access check, so an anonymous upload is refused before its body is read.
 */
export async function readImportUpload(req: FastifyRequest): Promise<ImportUpload> {
  if (!req.isMultipart())
    throw new DomainError('VALIDATION', 'Hãy gửi tệp dưới dạng multipart/form-data, tệp ở trường "file" (và ghi chú ở trường "note" nếu có)', {
      field: 'file',
    });
  let upload: Partial<ImportUpload> = {};
  try {
    for await (const part of req.parts({ limits: MULTIPART_LIMITS })) {
      if (part.type === 'file') {
        if (part.fieldname !== 'file') throw new DomainError('VALIDATION', `Tệp phải gửi ở trường "file" (không phải "${part.fieldname}")`, { field: 'file' });
        upload = { ...upload, file: cleanName(part.filename) };
        upload.bytes = await part.toBuffer();
      } else if (part.fieldname === 'note') {
        upload.note = noteOf(part.value, part.valueTruncated);
      } else throw new DomainError('VALIDATION', `Trường "${part.fieldname}" không được dùng khi nạp bộ tiêu chí`, { field: part.fieldname });
    }
  } catch (e) {
    throw limitError((e as { code?: string }).code, upload.file) ?? e;
  }
  if (!upload.file || !upload.bytes) throw new DomainError('VALIDATION', 'Chưa chọn tệp bộ tiêu chí (trường "file")', { field: 'file' });
  return { file: upload.file, bytes: upload.bytes, note: upload.note };
}

/** The name as the user's computer calls it, without folders or control characters, short enough for a message. */
function cleanName(name: string): string {
  const base = (name.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return base.slice(0, 200) || 'tệp';
}

function noteOf(value: unknown, truncated: boolean): string | undefined {
  const text = typeof value === 'string' ? value.trim() : '';
  assertStorableText(text, 'note');
  if (truncated || text.length > IMPORT_LIMITS.noteChars)
    throw new DomainError('VALIDATION', `Ghi chú dài quá ${IMPORT_LIMITS.noteChars} ký tự`, { field: 'note', max: IMPORT_LIMITS.noteChars });
  return text || undefined;
}
