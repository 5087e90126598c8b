import zlib from 'node:zlib';
import { DomainError } from '../../domain/errors.ts';
import { IMPORT_LIMITS, megabytes } from './limits.ts';

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

function notAWorkbook(file: string, problem: string): DomainError {
  return new DomainError('INVALID_CRITERIA_FILE', `Tệp "${file}" không đọc được như bảng tính Excel (.xlsx)`, { file, problem });
}

export function tooLarge(file: string, message: string, details: Record<string, unknown>): DomainError {
  return new DomainError('FILE_TOO_LARGE', `Tệp "${file}" ${message}`, { file, ...details });
}

/** The end-of-central-directory record: it sits in the last 64 kB + 22 bytes of the file. */
function findEnd(buf: Buffer, file: string): number {
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65_557); i--) if (buf.readUInt32LE(i) === EOCD) return i;
  throw notAWorkbook(file, 'no zip end-of-central-directory record');
}

/**
 * Reads the zip's central directory and refuses the file when it has too many entries or would inflate to too
 * much, before anything is decompressed: a zip bomb is refused in microseconds. Sizes of 0xFFFFFFFF mean zip64,
 * which only files far beyond the limits need.
 */
export function readZipDirectory(buf: Buffer, file: string): ZipEntry[] {
  const end = findEnd(buf, file);
  const count = buf.readUInt16LE(end + 10);
  const dirOffset = buf.readUInt32LE(end + 16);
  if (count > IMPORT_LIMITS.zipEntries)
    throw tooLarge(file, `có ${count} thành phần nén, quá giới hạn ${IMPORT_LIMITS.zipEntries} của một bảng tính`, { limit: 'zipEntries', count });
  const entries: ZipEntry[] = [];
  let total = 0;
  for (let i = 0, p = dirOffset; i < count; i++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== CENTRAL) throw notAWorkbook(file, 'broken zip central directory');
    const entry: ZipEntry = {
      method: buf.readUInt16LE(p + 10),
      compressed: buf.readUInt32LE(p + 20),
      size: buf.readUInt32LE(p + 24),
      localOffset: buf.readUInt32LE(p + 42),
      name: buf.toString('utf8', p + 46, p + 46 + buf.readUInt16LE(p + 28)),
    };
    total += entry.size;
    if (entry.size === 0xffffffff || total > IMPORT_LIMITS.unzippedBytes)
      throw tooLarge(file, `khi giải nén lớn hơn giới hạn ${megabytes(IMPORT_LIMITS.unzippedBytes)} của một bảng tính`, {
        limit: 'unzippedBytes',
        entry: entry.name,
      });
    entries.push(entry);
    p += 46 + buf.readUInt16LE(p + 28) + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  return entries;
}

/**
 * Inflates every entry with its declared size as a hard cap, so that a directory that understates the sizes
 * cannot make the spreadsheet reader inflate more than the limits allow.
 */
export function verifyZipSizes(buf: Buffer, file: string): void {
  for (const e of readZipDirectory(buf, file)) {
    if (e.localOffset + 30 > buf.length || buf.readUInt32LE(e.localOffset) !== LOCAL) throw notAWorkbook(file, `broken local header of ${e.name}`);
    const start = e.localOffset + 30 + buf.readUInt16LE(e.localOffset + 26) + buf.readUInt16LE(e.localOffset + 28);
    const data = buf.subarray(start, start + e.compressed);
    if (e.method === 0) {
      if (e.compressed !== e.size) throw notAWorkbook(file, `stored entry ${e.name} with two sizes`);
      continue;
    }
    if (e.method !== 8) throw notAWorkbook(file, `entry ${e.name} uses compression method ${e.method}`);
    let out: Buffer;
    try {
      out = zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, e.size) });
    } catch (err) {
      if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE')
        throw tooLarge(file, `có thành phần "${e.name}" giải nén lớn hơn kích thước khai báo`, { limit: 'unzippedBytes', entry: e.name });
      throw notAWorkbook(file, `entry ${e.name}: ${(err as Error).message}`);
    }
    if (out.length !== e.size) throw notAWorkbook(file, `entry ${e.name} inflates to ${out.length} bytes, not ${e.size}`);
  }
}
