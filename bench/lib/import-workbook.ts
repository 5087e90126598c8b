import { criteriaSetSchema, type CriteriaSet, type CriteriaSetInput } from '../../src/domain/criteria/schema.ts';
import { rng } from '../../src/seed/random.ts';

/**
 * A generated commune set for the assessment-import benchmark: 50 criteria × 10 indicators (percentages, yes/no,
 * counts with an upper bound), invented names and numbers, marked `sample`, never confirmed, kept in memory only.
 * With 200 generated communes it makes a workbook of 100,000 values.
 */
export const IMPORT_BENCH_FAMILY = 'gia-lap-bench-nhap';
export const BENCH_CRITERIA = 50;
export const BENCH_PER_CRITERION = 10;
export const BENCH_UNITS = 200;

export function buildImportBenchSet(): CriteriaSet {
  const rand = rng('bench-assessment-import');
  const criteria: CriteriaSetInput['criteria'] = Array.from({ length: BENCH_CRITERIA }, (_, ci) => ({
    code: `N${ci + 1}`,
    name: `[Giả lập] Tiêu chí ${ci + 1}`,
    indicators: Array.from({ length: BENCH_PER_CRITERION }, (_, k) => {
      const code = `N${ci + 1}.${k + 1}`;
      const name = `[Giả lập] Chỉ tiêu ${code}`;
      const r = rand();
      if (r < 0.3) return { code, name, kind: 'boolean' as const, thresholds: [{ value: true, confirmed: false }] };
      if (r < 0.8) return { code, name, unit: '%', kind: 'min' as const, thresholds: [{ value: Math.round(50 + rand() * 45), confirmed: false }] };
      return { code, name, unit: 'hộ', kind: 'max' as const, thresholds: [{ value: Math.round(5 + rand() * 20), confirmed: false }] };
    }),
  }));
  return criteriaSetSchema.parse({
    id: `${IMPORT_BENCH_FAMILY}-2026`,
    family: IMPORT_BENCH_FAMILY,
    name: '[Giả lập] Bộ tiêu chí để đo tốc độ nạp phiếu',
    decision: 'Không có (giả lập)',
    legalSource: 'Giả lập cho benchmark, không phải quy định',
    effectiveFrom: '2026-01-01',
    period: { from: 2026, to: 2030 },
    unitLevel: 'commune',
    dimension: 'none',
    tier: 'ntm',
    sample: true,
    criteria,
  });
}

/** The value typed in a row of the benchmark workbook: deterministic, always valid for the row's kind. */
export function benchValue(threshold: string, i: number): number | string {
  if (threshold.startsWith('≥')) return 40 + (i % 60);
  if (threshold.startsWith('≤')) return i % 30;
  return i % 3 === 0 ? 'Chưa đạt' : 'Đạt';
}
