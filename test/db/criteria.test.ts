import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { queryRows, type Database } from '../../src/db/client.ts';
import { findSetRow, listSetRows } from '../../src/db/repos/criteria.ts';
import { DomainError } from '../../src/domain/errors.ts';
import type { CriteriaSet } from '../../src/domain/criteria/schema.ts';
import { loadBuiltinSets } from '../../src/interchange/criteria/files.ts';
import { getRegistry, importSet, invalidateRegistry, syncBuiltinSets } from '../../src/server/criteria/service.ts';
import { buildCriterion, buildIndicator, buildSet } from '../factories.ts';
import { backends } from './backends.ts';

const shipped = loadBuiltinSets();

describe.each(backends)('criteria sets on $name', (backend) => {
  let d: Database;
  beforeAll(async () => {
    d = await backend.shared();
  });

  const counts = async () => {
    const rows = await queryRows<{ sets: number; audit: number }>(
      d.db,
      sql`SELECT (SELECT count(*)::int FROM criteria_sets) AS sets, (SELECT count(*)::int FROM audit_log) AS audit`,
    );
    return { sets: Number(rows[0]!.sets), audit: Number(rows[0]!.audit) };
  };

  async function importFails(set: CriteriaSet, code: string): Promise<DomainError> {
    const before = await counts();
    const err = await importSet(d.db, set, null).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(DomainError);
    expect((err as DomainError).code).toBe(code);
    // Nothing written: no set row, no audit entry, and (unless the id was taken already) no trace of the set.
    expect(await counts()).toEqual(before);
    if (code !== 'SET_EXISTS') {
      expect(await findSetRow(d.db, set.id)).toBeUndefined();
      expect((await getRegistry(d.db)).has(set.id)).toBe(false);
    }
    return err as DomainError;
  }

  it('stores every shipped set as a built-in row', async () => {
    const rows = await listSetRows(d.db);
    expect(rows.map((r) => r.id).sort()).toEqual(shipped.map((s) => s.id).sort());
    expect(new Set(rows.map((r) => r.origin))).toEqual(new Set(['builtin']));
    const registry = await getRegistry(d.db);
    expect(registry.get('xa-ntm-2022')).toEqual(shipped.find((s) => s.id === 'xa-ntm-2022'));
  });

  it('syncs again without duplicating, restoring a changed built-in definition', async () => {
    await d.db.execute(sql`UPDATE criteria_sets SET definition = jsonb_set(definition, '{name}', '"sửa tay"') WHERE id = 'xa-ntm-2022'`);
    invalidateRegistry(d.db);
    expect((await getRegistry(d.db)).get('xa-ntm-2022').name).toBe('sửa tay');
    expect(await syncBuiltinSets(d.db)).toBe(shipped.length);
    expect(await listSetRows(d.db)).toHaveLength(shipped.length);
    expect((await getRegistry(d.db)).get('xa-ntm-2022').name).toBe(shipped.find((s) => s.id === 'xa-ntm-2022')!.name);
  });

  it('imports a new version of a family, which then ends the previous one', async () => {
    const before = await counts();
    const v = buildSet({ id: 'xa-ntm-2025-thu', family: 'xa-ntm-2021-2025', effectiveFrom: '2025-07-01', amends: 'xa-ntm-2024', dimension: 'region' });
    const registry = await importSet(d.db, v, null, 'thử nghiệm');
    expect(await counts()).toEqual({ sets: before.sets + 1, audit: before.audit + 1 });
    const row = await findSetRow(d.db, v.id);
    expect(row).toMatchObject({ origin: 'import', family: 'xa-ntm-2021-2025', note: 'thử nghiệm' });
    expect(registry.get(v.id)).toEqual(v);
    expect(registry.effectiveTo(registry.get('xa-ntm-2024'))).toBe('2025-06-30');
    expect(registry.inForce('xa-ntm-2021-2025', '2025-06-30')?.id).toBe('xa-ntm-2024');
    expect(registry.inForce('xa-ntm-2021-2025', '2025-07-01')?.id).toBe(v.id);
    const audit = await queryRows<{ action: string; entity: string; entity_id: string }>(
      d.db,
      sql`SELECT action, entity, entity_id FROM audit_log ORDER BY id DESC LIMIT 1`,
    );
    expect(audit[0]).toEqual({ action: 'import', entity: 'criteria_set', entity_id: v.id });
    // A later sync of the shipped files leaves the imported version alone.
    await syncBuiltinSets(d.db);
    expect((await getRegistry(d.db)).get(v.id)).toEqual(v);
  });

  it('refuses an id that exists (SET_EXISTS)', async () => {
    const dup = buildSet({ id: 'xa-ntm-2024', family: 'ho-moi', effectiveFrom: '2027-01-01' });
    const e = await importFails(dup, 'SET_EXISTS');
    expect(e.message).toContain('xa-ntm-2024');
    // The stored version is untouched.
    expect((await getRegistry(d.db)).get('xa-ntm-2024')).toEqual(shipped.find((s) => s.id === 'xa-ntm-2024'));
  });

  it('refuses a second version of a family starting the same day (CONFLICT)', async () => {
    const clash = buildSet({ id: 'xa-ntm-2024-ban-sao', family: 'xa-ntm-2021-2025', effectiveFrom: '2024-03-01' });
    const e = await importFails(clash, 'CONFLICT');
    expect(e.details).toMatchObject({ clash: 'xa-ntm-2024' });
  });

  it('refuses references to families that do not exist (CRITERIA_REFERENCE)', async () => {
    await importFails(buildSet({ id: 'tham-chieu-sai-1', family: 'tham-chieu-sai', requiresTier: { family: 'khong-ton-tai' } }), 'CRITERIA_REFERENCE');
    const relative = buildSet({
      id: 'tham-chieu-sai-2',
      family: 'tham-chieu-sai',
      criteria: [buildCriterion({ indicators: [buildIndicator({ kind: 'min-relative', relative: { family: 'khong-co-ho', indicator: '10', factor: 1.1 } })] })],
    });
    await importFails(relative, 'CRITERIA_REFERENCE');
    const tier = buildSet({
      id: 'tham-chieu-sai-3',
      family: 'tham-chieu-sai',
      criteria: [buildCriterion({ indicators: [buildIndicator({ kind: 'tier', requiresTier: { family: 'khong-co-ho' } })] })],
    });
    await importFails(tier, 'CRITERIA_REFERENCE');
  });

  it('accepts references to an existing family', async () => {
    const s = buildSet({ id: 'xa-thu-nang-cao', family: 'xa-thu-nang-cao', tier: 'nang-cao', requiresTier: { family: 'xa-ntm-2021-2025' } });
    const registry = await importSet(d.db, s, null);
    expect(registry.has(s.id)).toBe(true);
  });

  it('lets the official table replace a shipped version from the same day when it says it amends it', async () => {
    const shipped2026 = shipped.find((x) => x.id === 'xa-ntm-2026')!;
    const official: CriteriaSet = { ...shipped2026, id: 'xa-ntm-2026-chinh-thuc', amends: 'xa-ntm-2026', name: `${shipped2026.name} (bảng chính thức)` };
    const registry = await importSet(d.db, official, null, 'Bảng chỉ tiêu chép từ phụ lục I');
    expect(registry.inForce('xa-ntm-2026-2030', '2026-02-15')?.id).toBe('xa-ntm-2026-chinh-thuc');
    // The replaced version ends the day before it started: it is never in force.
    expect(registry.effectiveTo(registry.get('xa-ntm-2026'))).toBe('2026-02-14');
    await importFails({ ...official, id: 'xa-ntm-2026-sai', amends: 'khong-co-ban-nay' }, 'CONFLICT');
  });
});
