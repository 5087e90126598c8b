import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.ts';
import { findUnitAsOf, insertAttribute, type UnitWithParent } from '../../src/db/repos/units.ts';
import { evaluateUnit, overview } from '../../src/server/evaluation/service.ts';
import { buildAssessment, buildUnit } from '../factories.ts';
import { backends } from './backends.ts';
import { codeOf } from './errors.ts';

// The 2021–2025 commune sets (xa-ntm-2024 and the ladder above it) read values of this family; criterion 1 has
// exactly the indicators 1.1 and 1.2 (yes/no).
const NTM_2021 = 'xa-ntm-2021-2025';
const AFTER = '2025-07-01';
const BEFORE = '2025-06-30';

// Units come from Cao Bằng's real data (counts, reused codes, lineage and wards are facts of the province); the
// values, the extra communes and their groups are built by each test, never taken from the demo.
describe.each(backends)('evaluation service on $name', (backend) => {
  let d: Database;
  let province: UnitWithParent;
  beforeAll(async () => {
    d = await backend.shared();
    province = (await findUnitAsOf(d.db, '04', AFTER))!;
  });
  const unit = async (code: string, date: string) => (await findUnitAsOf(d.db, code, date))!;
  const isReal = (r: { code: string }) => /^\d+$/.test(r.code);

  it('gives one overview row per commune in force: 161 on 30/06/2025, 56 on 01/07/2025 (real data, on purpose)', async () => {
    const before = (await overview(d.db, BEFORE, 2025)).rows.filter(isReal);
    expect(before).toHaveLength(161);
    expect(new Set(before.map((r) => r.code)).size).toBe(161);
    const after = await overview(d.db, AFTER, 2025);
    expect(after.rows.filter(isReal)).toHaveLength(56);
    expect(after.sets).toContain('xa-ntm-2024');
    // Old communes are shown under their district, new ones directly under the province.
    expect(before.every((r) => r.parentName !== null)).toBe(true);
    expect(after.rows.filter(isReal).every((r) => r.parentCode === '04')).toBe(true);
  });

  it('fills each row from the evaluation of the set in force, with the values stored for it', async () => {
    const withValues = await buildUnit(d.db, { parent: province });
    const without = await buildUnit(d.db, { parent: province });
    await buildAssessment(d.db, { unit: withValues, family: NTM_2021, year: 2025, values: { '1.1': true, '1.2': true }, status: 'approved' });
    const { rows } = await overview(d.db, AFTER, 2025);
    // The commune sets apply to communes (Xã), not to wards (Phường): Cao Bằng has three since 1/7/2025.
    const wards = rows.filter((r) => r.type === 'Phường');
    expect(wards).toHaveLength(3);
    for (const r of wards) expect(r).toMatchObject({ set: null, criteriaMet: null, tier: null, hasValues: false });
    expect(rows.find((r) => r.code === withValues.code)).toMatchObject({
      set: 'xa-ntm-2024',
      criteriaTotal: 19,
      criteriaMet: 1,
      hasValues: true,
      sample: false,
    });
    expect(rows.find((r) => r.code === without.code)).toMatchObject({ set: 'xa-ntm-2024', criteriaTotal: 19, criteriaMet: 0, hasValues: false });
    // The row agrees with the unit's own evaluation.
    const e = await evaluateUnit(d.db, withValues.code, AFTER, 2025);
    expect(e.evaluation!.criteriaMet).toBe(1);
    expect(e.highest!.tier).toBe(rows.find((r) => r.code === withValues.code)!.tier);
  });

  it('lists hamlets on request', async () => {
    const commune = await buildUnit(d.db, { parent: province });
    const hamlet = await buildUnit(d.db, { level: 'hamlet', parent: commune });
    const { rows } = await overview(d.db, AFTER, 2025, 'hamlet');
    expect(rows.map((r) => r.code)).toContain(hamlet.code);
    expect(rows.every((r) => r.type === 'Xóm')).toBe(true);
  });

  it('evaluates a unit with the ladder in force and its stored values', async () => {
    await buildAssessment(d.db, { unit: await unit('01654', AFTER), family: NTM_2021, year: 2025, values: { '1.1': true }, status: 'approved' });
    const e = await evaluateUnit(d.db, '01654', AFTER, 2025);
    expect(e.unit).toMatchObject({ code: '01654', fullName: 'Xã Hòa An', parentCode: '04' });
    expect(e.evaluation!.set).toBe('xa-ntm-2024');
    expect(e.highest!.set).toBe('xa-kieu-mau-2022');
    expect(e.highest!.prerequisites.map((p) => p.set)).toEqual(['xa-nang-cao-2024', 'xa-ntm-2024']);
    expect(e.hasValues).toBe(true);
    expect(e.valuesSample).toBe(false);
    expect(e.evaluation!.indicators['1.1']).toMatchObject({ status: 'met', value: true });
  });

  it('evaluates a reused code as the unit in force on the date, each with its own values', async () => {
    await buildAssessment(d.db, { unit: await unit('01304', BEFORE), family: NTM_2021, year: 2024, values: { '1.1': false }, status: 'approved' });
    await buildAssessment(d.db, { unit: await unit('01304', AFTER), family: NTM_2021, year: 2025, values: { '1.1': true }, status: 'approved' });
    const old = await evaluateUnit(d.db, '01304', BEFORE, 2024);
    const current = await evaluateUnit(d.db, '01304', AFTER, 2025);
    expect(old.unit.fullName).toBe('Xã Thạch Lâm');
    expect(current.unit.fullName).toBe('Xã Quảng Lâm');
    expect(old.unit.id).not.toBe(current.unit.id);
    expect(old.evaluation!.indicators['1.1']).toMatchObject({ status: 'not-met', value: false });
    expect(current.evaluation!.indicators['1.1']).toMatchObject({ status: 'met', value: true });
  });

  it('refuses a code not in force on the date (UNIT_NOT_IN_FORCE)', async () => {
    // Xã Đại Tiến (01666) was merged into Hòa An on 01/07/2025.
    expect(await codeOf(evaluateUnit(d.db, '01666', AFTER, 2025))).toBe('UNIT_NOT_IN_FORCE');
    expect(await codeOf(evaluateUnit(d.db, '99999', BEFORE, 2025))).toBe('UNIT_NOT_IN_FORCE');
    expect((await evaluateUnit(d.db, '01666', BEFORE, 2025)).unit.fullName).toBe('Xã Đại Tiến');
  });

  it('says why when no set applies to a unit (a ward), without failing', async () => {
    const e = await evaluateUnit(d.db, '01273', AFTER, 2025);
    expect(e.evaluation).toBeNull();
    expect(e.explanation?.code).toBe('NO_SET_FOR_UNIT');
    expect(e.explanation?.message).toContain('phường');
  });

  it('takes the year’s set whatever the date; refuses an explicit set outside its period and an unknown set', async () => {
    // 2030 is covered by the 2026–2030 set, which needs the commune group: said, not an error.
    const e = await evaluateUnit(d.db, '01654', AFTER, 2030);
    expect(e.evaluation?.set ?? e.explanation?.code).toMatch(/^(xa-ntm-2026|GROUP_MISSING)$/);
    expect((await evaluateUnit(d.db, '01654', '2026-12-01', 2025)).evaluation!.set).toBe('xa-ntm-2024');
    expect(await codeOf(evaluateUnit(d.db, '01654', AFTER, 2030, 'xa-ntm-2024'))).toBe('YEAR_OUT_OF_PERIOD');
    expect(await codeOf(evaluateUnit(d.db, '01654', AFTER, 2025, 'khong-co'))).toBe('SET_NOT_FOUND');
  });

  it('uses the 2026–2030 set with the commune group from 15/02/2026', async () => {
    const commune = await buildUnit(d.db, { parent: province });
    await insertAttribute(d.db, { unitId: commune.id, key: 'commune-group', value: '2', validFrom: '2026-01-01', source: 'thử nghiệm' });
    const e = await evaluateUnit(d.db, commune.code, '2026-03-01', 2026);
    expect(e.evaluation!.set).toBe('xa-ntm-2026');
    expect(e.highest).toBeNull();
    expect(e.group?.value).toBe('2');
    expect(e.evaluation!.group).toBe('2');
  });
});
