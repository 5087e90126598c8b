import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { queryRows, type Database } from '../../src/db/client.ts';
import { migrate } from '../../src/db/migrate.ts';
import { getRegistry, importSet, syncBuiltinSets, withdrawSet } from '../../src/server/criteria/service.ts';
import { buildSet } from '../factories.ts';
import { backends } from './backends.ts';
import { expectError, login, startApp } from './http.ts';
import { importRequest, jsonFile } from './multipart.ts';

describe.each(backends)('$name: withdrawing an imported version', (backend) => {
  let d: Database;
  let app: FastifyInstance;
  let cookies: Record<string, string>;
  const post = (url: string, payload: unknown, c = cookies) => app.inject({ method: 'POST', url, payload: payload as object, cookies: c });
  const unitSet = async () =>
    (await app.inject({ url: '/api/units/01654/evaluation?asOf=2025-07-01&year=2025', cookies })).json<{ evaluation: { set: string } }>().evaluation.set;

  beforeAll(async () => {
    d = await backend.demo();
    app = await startApp(d);
    cookies = await login(app, 'tinh');
  }, 300_000);

  it('takes the version out of force, keeps it in history with who, when and why, and evaluations go back', async () => {
    const v = buildSet({ id: `xa-ntm-2025-rut-${backend.kind}`, family: 'xa-ntm-2021-2025', effectiveFrom: '2025-07-01', dimension: 'region' });
    const created = await app.inject({ ...(await importRequest(`${v.id}.json`, jsonFile(v))), cookies });
    expect(created.statusCode, created.body).toBe(201);
    expect(await unitSet()).toBe(v.id);

    expectError(await post(`/api/sets/${v.id}/withdraw`, { reason: '   ' }), 400, 'VALIDATION');
    expectError(await post(`/api/sets/${v.id}/withdraw`, {}), 400, 'VALIDATION');
    const res = await post(`/api/sets/${v.id}/withdraw`, { reason: 'Nạp nhầm bảng của tỉnh khác' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ id: v.id, withdrawn: { by: 'tinh', reason: 'Nạp nhầm bảng của tỉnh khác' } });

    // Never in force: the commune's evaluation uses the version before again.
    expect(await unitSet()).toBe('xa-ntm-2024');
    expect((await getRegistry(d.db)).inForce('xa-ntm-2021-2025', '2025-07-01')?.id).toBe('xa-ntm-2024');
    // Still listed and shown, marked withdrawn; the others are not.
    const list = (await app.inject({ url: '/api/sets' })).json<{
      sets: { id: string; withdrawn: { at: string; by: string | null; reason: string } | null }[];
    }>();
    const listed = list.sets.find((s) => s.id === v.id);
    expect(listed?.withdrawn).toMatchObject({ by: 'tinh', reason: 'Nạp nhầm bảng của tỉnh khác' });
    expect(Number.isNaN(Date.parse(listed!.withdrawn!.at))).toBe(false);
    expect(list.sets.find((s) => s.id === 'xa-ntm-2024')?.withdrawn).toBeNull();
    const detail = await app.inject({ url: `/api/sets/${v.id}` });
    expect(detail.statusCode).toBe(200);
    expect(detail.json()).toMatchObject({ id: v.id, withdrawn: { reason: 'Nạp nhầm bảng của tỉnh khác' } });

    const audit = await queryRows<{ action: string; entity_id: string; data: { reason: string } }>(
      d.db,
      sql`SELECT action, entity_id, data FROM audit_log WHERE entity = 'criteria_set' ORDER BY id DESC LIMIT 1`,
    );
    expect(audit[0]).toMatchObject({ action: 'withdraw', entity_id: v.id, data: { reason: 'Nạp nhầm bảng của tỉnh khác' } });

    // Once is enough; the id stays taken.
    expectError(await post(`/api/sets/${v.id}/withdraw`, { reason: 'lần nữa' }), 409, 'SET_WITHDRAWN');
    expectError(await app.inject({ ...(await importRequest(`${v.id}.json`, jsonFile(v))), cookies }), 409, 'SET_EXISTS');
  });

  it('refuses to withdraw a shipped version, an unknown one, or for an officer who may not', async () => {
    const e = expectError(await post('/api/sets/xa-ntm-2024/withdraw', { reason: 'thử' }), 409, 'SET_BUILTIN');
    expect(e.message).toContain('xa-ntm-2024');
    expectError(await post('/api/sets/khong-co/withdraw', { reason: 'thử' }), 404, 'SET_NOT_FOUND');
    expectError(await post('/api/sets/xa-ntm-2024/withdraw', { reason: 'thử' }, await login(app, 'xa.hoaan')), 403, 'FORBIDDEN');
    expect((await getRegistry(d.db)).has('xa-ntm-2024')).toBe(true);
  });

  it('refuses to withdraw the only version of a family another set depends on', async () => {
    const base = buildSet({ id: `nen-${backend.kind}`, family: `nen-${backend.kind}` });
    const top = buildSet({ id: `tren-${backend.kind}`, family: `tren-${backend.kind}`, requiresTier: { family: base.family } });
    await importSet(d.db, base, null);
    await importSet(d.db, top, null);
    await expect(withdrawSet(d.db, base.id, null, 'thử')).rejects.toMatchObject({ code: 'CRITERIA_REFERENCE', details: { usedBy: [top.id] } });
    await withdrawSet(d.db, top.id, null, 'thử');
    await withdrawSet(d.db, base.id, null, 'thử');
    expect((await getRegistry(d.db)).has(base.id)).toBe(false);
  });
});

describe.each(backends)('$name: an import validates only the new version', (backend) => {
  it('does not read back or validate stored versions that have not changed', async () => {
    const d = await backend.empty();
    await migrate(d);
    await syncBuiltinSets(d.db);
    await getRegistry(d.db);
    // A stored definition spoilt behind the application's back, with its revision unchanged: a registry that
    // re-read and re-validated every version on each import would now refuse every import.
    await d.exec(`ALTER TABLE criteria_sets DISABLE TRIGGER criteria_sets_new_revision;
      UPDATE criteria_sets SET definition = '{"hong": true}' WHERE id = 'xa-ntm-2022';
      ALTER TABLE criteria_sets ENABLE TRIGGER criteria_sets_new_revision;`);
    const v = buildSet({ id: 'chi-bo-moi' });
    const registry = await importSet(d.db, v, null);
    expect(registry.get(v.id)).toEqual(v);
    expect(registry.get('xa-ntm-2022').criteria.length).toBeGreaterThan(0);
    // A real change takes a new revision, and only that version is read and validated again.
    await d.exec(`UPDATE criteria_sets SET note = 'sửa' WHERE id = 'xa-ntm-2022'`);
    await expect(getRegistry(d.db)).rejects.toMatchObject({ code: 'INVALID_CRITERIA_FILE', details: { file: 'criteria_sets/xa-ntm-2022' } });
  });
});
