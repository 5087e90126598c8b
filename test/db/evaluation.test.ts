import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.ts';
import { evaluateUnit, overview } from '../../src/server/evaluation/service.ts';
import { backends } from './backends.ts';
import { codeOf } from './errors.ts';

describe.each(backends)('evaluation service on $name', (backend) => {
  let d: Database;
  beforeAll(async () => {
    d = await backend.demo();
  }, 300_000);

  it('gives one overview row per commune in force: 161 on 30/06/2025, 56 on 01/07/2025', async () => {
    const before = await overview(d.db, '2025-06-30', 2025);
    expect(before.rows).toHaveLength(161);
    expect(new Set(before.rows.map((r) => r.code)).size).toBe(161);
    const after = await overview(d.db, '2025-07-01', 2025);
    expect(after.rows).toHaveLength(56);
    expect(after.sets).toContain('xa-ntm-2024');
    // Old communes are shown under their district, new ones have none.
    expect(before.rows.every((r) => r.parentName !== null)).toBe(true);
    expect(after.rows.every((r) => r.parentCode === '04')).toBe(true);
  });

  it('fills each row from the evaluation of the set in force', async () => {
    const { rows } = await overview(d.db, '2025-07-01', 2025);
    // The commune sets apply to communes (Xã), not to wards (Phường).
    const wards = rows.filter((r) => r.type === 'Phường');
    expect(wards).toHaveLength(3);
    for (const r of wards) expect(r).toMatchObject({ set: null, criteriaMet: null, tier: null, hasValues: false });
    const withValues = rows.filter((r) => r.hasValues);
    expect(withValues.length).toBe(53);
    for (const r of withValues) {
      expect(r.set).toBe('xa-ntm-2024');
      expect(r.criteriaTotal).toBe(19);
      expect(r.criteriaMet! + r.criteriaNoData!).toBeLessThanOrEqual(19);
      expect(r.sample).toBe(true);
    }
    // The row agrees with the unit's own evaluation.
    const row = rows.find((r) => r.code === '01654')!;
    const e = await evaluateUnit(d.db, '01654', '2025-07-01', 2025);
    expect(e.evaluation.criteriaMet).toBe(row.criteriaMet);
    expect(e.highest!.tier).toBe(row.tier);
  });

  it('lists hamlets on request', async () => {
    const { rows } = await overview(d.db, '2025-07-01', 2025, 'hamlet');
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.code.includes('-X'))).toBe(true);
  });

  it('evaluates a unit with the ladder in force and its stored values', async () => {
    const e = await evaluateUnit(d.db, '01654', '2025-07-01', 2025);
    expect(e.unit).toMatchObject({ code: '01654', fullName: 'Xã Hòa An', parentCode: '04' });
    expect(e.evaluation.set).toBe('xa-ntm-2024');
    expect(e.highest!.set).toBe('xa-kieu-mau-2022');
    expect(e.highest!.prerequisites.map((p) => p.set)).toEqual(['xa-nang-cao-2024', 'xa-ntm-2024']);
    expect(e.hasValues).toBe(true);
    expect(e.valuesSample).toBe(true);
  });

  it('evaluates a reused code as the unit in force on the date', async () => {
    const old = await evaluateUnit(d.db, '01304', '2025-06-30', 2024);
    const current = await evaluateUnit(d.db, '01304', '2025-07-01', 2025);
    expect(old.unit.fullName).toBe('Xã Thạch Lâm');
    expect(current.unit.fullName).toBe('Xã Quảng Lâm');
    expect(old.unit.id).not.toBe(current.unit.id);
    // Each reads its own stored values.
    expect(old.hasValues && current.hasValues).toBe(true);
    expect(old.evaluation.indicators).not.toEqual(current.evaluation.indicators);
  });

  it('refuses a code not in force on the date (UNIT_NOT_IN_FORCE)', async () => {
    // Xã Đại Tiến (01666) was merged into Hòa An on 01/07/2025.
    expect(await codeOf(evaluateUnit(d.db, '01666', '2025-07-01', 2025))).toBe('UNIT_NOT_IN_FORCE');
    expect(await codeOf(evaluateUnit(d.db, '99999', '2025-06-30', 2025))).toBe('UNIT_NOT_IN_FORCE');
    expect((await evaluateUnit(d.db, '01666', '2025-06-30', 2025)).unit.fullName).toBe('Xã Đại Tiến');
  });

  it('says when no set applies to a unit (a ward)', async () => {
    expect(await codeOf(evaluateUnit(d.db, '01273', '2025-07-01', 2025))).toBe('NO_SET_FOR_UNIT');
  });

  it('refuses a year outside the set’s period and an unknown set', async () => {
    expect(await codeOf(evaluateUnit(d.db, '01654', '2025-07-01', 2030))).toBe('YEAR_OUT_OF_PERIOD');
    expect(await codeOf(evaluateUnit(d.db, '01654', '2025-07-01', 2025, 'khong-co'))).toBe('SET_NOT_FOUND');
  });

  it('uses the 2026–2030 set with the commune group from 15/02/2026', async () => {
    const e = await evaluateUnit(d.db, '01654', '2026-03-01', 2026);
    expect(e.evaluation.set).toBe('xa-ntm-2026');
    expect(e.highest).toBeNull();
    expect(e.group?.value).toMatch(/^[123]$/);
    expect(e.evaluation.group).toBe(e.group!.value);
  });
});
