import { fileWorker } from '../file-worker.ts';
import { checkWorkbookFile } from './file-check.ts';
import type { ParsedWorkbook } from './read.ts';

// A 100,000-value workbook needs about 600 MB of heap.
const worker = fileWorker<{ workbook: ParsedWorkbook }>({
  filename: new URL('./parse-task.ts', import.meta.url),
  heapMb: 1536,
  maxQueue: 4,
  busy: (file) => `Đang có nhiều phiếu chờ kiểm tra: hãy nạp lại tệp "${file}" sau ít phút`,
  outOfMemory: (file) => `Tệp "${file}" cần quá nhiều bộ nhớ để đọc: hãy chia nhỏ phiếu rồi nạp lại`,
});

/**
 * Reads an uploaded assessment workbook in a worker thread, so the event loop keeps serving while a province's
 * workbook is read. The checks that cost nothing (name, content type, size, the zip's directory) run here first.
 */
export async function readWorkbookInWorker(buf: Buffer, file: string): Promise<ParsedWorkbook> {
  checkWorkbookFile(buf, file);
  return (await worker.run(buf, file)).workbook;
}

/** Stops the worker (server shutdown, end of tests); a later import starts a new one. */
export const closeWorkbookPool = (): Promise<void> => worker.close();
