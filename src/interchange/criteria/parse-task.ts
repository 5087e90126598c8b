import { DomainError, type ErrorCode } from '../../domain/errors.ts';
import type { CriteriaSet } from '../../domain/criteria/schema.ts';
import { parseSetBuffer } from './files.ts';

export interface ParseTask {
  bytes: Uint8Array;
  file: string;
}

/** Errors cross the thread boundary as plain data: a class instance would arrive as a bare object. */
export type ParseResult = { ok: true; set: CriteriaSet } | { ok: false; code: ErrorCode; message: string; details?: Record<string, unknown> };

/** Runs in a worker thread: parses and validates one uploaded file. */
export default async function parseTask(task: ParseTask): Promise<ParseResult> {
  try {
    const buf = Buffer.from(task.bytes.buffer, task.bytes.byteOffset, task.bytes.byteLength);
    return { ok: true, set: await parseSetBuffer(buf, task.file) };
  } catch (e) {
    if (e instanceof DomainError) return { ok: false, code: e.code, message: e.message, ...(e.details ? { details: e.details } : {}) };
    throw e;
  }
}
