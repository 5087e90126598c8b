import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Piscina } from 'piscina';
import { DomainError } from '../domain/errors.ts';
import type { ReportTask } from './task.ts';

let pool: Piscina<ReportTask, Uint8Array> | null = null;

/** Reports waiting for the worker; more are refused as busy rather than queued without end. */
const MAX_QUEUE = 8;

/**
 * Writes a report in a worker thread (laying out a PDF or a workbook is CPU work that would stall every other
 * request), one at a time: the server has few cores.
 */
export async function renderReport(task: ReportTask): Promise<Buffer> {
  pool ??= new Piscina({
    filename: new URL('./task.ts', import.meta.url).href,
    minThreads: 0,
    maxThreads: 1,
    maxQueue: MAX_QUEUE,
    idleTimeout: 30_000,
    execArgv: ['--import', pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href],
    resourceLimits: { maxOldGenerationSizeMb: 512 },
  });
  if (pool.queueSize >= MAX_QUEUE) throw new DomainError('IMPORT_BUSY', 'Đang có nhiều báo cáo chờ lập: hãy thử lại sau ít phút', { queue: MAX_QUEUE });
  const bytes = await pool.run(task);
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Stops the worker (server shutdown, end of tests); a later report starts a new one. */
export async function closeReportPool(): Promise<void> {
  const p = pool;
  pool = null;
  await p?.destroy();
}
