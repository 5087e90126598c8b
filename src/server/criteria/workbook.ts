import { DomainError } from '../../domain/errors.ts';
import type { CriteriaSet } from '../../domain/criteria/schema.ts';

/** Placeholder replaced by the workbook reader (criteria set transcribed from the annex table). */
export async function parseSetWorkbook(_buf: Buffer, file: string): Promise<CriteriaSet> {
  throw new DomainError('INVALID_CRITERIA_FILE', `Chưa hỗ trợ đọc tệp Excel "${file}"`, { file });
}
