import zlib from 'node:zlib';
import { DomainError } from '../../domain/errors.ts';
import { megabytes, WORKBOOK_LIMITS } from './limits.ts';

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

interface ZipEntry {
  name: string;
  method: number;
  compressed: number;
  size: number;
  localOffset: number;
}

/** A refusal of the whole file, with the one problem the report lists. */
export function fileProblem(file: string, message: string, problem: string): DomainError {
  return new DomainError('WORKBOOK_INVALID', `Tệp "${file}" ${message}`, {
    file,
    problem,
    problems: [{ sheet: null, row: null, column: null, message: `Tệp ${message}` }],
  });
}

function tooLarge(file: string, message: string, details: Record<string, unknown>): DomainError {
  return new DomainError('FILE_TOO_LARGE', `Tệp "${file}" ${message}`, { file, ...details });
}

/** What a file's first bytes say it is, for the message when it is not a workbook. */
function contentKind(buf: Buffer): string | null {
  const head = buf.subarray(0, 8);
  if (head.subarray(0, 4).toString('latin1') === '%PDF') return 'tài liệu PDF';
  if (head.readUInt32BE(0) === 0xd0cf11e0) return 'tệp Excel 97–2003 (.xls) hoặc Word cũ: hãy lưu lại thành .xlsx';
  if (head.subarray(0, 4).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47]))) return 'ảnh PNG';
  if (head.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff]))) return 'ảnh JPEG';
  return null;
}

function readDirectory(buf: Buffer, file: string): ZipEntry[] {
  let end = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65_557); i--)
    if (buf.readUInt32LE(i) === EOCD) {
      end = i;
      break;
    }
  if (end < 0) throw fileProblem(file, 'bị hỏng hoặc chưa tải lên hết (không đọc được như bảng tính .xlsx)', 'no zip end-of-central-directory record');
  const count = buf.readUInt16LE(end + 10);
  if (count > WORKBOOK_LIMITS.zipEntries)
    throw tooLarge(file, `có ${count} thành phần nén, quá giới hạn ${WORKBOOK_LIMITS.zipEntries} của một phiếu`, { limit: 'zipEntries', count });
  const entries: ZipEntry[] = [];
  let total = 0;
  for (let i = 0, p = buf.readUInt32LE(end + 16); i < count; i++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== CENTRAL) throw fileProblem(file, 'bị hỏng (mục lục nén không đọc được)', 'broken zip central directory');
    const nameLength = buf.readUInt16LE(p + 28);
    const e: ZipEntry = {
      method: buf.readUInt16LE(p + 10),
      compressed: buf.readUInt32LE(p + 20),
      size: buf.readUInt32LE(p + 24),
      localOffset: buf.readUInt32LE(p + 42),
      name: buf.toString('utf8', p + 46, p + 46 + nameLength),
    };
    total += e.size;
    if (e.size === 0xffffffff || total > WORKBOOK_LIMITS.unzippedBytes)
      throw tooLarge(file, `khi giải nén lớn hơn giới hạn ${megabytes(WORKBOOK_LIMITS.unzippedBytes)} của một phiếu`, {
        limit: 'unzippedBytes',
        entry: e.name,
      });
    entries.push(e);
    p += 46 + nameLength + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  return entries;
}

/** Inflates each entry with its declared size as a hard cap, so an understated directory cannot make the reader inflate more. */
function verifySizes(buf: Buffer, file: string, entries: ZipEntry[]): void {
  for (const e of entries) {
    if (e.localOffset + 30 > buf.length || buf.readUInt32LE(e.localOffset) !== LOCAL) throw fileProblem(file, 'bị hỏng', `broken local header of ${e.name}`);
    const start = e.localOffset + 30 + buf.readUInt16LE(e.localOffset + 26) + buf.readUInt16LE(e.localOffset + 28);
    if (e.method === 0) continue;
    if (e.method !== 8) throw fileProblem(file, 'dùng kiểu nén bảng tính không hỗ trợ', `entry ${e.name} uses compression method ${e.method}`);
    let out: Buffer;
    try {
      out = zlib.inflateRawSync(buf.subarray(start, start + e.compressed), { maxOutputLength: Math.max(1, e.size) });
    } catch (err) {
      if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE')
        throw tooLarge(file, `có thành phần "${e.name}" giải nén lớn hơn kích thước khai báo`, { limit: 'unzippedBytes', entry: e.name });
      throw fileProblem(file, 'bị hỏng (một thành phần nén không giải nén được)', `entry ${e.name}: ${(err as Error).message}`);
    }
    if (out.length !== e.size) throw fileProblem(file, 'bị hỏng', `entry ${e.name} inflates to ${out.length} bytes, not ${e.size}`);
  }
}

/**
 * The checks that cost next to nothing, before any spreadsheet parsing: the name ends in .xlsx, the content is a
 * zip holding a workbook (not a PDF or an .xls renamed), within the size limits (a zip bomb is refused from its
 * directory, in microseconds). `inflate` also checks every entry inflates to its declared size (in the worker).
 */
export function checkWorkbookFile(buf: Buffer, file: string, opts: { inflate?: boolean } = {}): void {
  if (!file.toLowerCase().endsWith('.xlsx')) throw fileProblem(file, 'phải là bảng tính Excel có đuôi .xlsx', 'unsupported extension');
  if (buf.length === 0) throw fileProblem(file, 'rỗng', 'empty file');
  if (buf.length > WORKBOOK_LIMITS.fileBytes)
    throw tooLarge(file, `nặng ${megabytes(buf.length)}, quá giới hạn ${megabytes(WORKBOOK_LIMITS.fileBytes)} của một phiếu`, {
      limit: 'fileBytes',
      max: WORKBOOK_LIMITS.fileBytes,
    });
  if (buf.length < 4 || buf.readUInt32LE(0) !== LOCAL) {
    const kind = buf.length >= 8 ? contentKind(buf) : null;
    throw fileProblem(file, `có đuôi .xlsx nhưng nội dung không phải bảng tính .xlsx${kind ? ` (là ${kind})` : ''}`, 'content is not a zip');
  }
  const entries = readDirectory(buf, file);
  if (!entries.some((e) => e.name === 'xl/workbook.xml'))
    throw fileProblem(file, 'là tệp nén nhưng không phải bảng tính .xlsx (không có xl/workbook.xml)', 'zip without xl/workbook.xml');
  if (opts.inflate) verifySizes(buf, file, entries);
}
