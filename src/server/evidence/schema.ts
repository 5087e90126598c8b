/** The evidence routes' contract: parameters and responses (the web infers its types from these). */
import { z } from 'zod';
import { isoDateParam, yearParam } from '../contracts.ts';
import { evidenceRef } from '../assessments/schema.ts';

/** The shape an assessment shows of a file (one definition, the assessment contract's). */
export { evidenceRef };
export type EvidenceRefBody = z.infer<typeof evidenceRef>;

export const assessmentEvidenceParams = z.object({
  unitCode: z.string().min(1).max(20).describe('mã đơn vị'),
  family: z.string().min(1).max(100).describe('họ bộ tiêu chí'),
  year: yearParam.describe('năm đánh giá'),
});

const asOf = isoDateParam.optional().describe('ngày xác định đơn vị (mặc định: theo năm đánh giá), cho đơn vị đã sáp nhập');

export const uploadEvidenceQuery = z.object({ asOf });

export const removeEvidenceParams = assessmentEvidenceParams.extend({
  fileId: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).describe('số của tệp'),
});

export const removeEvidenceQuery = z.object({
  code: z.string().min(1).max(50).describe('mã chỉ tiêu hoặc tiêu chí mà tệp đang làm minh chứng'),
  version: z.coerce.number().int().min(0).max(2_147_483_647).describe('phiên bản của đánh giá mà màn hình đang có'),
  asOf,
});

export const evidenceChangeResponse = z
  .object({
    version: z.number().int().describe('phiên bản mới của đánh giá'),
    evidence: evidenceRef,
  })
  .describe('Đã ghi; phiên bản mới của đánh giá');
export type EvidenceChangeBody = z.infer<typeof evidenceChangeResponse>;

export const evidenceIdParams = z.object({ id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).describe('số của tệp') });

/** The download's body is the file itself; the docs say so (a schema is kept so the contract lists a 2xx). */
export const evidenceDownload = z
  .unknown()
  .describe(
    'Nội dung tệp, với Content-Type là loại đã kiểm tra, Content-Disposition: attachment (tên tệp theo RFC 5987), ETag là SHA-256 và Cache-Control: private',
  );
