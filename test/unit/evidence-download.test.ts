import { describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/client.ts';
import { chunkStream } from '../../src/server/evidence/download.ts';
import { sha256 } from '../evidence-files.ts';

const content = Buffer.from('Biên bản họp xã Hòa An, đợt 1'.repeat(100));
const chunksOf = (buf: Buffer, size: number) => Array.from({ length: Math.ceil(buf.length / size) }, (_, i) => buf.subarray(i * size, (i + 1) * size));
const file = { id: 7, unitId: 1, name: 'Biên bản.pdf', sha256: sha256(content), size: content.length, type: 'application/pdf' };
const db = {} as Db;

async function read(chunks: Buffer[], f = file): Promise<{ got: Buffer; error: unknown }> {
  const received: Buffer[] = [];
  try {
    for await (const c of chunkStream(db, f, async (_db, _id, seq) => chunks[seq] ?? null)) received.push(c as Buffer);
    return { got: Buffer.concat(received), error: null };
  } catch (e) {
    return { got: Buffer.concat(received), error: e };
  }
}

describe('evidence download stream', () => {
  it('sends the stored chunks in order', async () => {
    const { got, error } = await read(chunksOf(content, 100));
    expect(error).toBeNull();
    expect(got.equals(content)).toBe(true);
  });

  it('never sends the last bytes of content that does not match its hash', async () => {
    const damaged = Buffer.from(content);
    damaged.writeUInt8(damaged.readUInt8(10) ^ 1, 10);
    const { got, error } = await read(chunksOf(damaged, 100));
    expect((error as { code?: string }).code).toBe('EVIDENCE_CORRUPT');
    expect(got.length).toBeLessThan(content.length);
  });

  it('stops at a missing chunk or at more bytes than stored', async () => {
    const parts = chunksOf(content, 100);
    const missing = await read(parts.slice(0, 3));
    expect((missing.error as { code?: string }).code).toBe('EVIDENCE_CORRUPT');
    expect(missing.got.length).toBeLessThanOrEqual(300);
    const longer = await read(parts, { ...file, size: content.length - 1 });
    expect((longer.error as { code?: string }).code).toBe('EVIDENCE_CORRUPT');
  });
});
