import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { MultipartFile } from '@fastify/multipart';
import { DomainError } from '../../domain/errors.ts';
import { megabytes } from '../../interchange/criteria/limits.ts';
import type { FileReader } from './sniff.ts';

/** A file received whole into a temporary file, with what was learnt while it streamed in. */
export interface ReceivedFile {
  /** The name as sent by the client (not yet cleaned). */
  rawName: string;
  path: string;
  size: number;
  sha256: string;
  /** The first bytes (up to 64 kB), for the type check. */
  head: Buffer;
}

const HEAD_BYTES = 64 * 1024;

export function tooLarge(file: string, max: number): DomainError {
  return new DomainError('FILE_TOO_LARGE', `Tệp "${file}" lớn hơn giới hạn ${megabytes(max)} của một tệp minh chứng`, { file, limit: 'fileBytes', max });
}

/**
 * Streams a multipart file part to a temporary file (readable by this process only), hashing and counting as it
 * goes: memory stays at a few buffers whatever the size. Above `maxBytes` busboy stops and the part is refused
 * with 413 naming the file; the temporary file is removed on any failure.
 */
export async function receiveToTemp(part: MultipartFile, maxBytes: number): Promise<ReceivedFile> {
  const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'chungsuc-evidence-'));
  const target = path.join(dir, 'upload');
  const hash = crypto.createHash('sha256');
  const head: Buffer[] = [];
  let size = 0;
  const tap = new Transform({
    transform(chunk: Buffer, _enc, done) {
      if (size < HEAD_BYTES) head.push(chunk.subarray(0, HEAD_BYTES - size));
      size += chunk.length;
      hash.update(chunk);
      done(null, chunk);
    },
  });
  try {
    await pipeline(part.file, tap, fs.createWriteStream(target, { mode: 0o600 }));
    if (part.file.truncated) throw tooLarge(part.filename, maxBytes);
  } catch (e) {
    await removeTemp(target);
    if ((e as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge(part.filename, maxBytes);
    throw e;
  }
  return { rawName: part.filename, path: target, size, sha256: hash.digest('hex'), head: Buffer.concat(head) };
}

/** Removes a temporary file and its folder. */
export async function removeTemp(file: string): Promise<void> {
  await fs.promises.rm(path.dirname(file), { recursive: true, force: true });
}

/** Random access to a temporary file, for the type check; closed by `close`. */
export async function tempReader(file: ReceivedFile): Promise<FileReader & { close(): Promise<void> }> {
  const fh = await fs.promises.open(file.path, 'r');
  return {
    size: file.size,
    read: async (offset, length) => {
      const buf = Buffer.alloc(Math.max(0, Math.min(length, file.size - offset)));
      if (buf.length === 0) return buf;
      const { bytesRead } = await fh.read(buf, 0, buf.length, offset);
      return buf.subarray(0, bytesRead);
    },
    close: () => fh.close(),
  };
}

/** The temporary file in pieces of `chunkBytes`, in order (for storing them as chunks). */
export async function* tempChunks(file: ReceivedFile, chunkBytes: number): AsyncGenerator<Buffer> {
  const fh = await fs.promises.open(file.path, 'r');
  try {
    for (let offset = 0; offset < file.size; offset += chunkBytes) {
      const buf = Buffer.alloc(Math.min(chunkBytes, file.size - offset));
      const { bytesRead } = await fh.read(buf, 0, buf.length, offset);
      if (bytesRead !== buf.length) throw new Error(`temporary upload shrank while stored (${offset + bytesRead} of ${file.size} bytes)`);
      yield buf;
    }
  } finally {
    await fh.close();
  }
}
