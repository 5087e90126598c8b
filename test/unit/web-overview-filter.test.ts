import { describe, expect, it } from 'vitest';
import type { OverviewRow } from '../../src/web/api/types.ts';
import { applyFilters, countByTier, NO_FILTERS, tierKey } from '../../src/web/pages/overview/filter.ts';

const row = (over: Partial<OverviewRow>): OverviewRow =>
  ({
    code: '01',
    name: 'A',
    fullName: 'Xã A',
    type: 'xa',
    parentCode: '04',
    parentName: 'Tỉnh',
    set: 'xa-ntm-2024',
    tier: null,
    hasValues: true,
    ...over,
  }) as OverviewRow;

describe('overview tiles: a unit without data is never counted as not met', () => {
  it('puts units without values apart, units with values and no tier under "Chưa đạt", wards under "Không áp dụng"', () => {
    const rows = [row({ hasValues: false }), row({ hasValues: false }), row({}), row({ tier: 'ntm' }), row({ set: null, hasValues: false })];
    expect(rows.map(tierKey)).toEqual(['no-data', 'no-data', 'none', 'ntm', 'na']);
    const counts = countByTier(rows);
    expect(counts.get('none')).toBe(1);
    expect(counts.get('no-data')).toBe(2);
    expect(applyFilters(rows, { ...NO_FILTERS, tier: 'none' })).toHaveLength(1);
  });
});
