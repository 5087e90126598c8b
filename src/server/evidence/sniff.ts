import type { Sniffed } from '../../domain/evidence/kinds.ts';
import { oleStreams } from './sniff-ole.ts';
import { officeKindOfZip } from './sniff-zip.ts';

/** Random access to a received file (a temporary file, or a buffer in tests). */
export interface FileReader {
  size: number;
  /** Up to `length` bytes at `offset` (fewer at the end of the file). */
  read(offset: number, length: number): Promise<Buffer>;
}

/** A reader over bytes in memory. */
export function bufferReader(buf: Buffer): FileReader {
  return { size: buf.length, read: async (offset, length) => buf.subarray(offset, Math.min(buf.length, offset + length)) };
}

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const OLE2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const at = (head: Buffer, offset: number, text: string) => head.toString('latin1', offset, offset + text.length) === text;

/** Kinds told by their first bytes alone. */
function sniffSimple(head: Buffer): Sniffed | null {
  // Readers accept a PDF header anywhere in the first kilobyte (some producers write a few bytes before it).
  if (head.subarray(0, 1024).includes('%PDF-', 0, 'latin1')) return { kind: 'pdf' };
  if (head.subarray(0, 8).equals(PNG)) return { kind: 'png' };
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return { kind: 'jpeg' };
  if (at(head, 0, 'GIF87a') || at(head, 0, 'GIF89a')) return { kind: 'gif' };
  if (at(head, 0, 'RIFF') && at(head, 8, 'WEBP')) return { kind: 'webp' };
  if (at(head, 0, 'MZ')) return { kind: null, what: 'chương trình Windows (.exe)' };
  if (at(head, 0, '\x7fELF')) return { kind: null, what: 'chương trình' };
  if (at(head, 0, 'Rar!')) return { kind: null, what: 'tệp nén RAR' };
  if (at(head, 0, '7z\xbc\xaf\x27\x1c')) return { kind: null, what: 'tệp nén 7z' };
  return null;
}

/**
 * What a file is, from its content: the magic bytes at its start, and for containers (ZIP, OLE2) what is inside,
 * read from their directories without reading the whole file. `head` is the file's first bytes (at least 4 kB when
 * the file has them).
 */
export async function sniff(file: FileReader, head: Buffer): Promise<Sniffed> {
  const simple = sniffSimple(head);
  if (simple) return simple;
  if (at(head, 0, 'PK\x03\x04')) {
    const office = await officeKindOfZip(file);
    return office ? { kind: office } : { kind: null, what: 'tệp nén ZIP' };
  }
  if (head.subarray(0, 8).equals(OLE2)) {
    const streams = await oleStreams(file);
    if (streams?.has('WordDocument')) return { kind: 'doc' };
    if (streams?.has('Workbook') || streams?.has('Book')) return { kind: 'xls' };
    return { kind: null, what: streams?.has('PowerPoint Document') ? 'PowerPoint 97–2003 (.ppt)' : 'tài liệu Office cũ không rõ loại' };
  }
  return { kind: null, what: looksLikeText(head) ? 'văn bản thuần' : 'không rõ loại' };
}

function looksLikeText(head: Buffer): boolean {
  const sample = head.subarray(0, 512);
  return sample.length > 0 && !sample.includes(0);
}
