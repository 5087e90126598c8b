import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { queryRows, type Database } from '../../src/db/client.ts';
import { dataElementSeed, generatedUid, orgUnitSeed } from '../../src/interchange/dhis2/uid.ts';
import type { DataValueSet, ImportSummary } from '../../src/server/dhis2/schema.ts';
import { backends } from './backends.ts';
import { expectError, login, startApp } from './http.ts';

const FAMILY = 'xa-ntm-2021-2025';
const HOA_AN = generatedUid(orgUnitSeed('01654', '2025-07-01'));
const QUANG_LAM = generatedUid(orgUnitSeed('01304', '2025-07-01'));
const de = (code: string) => generatedUid(dataElementSeed(FAMILY, code));
type Value = { dataElement: string; period: string; orgUnit: string; value: string; comment?: string };
const v = (code: string, value: string, extra: Partial<Value> = {}): Value => ({ dataElement: de(code), period: '2025', orgUnit: HOA_AN, value, ...extra });

describe.each(backends)('DHIS2 import on $name', (backend) => {
  let d: Database;
  let app: FastifyInstance;
  let tinh: Record<string, string>;
  let xa: Record<string, string>;

  const exported = async (orgUnit = HOA_AN) => {
    const res = await app.inject({ url: `/api/dataValueSets?dataSet=${FAMILY}&period=2025&orgUnit=${orgUnit}`, cookies: tinh });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<DataValueSet>().dataValues;
  };
  const post = async (dataValues: unknown[], query = '', cookies = xa) => {
    const res = await app.inject({ method: 'POST', url: `/api/dataValueSets${query}`, cookies, payload: { dataValues } });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<ImportSummary>();
  };
  const events = async () => (await queryRows<{ n: number }>(d.db, sql`SELECT count(*)::int AS n FROM assessment_events`))[0]!.n;
  const byCode = (values: DataValueSet['dataValues']) => new Map(values.map((x) => [x.dataElement, x]));

  beforeAll(async () => {
    d = await backend.demo();
    app = await startApp(d);
    tinh = await login(app, 'tinh');
    xa = await login(app, 'xa.hoaan');
    // Xã Hòa An's 2025 assessment was approved: the province reopens it so the commune can correct it.
    const url = `/api/assessments/01654/${FAMILY}/2025`;
    const got = await app.inject({ url: `${url}?asOf=2025-07-01`, cookies: tinh });
    expect(got.statusCode, got.body).toBe(200);
    const { version } = got.json<{ version: number }>();
    const reopened = await app.inject({
      method: 'POST',
      url: `${url}/transitions?asOf=2025-07-01`,
      cookies: tinh,
      payload: { action: 'reopen', reason: 'Xã cập nhật số liệu từ DHIS2', version },
    });
    expect(reopened.statusCode, reopened.body).toBe(200);
  }, 300_000);

  it('takes back its own export unchanged: every value ignored, nothing written', async () => {
    const values = await exported();
    expect(values.length).toBeGreaterThan(10);
    const before = await events();
    const s = await post(values);
    expect(s).toMatchObject({ responseType: 'ImportSummary', status: 'SUCCESS', conflicts: [], reference: null });
    expect(s.importCount).toEqual({ imported: 0, updated: 0, deleted: 0, ignored: values.length });
    expect(await events()).toBe(before);
  });

  it('counts imported, updated, deleted and ignored exactly, stores through the shared rules and records source dhis2', async () => {
    const current = byCode(await exported());
    const stored = (code: string) => current.get(de(code))?.value;
    const pct = ['2.1', '2.2', '2.3', '2.4', '3.1'].find((c) => stored(c) !== undefined && stored(c) !== '')!;
    const yesNo = ['1.1', '1.2', '4.1', '6.1', '6.2'].find((c) => stored(c) === 'true' || stored(c) === 'false')!;
    const gone = ['8.1', '8.2', '8.3', '8.4', '7'].find((c) => stored(c) !== undefined && c !== yesNo)!;
    const same = ['10', '11', '16'].find((c) => stored(c) !== undefined)!;
    // A value not stored yet: clear one first through the same API (DELETE strategy).
    const fresh = ['17.1', '17.2', '15.1'].find((c) => stored(c) !== undefined)!;
    const cleared = await post([v(fresh, '')], '?importStrategy=DELETE');
    expect(cleared.importCount).toEqual({ imported: 0, updated: 0, deleted: 1, ignored: 0 });
    const before = await events();
    const s = await post([
      v(pct, '87,5', { comment: 'Theo báo cáo giao thông 2025' }),
      v(yesNo, stored(yesNo) === 'true' ? 'Chưa đạt' : 'Đạt'),
      v(gone, ''),
      v(same, stored(same)!),
      v(fresh, '64'),
    ]);
    expect(s.status, JSON.stringify(s.conflicts)).toBe('SUCCESS');
    expect(s.importCount).toEqual({ imported: 1, updated: 2, deleted: 1, ignored: 1 });
    expect(s.reference).toMatch(/^dhis2-/);
    const after = byCode(await exported());
    expect(after.get(de(pct))).toMatchObject({ value: '87.5', comment: 'Theo báo cáo giao thông 2025', storedBy: 'xa.hoaan' });
    expect(after.get(de(yesNo))?.value).toBe(stored(yesNo) === 'true' ? 'false' : 'true');
    expect(after.has(de(gone))).toBe(false);
    expect(after.get(de(fresh))?.value).toBe('64');
    // The history lists each change with its source and the import's reference.
    const h = await app.inject({ url: `/api/assessments/01654/${FAMILY}/2025/history?asOf=2025-07-01`, cookies: xa });
    const hist = h.json<{ code?: string; action: string; source: string; sourceRef?: string }[]>();
    const mine = hist.filter((e) => e.sourceRef === s.reference);
    expect(mine.every((e) => e.source === 'dhis2')).toBe(true);
    expect(mine.map((e) => `${e.action} ${e.code}`).sort()).toEqual(
      [`note ${pct}`, `value ${fresh}`, `value ${gone}`, `value ${pct}`, `value ${yesNo}`].sort(),
    );
    expect(await events()).toBe(before + 5);
    const unitLog = await app.inject({ url: `/api/units/01654/history?asOf=2025-07-01&year=2025&limit=5`, cookies: xa });
    expect(unitLog.json<{ items: { source: string }[] }>().items.every((i) => i.source === 'dhis2')).toBe(true);
  });

  it('reports every conflict and, with atomicMode ALL (the default), stores nothing', async () => {
    const before = await exported();
    const n = await events();
    const s = await post([
      v('2.1', '55'),
      v('2.1', '140', { orgUnit: HOA_AN, period: '2025' }),
      { dataElement: 'Khongcoma01', period: '2025', orgUnit: HOA_AN, value: '1' },
      { dataElement: de('2.2'), period: '2025', orgUnit: 'Khongcoma02', value: '1' },
      v('2.3', 'nhiều'),
      v('2.4', '50', { period: '2025Q1' }),
      v('3.1', '50', { orgUnit: QUANG_LAM }),
    ]);
    expect(s.status).toBe('ERROR');
    expect(s.importCount).toEqual({ imported: 0, updated: 0, deleted: 0, ignored: 7 });
    const objects = s.conflicts.map((c) => c.object);
    expect(objects).toEqual(expect.arrayContaining(['Khongcoma01', 'Khongcoma02', 'nhiều', '2025Q1', QUANG_LAM]));
    expect(s.conflicts.find((c) => c.object === QUANG_LAM)?.value).toMatch(/ngoài phạm vi/);
    expect(s.conflicts.find((c) => c.object === 'nhiều')?.value).toMatch(/không phải là số/);
    expect(s.conflicts.find((c) => c.indexes.includes(1))?.value).toMatch(/hai lần/);
    expect(s.conflicts.flatMap((c) => c.indexes).sort()).toEqual([1, 2, 3, 4, 5, 6]);
    expect(await exported()).toEqual(before);
    expect(await events()).toBe(n);
  });

  it('refuses a value out of range and values of a locked assessment, naming them', async () => {
    const s = await post([v('2.2', '140')]);
    expect(s.conflicts[0]).toMatchObject({ object: '140', errorCode: 'E7619' });
    expect(s.conflicts[0]!.value).toMatch(/0 đến 100/);
    // Xã Quảng Lâm's 2025 assessment is approved: locked for the province too.
    const locked = await post([v('2.2', '40', { orgUnit: QUANG_LAM })], '', tinh);
    expect(locked).toMatchObject({ status: 'ERROR' });
    expect(locked.conflicts[0]).toMatchObject({ object: QUANG_LAM, errorCode: 'LOCKED' });
    expect(locked.conflicts[0]!.value).toMatch(/Đã phê duyệt/);
  });

  it('stores the values without conflict with atomicMode NONE, and writes nothing on a dry run', async () => {
    const n = await events();
    const dry = await post([v('2.2', '41'), v('2.3', 'x')], '?atomicMode=NONE&dryRun=true');
    expect(dry).toMatchObject({ status: 'WARNING', reference: null, importOptions: { dryRun: true, atomicMode: 'NONE' } });
    expect(dry.importCount.ignored).toBe(1);
    expect(dry.importCount.imported + dry.importCount.updated).toBe(1);
    expect(await events()).toBe(n);
    const real = await post([v('2.2', '41'), v('2.3', 'x')], '?atomicMode=NONE');
    expect(real.status).toBe('WARNING');
    expect(real.importCount).toEqual(dry.importCount);
    expect(byCode(await exported()).get(de('2.2'))?.value).toBe('41');
    expect(await events()).toBe(n + 1);
  });

  it('takes period and orgUnit from the data value set itself, and refuses viewers', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/dataValueSets',
      cookies: xa,
      payload: { dataSet: FAMILY, period: '2025', orgUnit: HOA_AN, dataValues: [{ dataElement: de('2.2'), value: '42' }] },
    });
    expect(res.json<ImportSummary>().importCount).toEqual({ imported: 0, updated: 1, deleted: 0, ignored: 0 });
    const viewer = await login(app, 'xem');
    expectError(await app.inject({ method: 'POST', url: '/api/dataValueSets', cookies: viewer, payload: { dataValues: [] } }), 403, 'FORBIDDEN');
  });
});
