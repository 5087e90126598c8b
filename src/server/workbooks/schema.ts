import { z } from 'zod';
import { isoDateParam, yearParam } from '../contracts.ts';

const unitCode = z.string().regex(/^[0-9A-Za-z-]{2,20}$/, 'mã đơn vị không hợp lệ');
const family = z.string().regex(/^[a-z0-9][a-z0-9-]{0,80}$/, 'mã bộ tiêu chí không hợp lệ');

export const unitWorkbookParams = z.object({ unitCode, family, year: yearParam });
export const scopeWorkbookParams = z.object({ family, year: yearParam });

export const workbookQuery = z.object({
  asOf: isoDateParam.optional().describe('ngày lấy danh sách đơn vị (mặc định: hôm nay, trong năm đánh giá); một huyện chỉ có trước 01/07/2025'),
});
export const scopeWorkbookQuery = workbookQuery.extend({
  scope: unitCode.describe('mã tỉnh hoặc huyện: một trang tính cho mỗi xã thuộc phạm vi'),
});

export const workbookFile = z
  .string()
  .describe('Tệp Excel .xlsx (application/vnd.openxmlformats-officedocument.spreadsheetml.sheet), tải về dạng tệp đính kèm');

export const sheetProblem = z.object({
  sheet: z.string().nullable().describe('tên trang tính (null: cả tệp)'),
  row: z.number().int().nullable(),
  column: z.string().nullable().describe('chữ cột, ví dụ "H"'),
  message: z.string(),
});
export type SheetProblemBody = z.infer<typeof sheetProblem>;

export const sheetCounts = z.object({
  imported: z.number().int().describe('giá trị mới (trước đó chưa có)'),
  updated: z.number().int().describe('giá trị thay đổi'),
  cleared: z.number().int().describe('giá trị bị xoá'),
  unchanged: z.number().int().describe('dòng để trống hoặc giữ nguyên giá trị'),
  notes: z.number().int().describe('ghi chú thay đổi'),
});

export const importReport = z
  .object({
    file: z.string(),
    sheets: z.array(
      z.object({
        sheet: z.string(),
        unitCode: z.string(),
        unitName: z.string(),
        version: z.number().int().describe('phiên bản bản đánh giá sau khi nạp'),
        counts: sheetCounts,
      }),
    ),
    totals: sheetCounts,
  })
  .describe('Đã lưu mọi trang tính trong một giao dịch');
export type ImportReport = z.infer<typeof importReport>;

/** One line of the progress stream (Accept: application/x-ndjson). */
export const progressLine = z.discriminatedUnion('stage', [
  z.object({ stage: z.enum(['received', 'reading', 'checking', 'saving']), done: z.number().int().optional(), total: z.number().int().optional() }),
  z.object({ stage: z.literal('done'), report: importReport }),
  z.object({
    stage: z.literal('error'),
    status: z.number().int(),
    error: z.object({ code: z.string(), message: z.string(), details: z.record(z.string(), z.unknown()).optional() }),
  }),
]);
export type ProgressLine = z.infer<typeof progressLine>;
