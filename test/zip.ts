/** Writes zip files by hand, so tests can build what no spreadsheet program would: bombs and lying directories. */
import zlib from 'node:zlib';

export interface ZipPart {
  name: string;
  data: Buffer;
  /** The data already deflated (to repeat one big entry without compressing it again). */
  deflated?: Buffer;
  /** The uncompressed size written in the directory (the true one unless a test lies). */
  declaredSize?: number;
}

/** A zip of deflated entries with a central directory (sizes as declared), readable by any unzip tool. */
export function writeZip(parts: readonly ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name);
    const body = p.deflated ?? zlib.deflateRawSync(p.data);
    const size = p.declaredSize ?? p.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(8, 10);
    dir.writeUInt32LE(body.length, 20);
    dir.writeUInt32LE(size, 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    central.push(dir, name);
    offset += 30 + name.length + body.length;
  }
  const dirBytes = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(dirBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dirBytes, end]);
}

/** About `mb` MB of zip whose entries inflate to 100 MB each (about 1000 times larger). */
export function zipBomb(mb: number): Buffer {
  const chunk = Buffer.alloc(100 * 1024 * 1024);
  const deflated = zlib.deflateRawSync(chunk, { level: 9 });
  const count = Math.max(1, Math.round((mb * 1024 * 1024) / deflated.length));
  const empty = Buffer.alloc(0);
  return writeZip(Array.from({ length: count }, (_, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, data: empty, deflated, declaredSize: chunk.length })));
}
