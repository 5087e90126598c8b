import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Piscina } from 'piscina';
import { DomainError } from '../../domain/errors.ts';
import { checkWorkbookFile } from './file-check.ts';
import type { ParseResult, ParseTask } from './parse-task.ts';
import type { ParsedWorkbook } from './read.ts';

/** A worker that runs out of this much heap is stopped, not the server (a 100,000-value workbook needs about 600 MB). */
const WORKER_HEAP_MB = 1536;
/** One workbook at a time: reading is CPU-bound and the server has few cores. */
const THREADS = 1;
/** Files waiting for the worker; more are refused as busy rather than held in memory. */
const MAX_QUEUE = 4;

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

/**
 * Reads an uploaded assessment workbook in a worker thread, so the event loop keeps serving while a province's
 * workbook is read. The checks that cost nothing (name, content type, size, the zip's directory) run here first.
 */
export async function readWorkbookInWorker(buf: Buffer, file: string): Promise<ParsedWorkbook> {
  checkWorkbookFile(buf, file);
  const p = getPool();
  if (p.queueSize >= MAX_QUEUE)
    throw new DomainError('IMPORT_BUSY', `Đang có nhiều phiếu chờ kiểm tra: hãy nạp lại tệp "${file}" sau ít phút`, { file, queue: MAX_QUEUE });
  let result: ParseResult;
  try {
    result = await p.run({ bytes: new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength), file });
  } catch (e) {
    if ((e as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY')
      throw new DomainError('FILE_TOO_LARGE', `Tệp "${file}" cần quá nhiều bộ nhớ để đọc: hãy chia nhỏ phiếu rồi nạp lại`, { file, limit: 'memory' });
    throw e;
  }
  if (!result.ok) throw new DomainError(result.code, result.message, result.details);
  return result.workbook;
}

/** Stops the worker (server shutdown, end of tests); a later import starts a new one. */
export async function closeWorkbookPool(): Promise<void> {
  const p = pool;
  pool = null;
  await p?.destroy();
}
