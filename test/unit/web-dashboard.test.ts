// The dashboard's figures from the overview's rows: criteria histogram, tiers "at least", the drill-down and the
// former communes drawn on the 2025 map.
import { describe, expect, it } from 'vitest';
import type { OverviewRow } from '../../src/web/api/types.ts';
import { districts, histogram, mapValues, rowsShown, rowsUnder, tierCounts } from '../../src/web/pages/dashboard/aggregate.ts';
import { buildCommuneMap } from '../../src/server/maps/service.ts';
import { dashboardSearch } from '../../src/web/pages/dashboard/search.ts';

function row(code: string, parentCode: string, criteriaMet: number | null, tier: string | null, hasValues = true): OverviewRow {
  return {
    code,
    name: code,
    fullName: `Xã ${code}`,
    type: 'Xã',
    parentCode,
    parentName: `Huyện ${parentCode}`,
    group: null,
    groupSample: false,
    set: criteriaMet === null ? null : 'xa-ntm-2024',
    criteriaMet,
    criteriaTotal: criteriaMet === null ? null : 19,
    criteriaNoData: 0,
    criteriaNoThreshold: 0,
    tier,
    sample: false,
    hasValues,
    explanation: null,
  };
}

const rows = [row('00001', '051', 19, 'nang-cao'), row('00002', '051', 19, 'ntm'), row('00003', '052', 4, null), row('00004', '052', 0, null, false)];

describe('dashboard figures', () => {
  it('counts criteria met only for units with values, on 0..19', () => {
    const h = histogram(rows);
    expect(h).toHaveLength(20);
    expect(h[19]!.count).toBe(2);
    expect(h[4]!.count).toBe(1);
    expect(h[0]!.count).toBe(0);
    expect(rowsShown(rows, 'met-19').map((r) => r.code)).toEqual(['00001', '00002']);
  });

  it('counts a commune at a tier and every tier below it, the way the plan counts targets', () => {
    expect(Object.fromEntries(tierCounts(rows).map((c) => [c.tier, c.count]))).toEqual({ none: 1, ntm: 2, 'nang-cao': 1, 'kieu-mau': 0 });
    expect(rowsShown(rows, 'tier-no-data').map((r) => r.code)).toEqual(['00004']);
  });

  it('drills down from the province to a former district and a commune', () => {
    expect(rowsUnder(rows, '04')).toHaveLength(4);
    expect(rowsUnder(rows, '052').map((r) => r.code)).toEqual(['00003', '00004']);
    expect(rowsUnder(rows, '00002').map((r) => r.code)).toEqual(['00002']);
    expect(districts(rows).map((d) => [d.code, d.communes, d.ntm, d.meanMet])).toEqual([
      ['051', 2, 2, 19],
      ['052', 2, 0, 4],
    ]);
  });

  it('draws the former communes in the 2025 commune they became part of: mean criteria, lowest tier', () => {
    const features = [{ id: '10000', properties: { fullName: 'Xã Mới', formedFrom: ['00001', '00002', '00003'] } }];
    const [v] = mapValues(rows, features, true);
    expect(v!.met).toBe(14);
    expect(v!.tier).toBe(0);
    // From 1/7/2025 the rows are the map's communes: matched on the commune's own code.
    expect(mapValues([row('10000', '04', 12, 'ntm')], features, false)[0]).toMatchObject({ met: 12, tier: 1 });
  });

  it('serves every commune of 2025 once and every former commune in exactly one of them', () => {
    const map = buildCommuneMap();
    expect(new Set(map.features.map((f) => f.id)).size).toBe(56);
    const former = map.features.flatMap((f) => f.properties.formedFrom);
    expect(new Set(former).size).toBe(former.length);
    expect(former).toHaveLength(161);
  });

  it('drops malformed search parameters', () => {
    expect(dashboardSearch({ unit: '051', colour: 'tier', show: 'met-12' })).toEqual({ unit: '051', colour: 'tier', show: 'met-12' });
    expect(dashboardSearch({ unit: 'x', colour: 'blue', show: 'drop table' })).toEqual({});
  });
});
