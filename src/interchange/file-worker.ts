import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Piscina } from 'piscina';
import { DomainError } from '../domain/errors.ts';

/** What a file-reading worker answers: its result, or a domain error to rethrow on the main thread. */
export type WorkerAnswer<T> =
  ({ ok: true } & T) | { ok: false; code: import('../domain/errors.ts').ErrorCode; message: string; details?: Record<string, unknown> };

export interface FileWorkerOptions {
  /** The worker module (TypeScript, loaded through the same loader as the main thread). */
  filename: URL;
  /** A worker that runs out of this much heap is stopped, not the server. */
  heapMb: number;
  /** Files waiting for the worker; more are refused as busy rather than held in memory. */
  maxQueue: number;
  /** Vietnamese messages naming the file: busy, and too big to read in memory. */
  busy: (file: string) => string;
  outOfMemory: (file: string) => string;
}

/**
 * One worker thread that reads uploaded files (CPU-bound work off the event loop), one file at a time: the server
 * has few cores. Shared by the criteria set import and the assessment workbook import.
 */
export function fileWorker<T extends object>(opts: FileWorkerOptions) {
  let pool: Piscina<{ bytes: Uint8Array; file: string }, WorkerAnswer<T>> | null = null;
  const getPool = () => {
    const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
    pool ??= new Piscina({
      filename: opts.filename.href,
      minThreads: 0,
      maxThreads: 1,
      maxQueue: opts.maxQueue,
      idleTimeout: 30_000,
      execArgv: ['--import', tsx],
      resourceLimits: { maxOldGenerationSizeMb: opts.heapMb },
    });
    return pool;
  };
  return {
    async run(buf: Buffer, file: string): Promise<T> {
      const p = getPool();
      if (p.queueSize >= opts.maxQueue) throw new DomainError('IMPORT_BUSY', opts.busy(file), { file, queue: opts.maxQueue });
      let result: WorkerAnswer<T>;
      try {
        result = await p.run({ bytes: new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength), file });
      } catch (e) {
        if ((e as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY')
          throw new DomainError('FILE_TOO_LARGE', opts.outOfMemory(file), { file, limit: 'memory' });
        throw e;
      }
      if (!result.ok) throw new DomainError(result.code, result.message, result.details);
      return result;
    },
    /** Stops the worker (server shutdown, end of tests); a later file starts a new one. */
    async close(): Promise<void> {
      const p = pool;
      pool = null;
      await p?.destroy();
    },
  };
}
