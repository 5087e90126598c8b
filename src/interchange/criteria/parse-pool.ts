import type { CriteriaSet } from '../../domain/criteria/schema.ts';
import { fileWorker } from '../file-worker.ts';
import { precheckSetBuffer } from './files.ts';

const worker = fileWorker<{ set: CriteriaSet }>({
  filename: new URL('./parse-task.ts', import.meta.url),
  heapMb: 768,
  maxQueue: 8,
  busy: (file) => `Đang có nhiều tệp chờ kiểm tra: hãy nạp lại tệp "${file}" sau ít phút`,
  outOfMemory: (file) => `Tệp "${file}" cần quá nhiều bộ nhớ để đọc: hãy chia nhỏ hoặc lưu lại bảng tính rồi nạp lại`,
});

/**
 * Parses and validates an uploaded criteria file in a worker thread, so the event loop keeps serving while a big
 * workbook is read. The checks that cost nothing (size, type, the zip's directory) run here first, so an
 * oversized file or a zip bomb is refused at once, even while another import holds the worker.
 */
export async function parseInWorker(buf: Buffer, file: string): Promise<CriteriaSet> {
  precheckSetBuffer(buf, file);
  return (await worker.run(buf, file)).set;
}

/** Stops the worker (server shutdown, end of tests); a later import starts a new one. */
export const closeParsePool = (): Promise<void> => worker.close();
