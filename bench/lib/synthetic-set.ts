import { criteriaSetSchema, type CriteriaSet, type CriteriaSetInput } from '../../src/domain/criteria/schema.ts';
import { rng } from '../../src/seed/random.ts';

/**
 * A 2026–2030-shaped commune set generated for the benchmark: 10 criteria, 47 indicators, thresholds per
 * commune group. Its table of 47 indicators is not loaded in data/criteria (QĐ 51/2025 annex still to be read),
 * so the shape is borrowed and every name and number is invented. It is marked `sample` and never confirmed,
 * and it lives only in memory: nothing here is a regulation.
 */
export const SYNTHETIC_SET_ID = 'gia-lap-bench-xa-2026';

/** Indicators per criterion: 7 × 5 + 3 × 4 = 47. */
const PER_CRITERION = [5, 5, 5, 5, 5, 5, 5, 4, 4, 4];
const YEARS = [2026, 2027, 2028, 2029, 2030];

export function buildSyntheticSet(): CriteriaSet {
  const rand = rng('bench-synthetic-2026-2030');
  const criteria: CriteriaSetInput['criteria'] = PER_CRITERION.map((count, ci) => ({
    code: `G${ci + 1}`,
    name: `[Giả lập] Tiêu chí ${ci + 1}`,
    indicators: Array.from({ length: count }, (_, k) => {
      const code = `G${ci + 1}.${k + 1}`;
      const name = `[Giả lập] Chỉ tiêu ${code}`;
      if (ci === 2 && k === 0) {
        // An income-like indicator whose threshold rises year by year, as the 2021–2025 income rows do.
        return {
          code,
          name,
          unit: 'triệu đồng/người/năm',
          kind: 'min' as const,
          thresholds: YEARS.flatMap((year, yi) =>
            (['1', '2', '3'] as const).map((group, gi) => ({ group, year, value: 80 - gi * 10 + yi * 4, confirmed: false })),
          ),
        };
      }
      const r = rand();
      if (r < 0.4) return { code, name, kind: 'boolean' as const, thresholds: [{ value: true, confirmed: false }] };
      const base = Math.round(50 + rand() * 45);
      if (r < 0.8)
        return {
          code,
          name,
          unit: '%',
          kind: 'min' as const,
          thresholds: (['1', '2', '3'] as const).map((group, gi) => ({ group, value: base - gi * 5, confirmed: false })),
        };
      const cap = Math.round(5 + rand() * 15);
      return {
        code,
        name,
        unit: '%',
        kind: 'max' as const,
        thresholds: (['1', '2', '3'] as const).map((group, gi) => ({ group, value: cap + gi * 2, confirmed: false })),
      };
    }),
  }));
  const input: CriteriaSetInput = {
    id: SYNTHETIC_SET_ID,
    family: 'gia-lap-bench-xa-2026-2030',
    name: '[Dữ liệu giả lập cho benchmark] Bộ tiêu chí xã dạng 2026-2030 (10 tiêu chí, 47 chỉ tiêu)',
    decision: 'Không có (giả lập)',
    legalSource: 'Không có: bộ giả lập chỉ dùng để đo tốc độ, không phải quy định',
    effectiveFrom: '2026-02-15',
    period: { from: 2026, to: 2030 },
    unitLevel: 'commune',
    unitTypes: ['Xã'],
    dimension: 'group',
    tier: 'ntm',
    sample: true,
    criteria,
  };
  return criteriaSetSchema.parse(input);
}
