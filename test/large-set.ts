/**
 * The largest criteria set the import limits accept, as a workbook: for tests that an import of it leaves the
 * server responsive, and for the benchmark of `/api/health` while it is imported.
 */
import { SET_LIMITS } from '../src/domain/criteria/validate.ts';
import type { CriteriaSet } from '../src/domain/criteria/schema.ts';
import { IMPORT_LIMITS } from '../src/interchange/criteria/limits.ts';
import { setToWorkbook } from '../src/interchange/criteria/workbook.ts';
import { buildCriterion, buildIndicator, buildSet } from './factories.ts';

const YEARS = [2026, 2027, 2028, 2029];
const GROUPS = ['1', '2', '3'] as const;

/** Every indicator has a threshold per commune group and year: one workbook row per indicator and year. */
export function buildLargestSet(id: string): CriteriaSet {
  const perCriterion = SET_LIMITS.indicators / 100;
  const criteria = Array.from({ length: 100 }, (_, c) =>
    buildCriterion({
      code: String(c + 1),
      name: `Tiêu chí thử tải ${c + 1}`,
      indicators: Array.from({ length: perCriterion }, (_, i) =>
        buildIndicator({
          code: `${c + 1}.${i + 1}`,
          name: `Chỉ tiêu thử tải ${c + 1}.${i + 1}: tỷ lệ hộ đạt yêu cầu của chỉ tiêu`,
          thresholds: YEARS.flatMap((year) => GROUPS.map((group) => ({ group, year, value: 50 + (year % 10), confirmed: false }))),
        }),
      ),
    }),
  );
  const set = buildSet({ id, family: id, dimension: 'group', effectiveFrom: '2026-01-01', period: { from: 2026, to: 2030 }, criteria });
  const rows = criteria.length + SET_LIMITS.indicators * YEARS.length;
  if (rows > IMPORT_LIMITS.sheetRows) throw new Error(`largest set has ${rows} rows, over the limit`);
  return set;
}

export async function buildLargestWorkbook(id: string): Promise<Buffer> {
  return setToWorkbook(buildLargestSet(id));
}
