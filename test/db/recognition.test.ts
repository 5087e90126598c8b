/**
 * The recognition register (QĐ 18/2022/QĐ-TTg): the procedure's order, the district step only before 1/7/2025,
 * decisions giving a tier from their date, revocation, optimistic concurrency, the append-only history and the
 * list of units whose recognised and computed tiers disagree.
 */
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { queryRows, type Database } from '../../src/db/client.ts';
import type { DisagreementsResponse, DossierBody, RegisterResponse, UnitRecognitionResponse } from '../../src/server/recognition/schema.ts';
import { backends } from './backends.ts';
import { expectError, login, startApp } from './http.ts';

describe.each(backends)('recognition register on $name', (backend) => {
  let d: Database;
  let app: FastifyInstance;
  let tinh: Record<string, string>;
  beforeAll(async () => {
    d = await backend.demo();
    app = await startApp(d);
    tinh = await login(app, 'tinh');
  }, 300_000);

  const create = (payload: object, cookies = tinh) => app.inject({ method: 'POST', url: '/api/recognitions', payload, cookies });
  const step = (id: number, payload: object, cookies = tinh) => app.inject({ method: 'POST', url: `/api/recognitions/${id}/steps`, payload, cookies });
  const revoke = (id: number, payload: object) => app.inject({ method: 'POST', url: `/api/recognitions/${id}/revoke`, payload, cookies: tinh });
  const held = async (code: string, asOf: string) =>
    (await app.inject({ url: `/api/units/${code}/recognition?asOf=${asOf}`, cookies: tinh })).json<UnitRecognitionResponse>();
  async function stepOk(id: number, payload: object): Promise<DossierBody> {
    const res = await step(id, payload);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<DossierBody>();
  }
  async function open(payload: object): Promise<DossierBody> {
    const res = await create(payload);
    expect(res.statusCode, res.body).toBe(201);
    return res.json<DossierBody>();
  }

  it('takes the steps in the order of the procedure, dated in order, then recognises from the decision date', async () => {
    // Xã Nam Tuấn (old Hoà An district, to 30/06/2025): the district appraises before the province.
    const dossier = await open({ unitCode: '01660', tier: 'ntm', year: 2023 });
    expect(dossier).toMatchObject({ version: 1, status: 'in-progress', procedure: 'commune-in-district', nextSteps: ['proposal'] });
    expect(dossier.unit).toMatchObject({ code: '01660', name: 'Xã Nam Tuấn', parentCode: '051', validTo: '2025-06-30' });
    expect(dossier.procedureSteps.map((s) => s.kind)).toEqual([
      'proposal',
      'public-posting',
      'district-appraisal',
      'province-appraisal',
      'decision',
      'revocation',
    ]);
    expect(dossier.successors.map((s) => s.code)).toEqual(['01660']);

    const early = expectError(await step(dossier.id, { version: 1, kind: 'province-appraisal', date: '2023-11-01' }), 409, 'STEP_OUT_OF_ORDER');
    expect(early.message).toContain('Chưa ghi bước');
    let v = await stepOk(dossier.id, { version: 1, kind: 'proposal', date: '2023-09-01', reference: '45/BC-UBND' });
    expect(v).toMatchObject({ version: 2, nextSteps: ['public-posting'] });
    expect(v.steps.at(-1)).toMatchObject({ kind: 'proposal', date: '2023-09-01', reference: '45/BC-UBND', recordedBy: 'tinh', version: 2 });
    expectError(await step(dossier.id, { version: 2, kind: 'proposal', date: '2023-09-02' }), 409, 'STEP_ALREADY_RECORDED');
    const backwards = expectError(await step(dossier.id, { version: 2, kind: 'public-posting', date: '2023-08-31' }), 400, 'STEP_DATE');
    expect(backwards.message).toContain('01/09/2023');
    expectError(await step(dossier.id, { version: 2, kind: 'public-posting', date: '2999-01-01' }), 400, 'STEP_DATE');
    // A commune that ended on 30/06/2025 takes no step after it.
    expectError(await step(dossier.id, { version: 2, kind: 'public-posting', date: '2025-07-02' }), 400, 'STEP_DATE');
    v = await stepOk(dossier.id, { version: 2, kind: 'public-posting', date: '2023-09-05' });
    v = await stepOk(dossier.id, { version: v.version, kind: 'district-appraisal', date: '2023-10-10' });
    v = await stepOk(dossier.id, { version: v.version, kind: 'province-appraisal', date: '2023-11-10' });
    expectError(await step(dossier.id, { version: v.version, kind: 'decision', date: '2023-12-01', issuer: 'Chủ tịch UBND tỉnh' }), 400, 'VALIDATION');
    v = await stepOk(dossier.id, { version: v.version, kind: 'decision', date: '2023-12-01', reference: '2001/QĐ-UBND', issuer: 'Chủ tịch UBND tỉnh' });
    expect(v).toMatchObject({
      status: 'recognised',
      version: 6,
      decision: { number: '2001/QĐ-UBND', date: '2023-12-01', issuer: 'Chủ tịch UBND tỉnh' },
      nextSteps: ['revocation'],
    });

    expect((await held('01660', '2023-11-30')).recognition).toBeNull();
    expect((await held('01660', '2023-12-01')).recognition).toMatchObject({ dossierId: dossier.id, tier: 'ntm', decision: { number: '2001/QĐ-UBND' } });
    // The decision stays with the old commune: the commune formed on 1/7/2025 names it among its predecessors.
    const after = await held('01660', '2025-07-01');
    expect(after.unit.validFrom).toBe('2025-07-01');
    expect(after.recognition).toBeNull();
    expect(after.predecessors.find((p) => p.unit.code === '01660')?.recognition).toMatchObject({ tier: 'ntm', decision: { number: '2001/QĐ-UBND' } });

    // Revocation needs a reason and ends the recognition from its date.
    expectError(await revoke(dossier.id, { version: 6, reason: '  ', date: '2024-03-01' }), 400, 'VALIDATION');
    expectError(await revoke(dossier.id, { version: 6, reason: 'Không còn đạt', date: '2023-11-30' }), 400, 'STEP_DATE');
    const res = await revoke(dossier.id, { version: 6, reason: 'Tiêu chí Thu nhập không còn đạt', date: '2024-03-01', reference: '300/QĐ-UBND' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<DossierBody>()).toMatchObject({
      status: 'revoked',
      nextSteps: [],
      revocation: { reason: 'Tiêu chí Thu nhập không còn đạt', date: '2024-03-01', number: '300/QĐ-UBND' },
    });
    expect((await held('01660', '2024-02-29')).recognition).toMatchObject({ tier: 'ntm' });
    expect((await held('01660', '2024-03-01')).recognition).toBeNull();
    const list = (await app.inject({ url: '/api/recognitions?status=revoked&asOf=2024-03-01', cookies: tinh })).json<RegisterResponse>();
    expect(list.dossiers.map((x) => x.id)).toContain(dossier.id);
    const before = (await app.inject({ url: '/api/recognitions?status=recognised&asOf=2024-02-29&tier=ntm', cookies: tinh })).json<RegisterResponse>();
    expect(before.dossiers.map((x) => x.id)).toContain(dossier.id);
    expect(before.dossiers.every((x) => x.tier === 'ntm' && x.status === 'recognised')).toBe(true);
  });

  it('has no district step for a commune formed on 1/7/2025', async () => {
    const dossier = await open({ unitCode: '01294', tier: 'ntm', year: 2025 });
    expect(dossier.procedure).toBe('commune');
    expect(dossier.procedureSteps.map((s) => s.kind)).not.toContain('district-appraisal');
    await stepOk(dossier.id, { version: 1, kind: 'proposal', date: '2025-08-01' });
    await stepOk(dossier.id, { version: 2, kind: 'public-posting', date: '2025-08-05' });
    const e = expectError(await step(dossier.id, { version: 3, kind: 'district-appraisal', date: '2025-09-01' }), 400, 'STEP_NOT_IN_PROCEDURE');
    expect(e.message).toContain('30/06/2025');
    await stepOk(dossier.id, { version: 3, kind: 'province-appraisal', date: '2025-09-01' });
  });

  it('refuses what cannot be recognised, a second dossier, a stale version, and other roles', async () => {
    expectError(await create({ unitCode: '01273', tier: 'ntm', year: 2025 }), 400, 'TIER_NOT_FOR_UNIT'); // a ward
    expectError(await create({ unitCode: '01294', tier: 'hoan-thanh', year: 2025 }), 400, 'TIER_NOT_FOR_UNIT');
    expectError(await create({ unitCode: '01294', tier: 'ntm', year: 2026, asOf: '2020-01-01' }), 404, 'UNIT_NOT_IN_FORCE');
    const first = await open({ unitCode: '01297', tier: 'ntm', year: 2025 });
    const dup = expectError(await create({ unitCode: '01297', tier: 'ntm', year: 2025 }), 409, 'RECOGNITION_EXISTS');
    expect(dup.details).toMatchObject({ dossierId: first.id });
    await stepOk(first.id, { version: 1, kind: 'proposal', date: '2025-08-01' });
    const stale = expectError(await step(first.id, { version: 1, kind: 'public-posting', date: '2025-08-05' }), 409, 'CONFLICT');
    expect((stale.details as { current: DossierBody }).current).toMatchObject({ id: first.id, version: 2 });
    expectError(await step(999_999, { version: 1, kind: 'proposal', date: '2025-08-01' }), 404, 'RECOGNITION_NOT_FOUND');
    // Writes are the province's; the commune reads its own dossiers only.
    const xa = await login(app, 'xa.hoaan');
    expectError(await create({ unitCode: '01654', tier: 'nang-cao', year: 2025 }, xa), 403, 'FORBIDDEN');
    expectError(await app.inject({ url: `/api/recognitions/${first.id}`, cookies: xa }), 403, 'FORBIDDEN');
    const own = (await app.inject({ url: '/api/recognitions', cookies: xa })).json<RegisterResponse>();
    expect(new Set(own.dossiers.map((x) => x.unit.code))).toEqual(new Set(['01654', '01666', '01687']));
  });

  it('answers a stale write with 409 when two race on one version, and records only the winner', async () => {
    const dossier = await open({ unitCode: '01290', tier: 'ntm', year: 2025 });
    const results = await Promise.all([0, 1, 2, 3].map((i) => step(dossier.id, { version: 1, kind: 'proposal', date: '2025-08-01', note: `người ${i}` })));
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409, 409, 409]);
    const rows = await queryRows<{ n: number }>(d.db, sql`SELECT count(*)::int AS n FROM recognition_steps WHERE dossier_id = ${dossier.id}`);
    expect(Number(rows[0]!.n)).toBe(2);
  });

  it('keeps the history append-only: the database refuses UPDATE and DELETE on the steps', async () => {
    const refusal = (q: ReturnType<typeof sql>) =>
      d.db.execute(q).then(
        () => 'accepted',
        (e: Error & { cause?: Error }) => `${e.message} ${e.cause?.message ?? ''}`,
      );
    const before = await queryRows<{ n: number }>(d.db, sql`SELECT count(*)::int AS n FROM recognition_steps`);
    expect(await refusal(sql`UPDATE recognition_steps SET note = 'sửa' WHERE id = (SELECT min(id) FROM recognition_steps)`)).toMatch(/cannot be changed/);
    expect(await refusal(sql`DELETE FROM recognition_steps WHERE id = (SELECT min(id) FROM recognition_steps)`)).toMatch(/cannot be changed/);
    expect(await refusal(sql`TRUNCATE recognition_steps`)).toMatch(/cannot be changed/);
    const after = await queryRows<{ n: number }>(d.db, sql`SELECT count(*)::int AS n FROM recognition_steps`);
    expect(Number(after[0]!.n)).toBe(Number(before[0]!.n));
  });

  it('lists the units whose recognised tier and computed tier disagree', async () => {
    const asOf = '2025-06-30';
    const overview = (await app.inject({ url: `/api/overview?asOf=${asOf}&year=2024`, cookies: tinh })).json<{
      rows: { code: string; tier: string | null; hasValues: boolean; set: string | null }[];
    }>();
    const rank = (t: string | null) => ({ ntm: 1, 'hoan-thanh': 1, 'nang-cao': 2, 'hien-dai': 2, 'kieu-mau': 3 })[t ?? ''] ?? 0;
    // A commune whose values reach no tier gets a decision: it is recognised at a tier it does not reach.
    const low = overview.rows.find((r) => r.hasValues && r.set && r.tier === null && !['01660', '01666', '01687', '01657'].includes(r.code))!;
    expect(low, 'a demo commune reaching no tier').toBeTruthy();
    const dossier = await open({ unitCode: low.code, tier: 'ntm', year: 2024, asOf });
    let v = await stepOk(dossier.id, { version: 1, kind: 'proposal', date: '2024-09-01' });
    for (const kind of ['public-posting', 'district-appraisal', 'province-appraisal'])
      v = await stepOk(dossier.id, { version: v.version, kind, date: '2024-10-01' });
    await stepOk(dossier.id, { version: v.version, kind: 'decision', date: '2024-12-01', reference: '77/QĐ-UBND', issuer: 'Chủ tịch UBND tỉnh' });

    const body = (await app.inject({ url: `/api/recognitions/disagreements?asOf=${asOf}&year=2024`, cookies: tinh })).json<DisagreementsResponse>();
    expect(body).toMatchObject({ asOf, year: 2024, basis: 'approved' });
    expect(body.rows.find((r) => r.unit.code === low.code)).toMatchObject({ kind: 'recognised-not-reached', computedTier: null, recognised: { tier: 'ntm' } });
    // Every listed row disagrees, and every commune with values that disagrees is listed.
    const listed = new Map(body.rows.map((r) => [r.unit.code, r]));
    for (const r of overview.rows.filter((x) => x.hasValues && x.set)) {
      const got = (await held(r.code, asOf)).recognition?.tier ?? null;
      const row = listed.get(r.code);
      expect(Boolean(row), `${r.code}: recognised ${got}, computed ${r.tier}`).toBe(rank(got) !== rank(r.tier));
      if (row) expect(row.kind).toBe(rank(got) > rank(r.tier) ? 'recognised-not-reached' : 'reached-not-recognised');
    }
  });

  it('names the old communes\u2019 decisions beside a commune formed on 1/7/2025 that reaches a tier', async () => {
    const body = (await app.inject({ url: '/api/recognitions/disagreements?asOf=2025-07-01&year=2025', cookies: tinh })).json<DisagreementsResponse>();
    for (const r of body.rows) {
      expect(r.unit.validFrom).toBe('2025-07-01');
      for (const p of r.predecessors) expect(p.unit.validTo).toBe('2025-06-30');
    }
    const hoaAn = await held('01654', '2025-07-01');
    expect(hoaAn.predecessors.map((p) => p.unit.code).sort()).toEqual(['01654', '01666', '01687']);
    expect(hoaAn.recognition).toBeNull();
    expect(hoaAn.predecessors.find((p) => p.unit.code === '01666')?.recognition).toMatchObject({ tier: 'ntm', sample: true });
    expect(hoaAn.predecessors.find((p) => p.unit.code === '01687')?.recognition).toMatchObject({ tier: 'nang-cao', sample: true });
  });
});
