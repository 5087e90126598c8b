import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { queryRows, violatedConstraint, type Database } from '../../src/db/client.ts';
import { insertUnit } from '../../src/db/repos/units.ts';
import { nameKey } from '../../src/domain/units/names.ts';
import { buildUnit, buildUser } from '../factories.ts';
import { backends } from './backends.ts';
import { expectError, login, startApp } from './http.ts';

// Hamlets are identified by their name under a commune and by their code, each over overlapping periods; the
// database holds both rules, so writers racing each other create one hamlet however many they are.
describe.each(backends)('hamlets cannot be duplicated on $name', (backend) => {
  let d: Database;
  let app: FastifyInstance;
  let cookies: Record<string, string>;
  beforeAll(async () => {
    d = await backend.shared();
    app = await startApp(d);
    const user = await buildUser(d.db, { role: 'province' });
    cookies = await login(app, user.username, user.password);
  });

  const post = (body: Record<string, unknown>) => app.inject({ method: 'POST', url: '/api/units', payload: body, cookies });
  const hamlet = (parentCode: string, name: string, extra: Record<string, unknown> = {}) => ({
    parentCode,
    name,
    type: 'Xóm',
    validFrom: '2025-07-01',
    legalBasis: 'Quyết định thử nghiệm',
    ...extra,
  });
  const hamletsUnder = async (communeId: number) =>
    queryRows<{ code: string; name: string; valid_from: string }>(
      d.db,
      sql`SELECT code, name, valid_from::text FROM units WHERE parent_id = ${communeId} ORDER BY valid_from, code`,
    );
  const statuses = (responses: { statusCode: number }[]) => responses.map((r) => r.statusCode).sort();

  it('50 parallel requests for one hamlet, each with its own code, create one', async () => {
    const commune = await buildUnit(d.db);
    const responses = await Promise.all(Array.from({ length: 50 }, (_, i) => post(hamlet(commune.code, 'Nà Mò', { code: `NM-${commune.code}-${i}` }))));
    expect(statuses(responses)).toEqual([201, ...Array<number>(49).fill(409)]);
    for (const r of responses.filter((x) => x.statusCode === 409)) expect(expectError(r, 409, 'UNIT_EXISTS').message).toMatch(/Nà Mò/);
    expect(await hamletsUnder(commune.id)).toHaveLength(1);
  });

  it('50 parallel requests spelling the name with the tone mark in different places (Hòa/Hoà) create one', async () => {
    const commune = await buildUnit(d.db);
    const spellings = ['Hòa Bình', 'Hoà Bình', 'hoà  bình', 'HÒA BÌNH'];
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, i) => post(hamlet(commune.code, spellings[i % spellings.length]!, { code: `HB-${commune.code}-${i}` }))),
    );
    expect(statuses(responses)).toEqual([201, ...Array<number>(49).fill(409)]);
    expect(await hamletsUnder(commune.id)).toHaveLength(1);
  });

  it('the same name sent with two start dates gives one hamlet, whichever comes first', async () => {
    for (const [first, second] of [
      ['2025-07-01', '2025-09-01'],
      ['2025-09-01', '2025-07-01'],
    ] as const) {
      const commune = await buildUnit(d.db);
      expect((await post(hamlet(commune.code, 'Pác Bó', { validFrom: first }))).statusCode).toBe(201);
      const again = expectError(await post(hamlet(commune.code, 'Pác Bó', { validFrom: second })), 409, 'UNIT_EXISTS');
      expect(again.details).toMatchObject({ field: 'name' });
      expect((await hamletsUnder(commune.id)).map((h) => [h.name, h.valid_from])).toEqual([['Pác Bó', first]]);
    }
  });

  it('a generated code never repeats one given out for a later start date', async () => {
    const commune = await buildUnit(d.db);
    expect((await post(hamlet(commune.code, 'Khuổi Lừa', { validFrom: '2025-09-01' }))).json()).toMatchObject({ code: `${commune.code}-001` });
    expect((await post(hamlet(commune.code, 'Cốc Phát', { validFrom: '2025-07-01' }))).json()).toMatchObject({ code: `${commune.code}-002` });
  });

  it('the database itself refuses a second row, whoever writes it (50 at once, past the service)', async () => {
    const commune = await buildUnit(d.db);
    const row = (i: number, name: string, code: string, validFrom: string) => ({
      code,
      name,
      fullName: `Xóm ${name}`,
      nameKey: nameKey(`Xóm ${name}`),
      type: 'Xóm',
      level: 'hamlet',
      parentId: commune.id,
      region: null,
      validFrom,
      validTo: i % 2 ? '2026-12-31' : null,
    });
    const names = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) => insertUnit(d.db, row(i, i % 2 ? 'Hòa Thuận' : 'Hoà Thuận', `HT-${commune.code}-${i}`, `2025-0${1 + (i % 9)}-01`))),
    );
    expect(names.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of names) if (r.status === 'rejected') expect(violatedConstraint(r.reason)).toMatchObject({ kind: 'exclusion', name: 'units_name_period' });
    const codes = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) => insertUnit(d.db, row(i, `Bản ${i}`, `SC-${commune.code}`, `2025-0${1 + (i % 9)}-01`))),
    );
    expect(codes.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of codes) if (r.status === 'rejected') expect(violatedConstraint(r.reason)).toMatchObject({ kind: 'exclusion', name: 'units_code_period' });
  });

  it('still lets a name and a code come back in a period that does not overlap', async () => {
    const commune = await buildUnit(d.db, { validFrom: null });
    const base = { nameKey: nameKey('Xóm Nà Mò'), name: 'Nà Mò', fullName: 'Xóm Nà Mò', type: 'Xóm', level: 'hamlet', parentId: commune.id, region: null };
    await insertUnit(d.db, { ...base, code: `R-${commune.code}`, validFrom: null, validTo: '2025-06-30' });
    await insertUnit(d.db, { ...base, code: `R-${commune.code}`, validFrom: '2025-07-01', validTo: null });
    expect(await hamletsUnder(commune.id)).toHaveLength(2);
  });
});
