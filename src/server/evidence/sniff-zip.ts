import zlib from 'node:zlib';
import { promisify } from 'node:util';
import type { EvidenceKind } from '../../domain/evidence/kinds.ts';
import type { FileReader } from './sniff.ts';

const inflateRaw = promisify(zlib.inflateRaw);
const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
/** A directory of an office document lists tens of entries; far more is not a document we read. */
const MAX_DIRECTORY_BYTES = 4 * 1024 * 1024;
const MAX_CONTENT_TYPES_BYTES = 1024 * 1024;

interface Entry {
  name: string;
  method: number;
  compressed: number;
  localOffset: number;
}

/** The central directory, found through the end record in the last 64 kB; null when the zip is not readable. */
async function directory(file: FileReader): Promise<Entry[] | null> {
  const tailStart = Math.max(0, file.size - 65_557);
  const tail = await file.read(tailStart, file.size - tailStart);
  let end = -1;
  for (let i = tail.length - 22; i >= 0; i--)
    if (tail.readUInt32LE(i) === EOCD) {
      end = i;
      break;
    }
  if (end < 0) return null;
  const count = tail.readUInt16LE(end + 10);
  const dirSize = tail.readUInt32LE(end + 12);
  const dirOffset = tail.readUInt32LE(end + 16);
  if (dirSize > MAX_DIRECTORY_BYTES || dirOffset + dirSize > file.size) return null;
  const dir = await file.read(dirOffset, dirSize);
  const entries: Entry[] = [];
  for (let i = 0, p = 0; i < count; i++) {
    if (p + 46 > dir.length || dir.readUInt32LE(p) !== CENTRAL) return null;
    const nameLength = dir.readUInt16LE(p + 28);
    entries.push({
      method: dir.readUInt16LE(p + 10),
      compressed: dir.readUInt32LE(p + 20),
      localOffset: dir.readUInt32LE(p + 42),
      name: dir.toString('utf8', p + 46, p + 46 + nameLength),
    });
    p += 46 + nameLength + dir.readUInt16LE(p + 30) + dir.readUInt16LE(p + 32);
  }
  return entries;
}

/** One entry's bytes, inflated up to `max` bytes; null when it cannot be read. */
async function entryData(file: FileReader, e: Entry, max: number): Promise<Buffer | null> {
  const local = await file.read(e.localOffset, 30);
  if (local.length < 30 || local.readUInt32LE(0) !== LOCAL || e.compressed > max * 20) return null;
  const data = await file.read(e.localOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28), e.compressed);
  if (e.method === 0) return data.subarray(0, max);
  if (e.method !== 8) return null;
  return inflateRaw(data, { maxOutputLength: max }).catch(() => null);
}

const OOXML: { kind: EvidenceKind; contentType: string; folder: string }[] = [
  { kind: 'docx', contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml', folder: 'word/' },
  { kind: 'xlsx', contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml', folder: 'xl/' },
  { kind: 'pptx', contentType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml', folder: 'ppt/' },
];
const ODF: Record<string, EvidenceKind> = {
  'application/vnd.oasis.opendocument.text': 'odt',
  'application/vnd.oasis.opendocument.spreadsheet': 'ods',
};

/**
 * The office document a zip is: OpenDocument by its `mimetype` entry (first, stored), Office Open XML by the main
 * part declared in `[Content_Types].xml` (and its folder being there). Null for any other zip.
 */
export async function officeKindOfZip(file: FileReader): Promise<EvidenceKind | null> {
  const entries = await directory(file);
  if (!entries || entries.length === 0) return null;
  const first = entries.find((e) => e.localOffset === 0);
  if (first?.name === 'mimetype' && first.method === 0) {
    const mime = (await entryData(file, first, 200))?.toString('latin1').trim() ?? '';
    return ODF[mime] ?? null;
  }
  const types = entries.find((e) => e.name === '[Content_Types].xml');
  if (!types) return null;
  const xml = (await entryData(file, types, MAX_CONTENT_TYPES_BYTES))?.toString('utf8') ?? '';
  const match = OOXML.find((o) => xml.includes(o.contentType) && entries.some((e) => e.name.startsWith(o.folder)));
  return match?.kind ?? null;
}
