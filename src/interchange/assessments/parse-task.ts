import { DomainError, type ErrorCode } from '../../domain/errors.ts';
import { readAssessmentWorkbook, type ParsedWorkbook } from './read.ts';

export interface ParseTask {
  bytes: Uint8Array;
  file: string;
}

/** Errors cross the thread boundary as plain data: a class instance would arrive as a bare object. */
export type ParseResult = { ok: true; workbook: ParsedWorkbook } | { ok: false; code: ErrorCode; message: string; details?: Record<string, unknown> };

/** Runs in a worker thread: reads one uploaded assessment workbook. */
export default async function parseTask(task: ParseTask): Promise<ParseResult> {
  try {
    const buf = Buffer.from(task.bytes.buffer, task.bytes.byteOffset, task.bytes.byteLength);
    return { ok: true, workbook: await readAssessmentWorkbook(buf, task.file) };
  } catch (e) {
    if (e instanceof DomainError) return { ok: false, code: e.code, message: e.message, ...(e.details ? { details: e.details } : {}) };
    throw e;
  }
}
