import type { FileReader } from './sniff.ts';

const END_OF_CHAIN = 0xfffffffe;
const FREE = 0xffffffff;
/** Directory sectors read at most: a document's directory has a few; a longer chain is not a document we read. */
const MAX_DIRECTORY_SECTORS = 256;

/**
 * The names of the streams in an OLE2 compound file (the container of Word 97–2003 and Excel 97–2003 files),
 * read by following the directory's sector chain through the allocation table; null when the file is not a
 * readable compound file. Reads only the header, the table sectors the chain passes through and the directory.
 */
export async function oleStreams(file: FileReader): Promise<Set<string> | null> {
  const header = await file.read(0, 512);
  if (header.length < 512) return null;
  const shift = header.readUInt16LE(0x1e);
  if (shift !== 9 && shift !== 12) return null;
  const sectorSize = 1 << shift;
  const perSector = sectorSize / 4;
  const sectorOffset = (s: number) => (s + 1) * sectorSize;
  const difat = await difatReader(file, header, sectorSize);
  const fatCache = new Map<number, Buffer>();
  const next = async (s: number): Promise<number | null> => {
    const fatSector = await difat(Math.floor(s / perSector));
    if (fatSector === null) return null;
    let fat = fatCache.get(fatSector);
    if (!fat) {
      fat = await file.read(sectorOffset(fatSector), sectorSize);
      if (fat.length < sectorSize) return null;
      fatCache.set(fatSector, fat);
    }
    return fat.readUInt32LE((s % perSector) * 4);
  };
  const names = new Set<string>();
  let sector = header.readUInt32LE(0x30);
  for (let n = 0; sector !== END_OF_CHAIN; n++) {
    if (n >= MAX_DIRECTORY_SECTORS || sector === FREE || sectorOffset(sector) + sectorSize > file.size) return null;
    const dir = await file.read(sectorOffset(sector), sectorSize);
    for (let p = 0; p + 128 <= dir.length; p += 128) {
      const length = dir.readUInt16LE(p + 0x40);
      // Type 2 is a stream; the name is UTF-16LE with its terminating NUL counted in the length.
      if (dir[p + 0x42] === 2 && length >= 2 && length <= 64) names.add(dir.toString('utf16le', p, p + length - 2));
    }
    const following = await next(sector);
    if (following === null) return null;
    sector = following;
  }
  return names;
}

/** Entry `i` of the table of allocation-table sectors: 109 in the header, the rest in a chain of sectors. */
async function difatReader(file: FileReader, header: Buffer, sectorSize: number): Promise<(i: number) => Promise<number | null>> {
  const perSector = sectorSize / 4 - 1;
  const chain: Buffer[] = [];
  let sector = header.readUInt32LE(0x44);
  return async (i) => {
    if (i < 109) return valid(header.readUInt32LE(0x4c + i * 4));
    const index = Math.floor((i - 109) / perSector);
    while (chain.length <= index) {
      if (sector === END_OF_CHAIN || sector === FREE || chain.length > 4096) return null;
      const buf = await file.read((sector + 1) * sectorSize, sectorSize);
      if (buf.length < sectorSize) return null;
      chain.push(buf);
      sector = buf.readUInt32LE(perSector * 4);
    }
    return valid(chain[index]!.readUInt32LE(((i - 109) % perSector) * 4));
  };
}

const valid = (s: number): number | null => (s >= 0xfffffffa ? null : s);
