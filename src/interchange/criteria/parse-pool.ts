import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Piscina } from 'piscina';
import { DomainError } from '../../domain/errors.ts';
import type { CriteriaSet } from '../../domain/criteria/schema.ts';
import { precheckSetBuffer } from './files.ts';
import type { ParseResult, ParseTask } from './parse-task.ts';

/** A worker that runs out of this much heap is stopped, not the server. */
const WORKER_HEAP_MB = 768;
/** One file at a time, others wait their turn: parsing is CPU-bound and the server has few cores. */
const THREADS = 1;
/** Files waiting for the worker; more are refused as busy rather than held in memory. */
const MAX_QUEUE = 8;

let pool: Piscina<ParseTask, ParseResult> | null = null;

function getPool(): Piscina<ParseTask, ParseResult> {
  // The sources are TypeScript: the worker loads them through the same loader as the main thread.
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  pool ??= new Piscina<ParseTask, ParseResult>({
    filename: new URL('./parse-task.ts', import.meta.url).href,
    minThreads: 0,
    maxThreads: THREADS,
    maxQueue: MAX_QUEUE,
    idleTimeout: 30_000,
    execArgv: ['--import', tsx],
    resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
  });
  return pool;
}

function busy(file: string): DomainError {
  return new DomainError('IMPORT_BUSY', `Đang có nhiều tệp chờ kiểm tra: hãy nạp lại tệp "${file}" sau ít phút`, { file, queue: MAX_QUEUE });
}

/**
 * Parses and validates an uploaded criteria file in a worker thread, so the event loop keeps serving while a big
 * workbook is read. The checks that cost nothing (size, type, the zip's directory) run here first, so an
 * oversized file or a zip bomb is refused at once, even while another import holds the worker.
 */
export async function parseInWorker(buf: Buffer, file: string): Promise<CriteriaSet> {
  precheckSetBuffer(buf, file);
  const p = getPool();
  if (p.queueSize >= MAX_QUEUE) throw busy(file);
  const bytes = new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
  let result: ParseResult;
  try {
    result = await p.run({ bytes, file });
  } catch (e) {
    const err = e as { code?: string; message?: string };
    if (err.code === 'ERR_WORKER_OUT_OF_MEMORY')
      throw new DomainError('FILE_TOO_LARGE', `Tệp "${file}" cần quá nhiều bộ nhớ để đọc: hãy chia nhỏ hoặc lưu lại bảng tính rồi nạp lại`, {
        file,
        limit: 'memory',
      });
    throw e;
  }
  if (!result.ok) throw new DomainError(result.code, result.message, result.details);
  return result.set;
}

/** Stops the worker (server shutdown, end of tests); a later import starts a new one. */
export async function closeParsePool(): Promise<void> {
  const p = pool;
  pool = null;
  await p?.destroy();
}
