import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.ts';
import { attributesAsOf, listUnitsAsOf } from '../../src/db/repos/units.ts';
import { seedAreaClasses } from '../../src/seed/area-classes.ts';
import { overview } from '../../src/server/evaluation/service.ts';
import { backends } from './backends.ts';

// Real data of the province (QĐ 2230/QĐ-UBND, read from a secondary source), loaded with the units.
describe.each(backends)('area classification and commune groups on $name', (backend) => {
  let d: Database;
  beforeAll(async () => {
    d = await backend.shared();
  });

  it('puts the 53 xã in group 3 and gives the wards their area class but no group, as real data with its source', async () => {
    const units = (await listUnitsAsOf(d.db, '2026-03-01', 'commune')).filter((u) => /^\d+$/.test(u.code));
    const groups = await attributesAsOf(d.db, 'commune-group', '2026-03-01');
    const classes = await attributesAsOf(d.db, 'area-class', '2026-03-01');
    const xa = units.filter((u) => u.type === 'Xã');
    expect(xa).toHaveLength(53);
    for (const u of xa) {
      expect(groups.get(u.id)).toMatchObject({ value: '3', sample: false });
      expect(groups.get(u.id)!.source).toMatch(/^Khu vực III → nhóm 3 .*Nguồn thứ cấp.*2230\/QĐ-UBND/);
      expect(classes.get(u.id)?.value).toBe('III');
    }
    const wards = new Map(units.filter((u) => u.type === 'Phường').map((u) => [u.code, u.id]));
    expect(classes.get(wards.get('01273')!)?.value).toBe('I');
    expect(classes.get(wards.get('01279')!)?.value).toBe('II');
    expect(classes.get(wards.get('01288')!)?.value).toBe('II');
    for (const id of wards.values()) expect(groups.has(id)).toBe(false);
  });

  it('is loaded once', async () => {
    expect(await seedAreaClasses(d.db)).toEqual({ inserted: 0 });
  });

  it('lets every xã be evaluated on the 2026–2030 set with its real group', async () => {
    const o = await overview(d.db, '2026-03-01', 2026);
    const xa = o.rows.filter((r) => r.type === 'Xã' && /^\d+$/.test(r.code));
    expect(xa).toHaveLength(53);
    for (const r of xa) expect(r).toMatchObject({ set: 'xa-ntm-2026', group: '3', groupSample: false, explanation: null });
  });
});
