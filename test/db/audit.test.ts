import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { queryRows, type Database } from '../../src/db/client.ts';
import { putAssessment } from '../../src/db/repos/assessments.ts';
import { findUnitAsOf } from '../../src/db/repos/units.ts';
import type { HistoryResponse } from '../../src/server/audit/schema.ts';
import { backends } from './backends.ts';
import { expectError, login, startApp } from './http.ts';

describe.each(backends)('audit records on $name', (backend) => {
  let d: Database;
  let app: FastifyInstance;
  let tinh: Record<string, string>;
  let xa: Record<string, string>;
  let assessmentId: number;

  const event = (e: { at: string; action: string; code?: string; before?: unknown; after?: unknown; reason?: string; source?: string; version: number }) =>
    d.db.execute(sql`INSERT INTO assessment_events (assessment_id, at, user_id, action, code, before, after, reason, source, source_ref, version)
      VALUES (${assessmentId}, ${e.at}, (SELECT id FROM users WHERE username = 'xa.hoaan'), ${e.action}, ${e.code ?? null},
              ${e.before === undefined ? null : JSON.stringify(e.before)}::jsonb, ${e.after === undefined ? null : JSON.stringify(e.after)}::jsonb,
              ${e.reason ?? null}, ${e.source ?? 'screen'}, ${e.source === 'dhis2' ? 'dhis2-thu' : null}, ${e.version})`);

  beforeAll(async () => {
    d = await backend.demo();
    app = await startApp(d);
    tinh = await login(app, 'tinh');
    xa = await login(app, 'xa.hoaan');
    const unit = (await findUnitAsOf(d.db, '01654', '2025-07-01'))!;
    assessmentId = await putAssessment(d.db, { unitId: unit.id, family: 'xa-ntm-2026-2030', year: 2026, sample: false }, { '1': 'met' });
    await event({ at: '2026-03-01T02:00:00Z', action: 'create', version: 1 });
    await event({ at: '2026-03-01T02:00:00Z', action: 'value', code: '3.1', before: null, after: 80, version: 2 });
    await event({ at: '2026-03-02T03:00:00Z', action: 'value', code: '3.1', before: 80, after: 92.5, source: 'dhis2', version: 3 });
    await event({ at: '2026-03-03T16:59:00Z', action: 'note', code: '3.1', before: null, after: 'Theo báo cáo của xã', version: 4 });
    await event({ at: '2026-03-05T01:00:00Z', action: 'submit', version: 5 });
    await event({ at: '2026-03-06T01:00:00Z', action: 'return', reason: 'Thiếu minh chứng cho chỉ tiêu 3.1', version: 6 });
  }, 300_000);

  it('are refused UPDATE and DELETE by the database itself, whoever asks', async () => {
    const refused = async (q: ReturnType<typeof sql>) => {
      const err = await d.db.execute(q).then(
        () => null,
        (e: unknown) => e,
      );
      expect(err, 'the statement must fail').toBeTruthy();
      expect(String((err as Error).message) + String((err as { cause?: Error }).cause?.message ?? '')).toMatch(/audit records cannot be changed or removed/);
    };
    await refused(sql`UPDATE assessment_events SET after = '1'::jsonb WHERE assessment_id = ${assessmentId}`);
    await refused(sql`DELETE FROM assessment_events WHERE assessment_id = ${assessmentId}`);
    await refused(sql`TRUNCATE assessment_events`);
    await d.db.execute(sql`INSERT INTO audit_log (action, entity) VALUES ('test', 'audit')`);
    await refused(sql`UPDATE audit_log SET action = 'changed'`);
    await refused(sql`DELETE FROM audit_log`);
    await refused(sql`TRUNCATE audit_log`);
    const left = await queryRows<{ n: number }>(d.db, sql`SELECT count(*)::int AS n FROM assessment_events WHERE assessment_id = ${assessmentId}`);
    expect(left[0]!.n).toBe(6);
  });

  it("lists a unit's changes newest first, with who, before → after, source and reason", async () => {
    const res = await app.inject({ url: '/api/units/01654/history?asOf=2026-01-01&year=2026', cookies: xa });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<HistoryResponse>();
    expect(body.unit).toMatchObject({ code: '01654', name: 'Xã Hòa An', validFrom: '2025-07-01' });
    expect(body.total).toBe(6);
    expect(body.items.map((i) => i.action)).toEqual(['return', 'submit', 'note', 'value', 'value', 'create']);
    expect(body.items[0]).toMatchObject({
      reason: 'Thiếu minh chứng cho chỉ tiêu 3.1',
      family: 'xa-ntm-2026-2030',
      year: 2026,
      version: 6,
      recognition: null,
    });
    expect(body.items[0]!.user).toMatchObject({ username: 'xa.hoaan' });
    expect(body.items[3]).toMatchObject({ code: '3.1', before: 80, after: 92.5, source: 'dhis2', sourceRef: 'dhis2-thu' });
  });

  it('pages and filters by day (Vietnam time), family, year and code', async () => {
    const q = async (query: string) =>
      (
        await app.inject({ url: `/api/units/01654/history?asOf=2026-01-01&${query.includes('year=') ? '' : 'year=2026&'}${query}`, cookies: tinh })
      ).json<HistoryResponse>();
    const page = await q('limit=2&offset=2');
    expect(page).toMatchObject({ total: 6, limit: 2, offset: 2 });
    expect(page.items.map((i) => i.action)).toEqual(['note', 'value']);
    // 16:59 UTC on 3/3 is 23:59 on 3/3 in Vietnam; 02:00 UTC on 1/3 is 09:00 on 1/3.
    expect((await q('from=2026-03-03&to=2026-03-03')).items.map((i) => i.action)).toEqual(['note']);
    expect((await q('to=2026-03-01')).total).toBe(2);
    expect((await q('field=3.1')).items.map((i) => i.action)).toEqual(['note', 'value', 'value']);
    expect((await q('year=2024')).total).toBe(0);
    expect((await q('family=xa-ntm-2021-2025')).total).toBe(0);
  });

  it("lists the unit's recognition dossier steps with who, when, the document and the revocation's reason", async () => {
    const history = async (query: string, cookies = tinh) => {
      const res = await app.inject({ url: `/api/units/01654/history?asOf=2026-01-01&${query}`, cookies });
      expect(res.statusCode, res.body).toBe(200);
      return res.json<HistoryResponse>();
    };
    // The demo dossier of Xã Hòa An (formed 1/7/2025), NTM 2025: opened, proposal and public posting recorded.
    const seeded = (await history('year=2025')).items;
    expect(seeded.map((i) => i.action).sort()).toEqual(['recognition.create', 'recognition.proposal', 'recognition.public-posting']);
    const dossierId = seeded[0]!.recognition!.dossierId;
    expect(seeded.every((i) => i.family === null && i.recognition?.tier === 'ntm' && i.recognition.dossierId === dossierId)).toBe(true);

    const post = async (url: string, payload: object) => {
      const res = await app.inject({ method: 'POST', url, payload, cookies: tinh });
      expect(res.statusCode, res.body).toBe(200);
      return res.json<{ version: number }>();
    };
    let v = await post(`/api/recognitions/${dossierId}/steps`, { version: 3, kind: 'province-appraisal', date: '2025-10-20', reference: '12/BC-HĐTĐ' });
    v = await post(`/api/recognitions/${dossierId}/steps`, {
      version: v.version,
      kind: 'decision',
      date: '2025-11-05',
      reference: '1500/QĐ-UBND',
      issuer: 'Chủ tịch UBND tỉnh',
    });
    await post(`/api/recognitions/${dossierId}/revoke`, { version: v.version, date: '2025-12-01', reason: 'Tiêu chí Môi trường không còn đạt' });

    const body = await history('year=2025', xa);
    expect(body.total).toBe(6);
    expect(body.items.slice(0, 3).map((i) => i.action)).toEqual(['recognition.revocation', 'recognition.decision', 'recognition.province-appraisal']);
    expect(body.items[0]).toMatchObject({
      user: { username: 'tinh' },
      reason: 'Tiêu chí Môi trường không còn đạt',
      year: 2025,
      recognition: { dossierId, tier: 'ntm', date: '2025-12-01' },
    });
    expect(body.items[1]!.recognition).toMatchObject({ date: '2025-11-05', reference: '1500/QĐ-UBND', issuer: 'Chủ tịch UBND tỉnh' });
    expect(Date.parse(body.items[0]!.at)).toBeGreaterThan(Date.now() - 60_000);
    // Assessment events and dossier steps share one list and one count; a family or code filter keeps only assessments.
    expect((await history('')).total).toBe(12);
    expect((await history('limit=3&offset=3')).items.map((i) => i.action)).toEqual([
      'recognition.public-posting',
      'recognition.proposal',
      'recognition.create',
    ]);
    expect((await history('family=xa-ntm-2026-2030')).total).toBe(6);
    expect((await history('field=3.1')).items.every((i) => i.recognition === null)).toBe(true);
  });

  it('refuses a unit outside the scope, a code not in force and a reversed range', async () => {
    expectError(await app.inject({ url: '/api/units/01304/history?asOf=2026-01-01', cookies: xa }), 403, 'FORBIDDEN');
    expectError(await app.inject({ url: '/api/units/99999/history', cookies: tinh }), 404, 'UNIT_NOT_IN_FORCE');
    expectError(await app.inject({ url: '/api/units/01654/history?from=2026-03-05&to=2026-03-01', cookies: tinh }), 400, 'VALIDATION');
    expectError(await app.inject({ url: '/api/units/01654/history' }), 401, 'UNAUTHENTICATED');
  });
});
