import type { FastifyRequest } from 'fastify';
import { DomainError } from '../../domain/errors.ts';
import { megabytes, WORKBOOK_LIMITS } from '../../interchange/assessments/limits.ts';

/** What the uploader says the file is for (optional): a sheet of another unit, family or year is then a problem. */
export interface Expectation {
  scope?: string;
  family?: string;
  year?: number;
}

export interface WorkbookUpload {
  file: string;
  bytes: Buffer;
  expect: Expectation;
}

const FIELDS = ['scope', 'family', 'year'] as const;

/** What @fastify/multipart is told, so busboy stops reading at the limits instead of buffering them. */
export const WORKBOOK_MULTIPART_LIMITS = {
  fileSize: WORKBOOK_LIMITS.fileBytes,
  files: 1,
  fields: FIELDS.length,
  parts: FIELDS.length + 1,
  fieldSize: 200,
  headerPairs: 20,
};

function limitError(code: string | undefined, file: string | undefined): DomainError | undefined {
  switch (code ?? '') {
    case 'FST_REQ_FILE_TOO_LARGE':
      return new DomainError('FILE_TOO_LARGE', `${file ? `Tệp "${file}"` : 'Tệp'} lớn hơn giới hạn ${megabytes(WORKBOOK_LIMITS.fileBytes)} của một phiếu`, {
        file,
        limit: 'fileBytes',
        max: WORKBOOK_LIMITS.fileBytes,
      });
    case 'FST_PARTS_LIMIT':
    case 'FST_FILES_LIMIT':
    case 'FST_FIELDS_LIMIT':
      return new DomainError('VALIDATION', 'Mỗi lần chỉ nạp một tệp (trường "file"), kèm các trường scope, family, year nếu cần', { field: 'file' });
    default:
      return undefined;
  }
}

function fieldValue(name: (typeof FIELDS)[number], value: unknown, expect: Expectation): void {
  const text = typeof value === 'string' ? value.trim() : '';
  if (text === '') return;
  if (name === 'year') {
    const year = Number(text);
    if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new DomainError('VALIDATION', `Năm "${text}" không hợp lệ`, { field: 'year' });
    expect.year = year;
  } else if (!/^[0-9A-Za-z-]{2,80}$/.test(text)) throw new DomainError('VALIDATION', `Giá trị "${text}" của trường ${name} không hợp lệ`, { field: name });
  else expect[name] = text;
}

/** The name as the user's computer calls it, without folders or control characters, short enough for a message. */
function cleanName(name: string): string {
  const base = (name.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return base.slice(0, 200) || 'tệp';
}

/**
 * Reads a `multipart/form-data` workbook upload: the `file` part and optional `scope`, `family`, `year` fields, within
 * the limits (busboy stops at them, so a 20 MB+ upload is refused while it streams in). Called after the role check.
 */
export async function readWorkbookUpload(req: FastifyRequest): Promise<WorkbookUpload> {
  if (!req.isMultipart()) throw new DomainError('VALIDATION', 'Hãy gửi phiếu dưới dạng multipart/form-data, tệp ở trường "file"', { field: 'file' });
  let file: string | undefined;
  let bytes: Buffer | undefined;
  const expect: Expectation = {};
  try {
    for await (const part of req.parts({ limits: WORKBOOK_MULTIPART_LIMITS })) {
      if (part.type === 'file') {
        if (part.fieldname !== 'file') throw new DomainError('VALIDATION', `Tệp phải gửi ở trường "file" (không phải "${part.fieldname}")`, { field: 'file' });
        file = cleanName(part.filename);
        bytes = await part.toBuffer();
      } else if ((FIELDS as readonly string[]).includes(part.fieldname)) fieldValue(part.fieldname as (typeof FIELDS)[number], part.value, expect);
      else throw new DomainError('VALIDATION', `Trường "${part.fieldname}" không được dùng khi nạp phiếu`, { field: part.fieldname });
    }
  } catch (e) {
    throw limitError((e as { code?: string }).code, file) ?? e;
  }
  if (!file || !bytes) throw new DomainError('VALIDATION', 'Chưa chọn tệp phiếu (trường "file")', { field: 'file' });
  return { file, bytes, expect };
}
