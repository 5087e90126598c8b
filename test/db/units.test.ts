import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { queryRows, type Database } from '../../src/db/client.ts';
import { countUnits, findUnitAsOf, findUnitById, lineageOf, listUnitsAsOf, scopeIds, unitHistory } from '../../src/db/repos/units.ts';
import { seedUnits } from '../../src/seed/units.ts';
import { backends } from './backends.ts';

const BEFORE = '2025-06-30';
const AFTER = '2025-07-01';

// On purpose on the real data, not on factories: these counts, codes and merges are what the loader must give
// for Cao Bằng (checked against the sources in data/units/SOURCES.md).
describe.each(backends)('Cao Bằng units on $name', (backend) => {
  let d: Database;
  beforeAll(async () => {
    d = await backend.shared();
  });

  const countByLevel = async (date: string) => {
    const rows = await listUnitsAsOf(d.db, date);
    const out: Record<string, number> = {};
    for (const u of rows) out[u.level] = (out[u.level] ?? 0) + 1;
    return out;
  };

  it('has 1 province, 10 districts and 161 communes until 30/06/2025', async () => {
    expect(await countByLevel(BEFORE)).toEqual({ province: 1, district: 10, commune: 161 });
    expect(await listUnitsAsOf(d.db, BEFORE, 'commune')).toHaveLength(161);
  });

  it('has the province and 56 communes from 01/07/2025, with no district level', async () => {
    expect(await countByLevel(AFTER)).toEqual({ province: 1, commune: 56 });
    const communes = await listUnitsAsOf(d.db, AFTER, 'commune');
    expect(communes).toHaveLength(56);
    expect(new Set(communes.map((c) => c.parentCode))).toEqual(new Set(['04']));
  });

  it('records 161 lineage rows, one per old commune, every one into a commune of 01/07/2025', async () => {
    const rows = await queryRows<{ n: number; preds: number; succs: number }>(
      d.db,
      sql`SELECT count(*)::int AS n, count(DISTINCT predecessor_id)::int AS preds, count(DISTINCT successor_id)::int AS succs FROM unit_lineage`,
    );
    expect(rows[0]).toEqual({ n: 161, preds: 161, succs: 56 });
  });

  it('tells reused codes apart by date (01273)', async () => {
    expect((await findUnitAsOf(d.db, '01273', BEFORE))?.fullName).toBe('Phường Hợp Giang');
    expect((await findUnitAsOf(d.db, '01273', AFTER))?.fullName).toBe('Phường Thục Phán');
    const history = await unitHistory(d.db, '01273');
    // Oldest period first.
    expect(history.map((u) => [u.fullName, u.validFrom, u.validTo])).toEqual([
      ['Phường Hợp Giang', null, BEFORE],
      ['Phường Thục Phán', AFTER, null],
    ]);
    expect(await findUnitAsOf(d.db, '01666', AFTER)).toBeUndefined();
    expect(await findUnitAsOf(d.db, '99999', BEFORE)).toBeUndefined();
  });

  it('keeps the old parents of old communes (districts) and the province as parent of new ones', async () => {
    const old = (await findUnitAsOf(d.db, '01654', BEFORE))!;
    expect(old).toMatchObject({ fullName: 'Thị trấn Nước Hai', parentCode: '051', level: 'commune', region: 'TDMNPB' });
    const byId = await findUnitById(d.db, old.id);
    expect(byId?.code).toBe('01654');
    expect((await findUnitAsOf(d.db, '01654', AFTER))?.parentCode).toBe('04');
  });

  it('gives the units a new commune was formed from', async () => {
    const hoaAn = (await findUnitAsOf(d.db, '01654', AFTER))!;
    const { predecessors, successors } = await lineageOf(d.db, hoaAn.id);
    expect(predecessors.map((u) => u.fullName)).toEqual(['Thị trấn Nước Hai', 'Xã Đại Tiến', 'Xã Hồng Việt']);
    expect(successors).toEqual([]);
    const daiTien = (await findUnitAsOf(d.db, '01666', BEFORE))!;
    expect((await lineageOf(d.db, daiTien.id)).successors.map((u) => u.code)).toEqual(['01654']);
  });

  it('scopeIds covers a unit, its descendants and the units it was formed from', async () => {
    const hoaAn = (await findUnitAsOf(d.db, '01654', AFTER))!;
    const scope = await scopeIds(d.db, hoaAn.id);
    const preds = (await lineageOf(d.db, hoaAn.id)).predecessors;
    expect(scope.has(hoaAn.id)).toBe(true);
    for (const p of preds) expect(scope.has(p.id)).toBe(true);
    expect(scope.size).toBe(1 + preds.length);
    const other = (await findUnitAsOf(d.db, '01273', AFTER))!;
    expect(scope.has(other.id)).toBe(false);

    const district = (await findUnitAsOf(d.db, '051', BEFORE))!;
    const districtScope = await scopeIds(d.db, district.id);
    const oldCommunes = (await listUnitsAsOf(d.db, BEFORE, 'commune')).filter((c) => c.parentId === district.id);
    expect(oldCommunes.length).toBeGreaterThan(0);
    expect(districtScope.size).toBe(1 + oldCommunes.length);
    expect(districtScope.has(hoaAn.id)).toBe(false);

    const province = (await findUnitAsOf(d.db, '04', AFTER))!;
    expect((await scopeIds(d.db, province.id)).size).toBe(await countUnits(d.db));
  });

  it('loads units only once', async () => {
    const before = await countUnits(d.db);
    expect(await seedUnits(d.db)).toEqual({ inserted: 0 });
    expect(await countUnits(d.db)).toBe(before);
    expect(before).toBe(1 + 10 + 161 + 56);
  });
});
