import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { queryRows, type Database } from '../../src/db/client.ts';
import { findUnitAsOf, listUnitsAsOf } from '../../src/db/repos/units.ts';
import { DomainError } from '../../src/domain/errors.ts';
import type { SessionUser } from '../../src/server/auth/access.ts';
import { addHamlet } from '../../src/server/units/service.ts';
import { backends } from './backends.ts';
import { codeOf } from './errors.ts';

const FROM = '2025-07-01';
const province: SessionUser = { id: 1, username: 'tinh', fullName: 'Tỉnh', role: 'province', unitId: null, scope: 'all' };
const input = (name: string, extra: Record<string, unknown> = {}) => ({
  parentCode: '01654',
  name,
  type: 'Xóm' as const,
  validFrom: FROM,
  legalBasis: 'Quyết định thử nghiệm',
  ...extra,
});

describe.each(backends)('adding hamlets on $name', (backend) => {
  let d: Database;
  beforeAll(async () => {
    d = await backend.shared();
  });

  const hamletsOf = async (code: string) => {
    const parent = (await findUnitAsOf(d.db, code, FROM))!;
    return (await listUnitsAsOf(d.db, FROM, 'hamlet')).filter((h) => h.parentId === parent.id);
  };
  const auditCount = async () => Number((await queryRows<{ n: number }>(d.db, sql`SELECT count(*)::int AS n FROM audit_log WHERE entity = 'unit'`))[0]!.n);

  it('adds a hamlet under a commune in force, with a generated code and an audit entry', async () => {
    const before = await auditCount();
    const created = await addHamlet(d.db, province, input('Nà Mò'));
    expect(created).toMatchObject({ code: '01654-001', fullName: 'Xóm Nà Mò' });
    const list = await hamletsOf('01654');
    expect(list.map((h) => [h.code, h.fullName, h.parentCode])).toEqual([['01654-001', 'Xóm Nà Mò', '01654']]);
    expect(await auditCount()).toBe(before + 1);
  });

  it('refuses the same name written with the tone mark elsewhere (Hoà = Hòa), but not another tone', async () => {
    await addHamlet(d.db, province, input('Hoà Bình'));
    expect(await codeOf(addHamlet(d.db, province, input('Hòa Bình')))).toBe('UNIT_EXISTS');
    expect(await codeOf(addHamlet(d.db, province, input('hoà  bình')))).toBe('UNIT_EXISTS');
    await addHamlet(d.db, province, input('Hóa Bình'));
    expect((await hamletsOf('01654')).map((h) => h.name)).toEqual(['Nà Mò', 'Hoà Bình', 'Hóa Bình']);
  });

  it('refuses a commune that is not in force on the start date, and a unit that is not a commune', async () => {
    expect(await codeOf(addHamlet(d.db, province, input('Bản Mới', { parentCode: '01666' })))).toBe('UNIT_NOT_IN_FORCE');
    expect(await codeOf(addHamlet(d.db, province, input('Bản Mới', { parentCode: '04' })))).toBe('UNIT_NOT_IN_FORCE');
    expect(await codeOf(addHamlet(d.db, province, input('Bản Mới', { parentCode: '99999' })))).toBe('UNIT_NOT_IN_FORCE');
  });

  it('ends a hamlet added to an old commune with that commune', async () => {
    // On 30/06/2025, 01654 is the old township Nước Hai, which ends that day.
    const created = await addHamlet(d.db, province, input('Bản Cũ', { validFrom: '2025-06-30' }));
    const rows = await listUnitsAsOf(d.db, '2025-06-30', 'hamlet');
    expect(rows.find((h) => h.id === created.id)).toMatchObject({ parentCode: '01654', validFrom: '2025-06-30', validTo: '2025-06-30' });
    expect((await listUnitsAsOf(d.db, FROM, 'hamlet')).some((h) => h.id === created.id)).toBe(false);
  });

  it('refuses a commune outside the user’s scope and writes nothing', async () => {
    const other = (await findUnitAsOf(d.db, '01304', FROM))!;
    const officer: SessionUser = { id: 2, username: 'xa', fullName: 'Xã', role: 'commune', unitId: 999, scope: new Set([999]) };
    const before = await auditCount();
    expect(await codeOf(addHamlet(d.db, officer, input('Khuổi Lừa', { parentCode: '01304' })))).toBe('FORBIDDEN');
    expect((await listUnitsAsOf(d.db, FROM, 'hamlet')).filter((h) => h.parentId === other.id)).toEqual([]);
    expect(await auditCount()).toBe(before);
  });

  it('refuses a code that is taken', async () => {
    expect(await codeOf(addHamlet(d.db, province, input('Pác Bó', { code: '01654-001' })))).toBe('UNIT_EXISTS');
  });

  it('adds one hamlet, not two, on a double submit', async () => {
    const before = (await hamletsOf('01654')).length;
    const results = await Promise.allSettled([addHamlet(d.db, province, input('Cốc Phát')), addHamlet(d.db, province, input('Cốc Phát'))]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const failure = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(failure.reason).toBeInstanceOf(DomainError);
    expect((failure.reason as DomainError).code).toBe('UNIT_EXISTS');
    expect((await hamletsOf('01654')).length).toBe(before + 1);
  });
});
