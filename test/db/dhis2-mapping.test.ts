import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { queryRows, type Database } from '../../src/db/client.ts';
import { generatedUid, orgUnitSeed } from '../../src/interchange/dhis2/uid.ts';
import type { DataValueSet, MappingsResponse } from '../../src/server/dhis2/schema.ts';
import { backends } from './backends.ts';
import { expectError, login, startApp } from './http.ts';

type Row = MappingsResponse['mappings'][number];
const UID = /^[A-Za-z][A-Za-z0-9]{10}$/;

describe.each(backends)('DHIS2 mapping and export on $name', (backend) => {
  let d: Database;
  let app: FastifyInstance;
  let tinh: Record<string, string>;
  let xa: Record<string, string>;
  const get = async <T>(url: string, cookies = tinh) => {
    const res = await app.inject({ url, cookies });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<T>();
  };
  const put = (mappings: unknown[]) => app.inject({ method: 'PUT', url: '/api/dhis2/mappings', cookies: tinh, payload: { mappings } });
  const stored = async () => (await queryRows<{ n: number }>(d.db, sql`SELECT count(*)::int AS n FROM dhis2_mappings`))[0]!.n;
  const orgUnit = (rows: Row[], code: string, validFrom: string | null) =>
    rows.find((r) => r.kind === 'orgUnit' && r.code === code && r.validFrom === validFrom)!;

  beforeAll(async () => {
    d = await backend.demo();
    app = await startApp(d);
    tinh = await login(app, 'tinh');
    xa = await login(app, 'xa.hoaan');
  }, 300_000);

  it('generates a stable identifier for every data element and unit period, unique, in DHIS2 form', async () => {
    const { mappings } = await get<MappingsResponse>('/api/dhis2/mappings');
    expect(mappings.length).toBeGreaterThan(100);
    expect(mappings.every((m) => UID.test(m.uid) && m.generated)).toBe(true);
    expect(new Set(mappings.map((m) => m.uid)).size).toBe(mappings.length);
    // The code 01654 names the old town of Nước Hai until 30/06/2025 and the new Xã Hòa An from 1/7/2025.
    const before = orgUnit(mappings, '01654', null);
    const after = orgUnit(mappings, '01654', '2025-07-01');
    expect(before.name).toBe('Thị trấn Nước Hai');
    expect(after.name).toBe('Xã Hòa An');
    expect(before.uid).not.toBe(after.uid);
    expect(after.uid).toBe(generatedUid(orgUnitSeed('01654', '2025-07-01')));
    expect(mappings.find((m) => m.kind === 'dataElement' && m.family === 'xa-ntm-2021-2025' && m.code === '3.1')).toBeTruthy();
    expect((await get<MappingsResponse>('/api/dhis2/mappings')).mappings).toEqual(mappings);
  });

  it('replaces the mapping as a whole; a unit period is named by its id or by its code and a date', async () => {
    const res = await put([
      { kind: 'dataElement', family: 'xa-ntm-2021-2025', code: '3.1', uid: 'ThuyLoi031A' },
      { kind: 'orgUnit', code: '01654', asOf: '2025-08-01', uid: 'HoaAnMoi001' },
      { kind: 'orgUnit', code: '01654', asOf: '2025-01-01', uid: 'NuocHaiCu01' },
    ]);
    expect(res.statusCode, res.body).toBe(200);
    const rows = res.json<MappingsResponse>().mappings;
    expect(orgUnit(rows, '01654', '2025-07-01')).toMatchObject({ uid: 'HoaAnMoi001', generated: false, name: 'Xã Hòa An' });
    expect(orgUnit(rows, '01654', null)).toMatchObject({ uid: 'NuocHaiCu01', generated: false });
    expect(rows.filter((r) => !r.generated)).toHaveLength(3);
    expect(await stored()).toBe(3);
    // What GET gives can be sent back whole: the generated rows are not stored again.
    const again = await put((await get<MappingsResponse>('/api/dhis2/mappings')).mappings);
    expect(again.statusCode, again.body).toBe(200);
    expect(await stored()).toBe(3);
  });

  it('refuses the whole mapping when a row is wrong, naming every row at fault, and stores nothing', async () => {
    const before = (await get<MappingsResponse>('/api/dhis2/mappings?generated=false')).mappings;
    const res = await put([
      { kind: 'dataElement', family: 'xa-ntm-2021-2025', code: '3.1', uid: 'AbcdefGHIJ1' },
      { kind: 'dataElement', family: 'xa-ntm-2021-2025', code: '3.2', uid: 'AbcdefGHIJ1' },
      { kind: 'dataElement', family: 'xa-ntm-2021-2025', code: '3.1', uid: 'Zyxwvu98765' },
      { kind: 'dataElement', family: 'xa-ntm-2021-2025', code: '99.9', uid: 'Qwertyuiop1' },
      { kind: 'orgUnit', code: '01654', uid: 'Asdfghjkl12' },
      { kind: 'orgUnit', code: '01654', asOf: '2025-07-01', uid: '1badStart00' },
      { kind: 'orgUnit', code: '99999', asOf: '2025-07-01', uid: 'Mnbvcxzlk12' },
    ]);
    const err = expectError(res, 400, 'DHIS2_MAPPING_INVALID');
    expect(err.message).toMatch(/^Dòng 2, trường uid: mã DHIS2 AbcdefGHIJ1 đã dùng ở dòng 1/);
    const problems = (err.details as { problems: { row: number; field: string; message: string }[] }).problems;
    expect(problems.map((p) => [p.row, p.field])).toEqual([
      [2, 'uid'],
      [3, 'code'],
      [4, 'code'],
      [5, 'code'],
      [6, 'uid'],
      [7, 'code'],
    ]);
    expect(problems[3]!.message).toMatch(/2 thời kỳ/);
    expect((await get<MappingsResponse>('/api/dhis2/mappings?generated=false')).mappings).toEqual(before);
  });

  it('is kept by the province: other accounts may not read or change it', async () => {
    expectError(await app.inject({ url: '/api/dhis2/mappings', cookies: xa }), 403, 'FORBIDDEN');
    expectError(await app.inject({ method: 'PUT', url: '/api/dhis2/mappings', cookies: xa, payload: { mappings: [] } }), 403, 'FORBIDDEN');
  });

  it('exports stored values in the DHIS2 shape, as DHIS2 strings, for the mapped identifiers', async () => {
    const set = await get<DataValueSet>('/api/dataValueSets?dataSet=xa-ntm-2021-2025&period=2025&orgUnit=HoaAnMoi001', xa);
    expect(set).toMatchObject({ dataSet: 'xa-ntm-2021-2025', period: '2025', orgUnit: 'HoaAnMoi001' });
    expect(set.dataValues.length).toBeGreaterThan(5);
    for (const v of set.dataValues) {
      expect(v).toMatchObject({ period: '2025', orgUnit: 'HoaAnMoi001', followup: false });
      expect(typeof v.value).toBe('string');
      expect(UID.test(v.dataElement)).toBe(true);
    }
    const water = set.dataValues.find((v) => v.dataElement === 'ThuyLoi031A');
    expect(water?.value).toMatch(/^\d+(\.\d+)?$/);
    expect(set.dataValues.filter((v) => ['true', 'false'].includes(v.value)).length).toBeGreaterThan(0);
    // Several periods at once; a commune before the merger keeps its own identifier (generated here).
    const danChu = generatedUid(orgUnitSeed('01657', null));
    const old = await get<DataValueSet>(`/api/dataValueSets?dataSet=xa-ntm-2021-2025&period=2024&period=2025&orgUnit=${danChu}`);
    expect(old.period).toBeUndefined();
    expect(new Set(old.dataValues.map((v) => v.period))).toEqual(new Set(['2024', '2025']));
    expect(old.dataValues.every((v) => v.orgUnit === danChu)).toBe(true);
  });

  it('adds the units below with children=true, within the caller’s scope', async () => {
    const province = generatedUid(orgUnitSeed('04', null));
    const all = await get<DataValueSet>(`/api/dataValueSets?dataSet=xa-ntm-2021-2025&period=2025&orgUnit=${province}&children=true`);
    expect(new Set(all.dataValues.map((v) => v.orgUnit)).size).toBeGreaterThan(50);
    const none = await get<DataValueSet>(`/api/dataValueSets?dataSet=xa-ntm-2021-2025&period=2025&orgUnit=${province}`);
    expect(none.dataValues).toEqual([]);
  });

  it('answers an unknown identifier, a period that is not a year, an unknown data set and another unit with the error', async () => {
    const q = (orgUnit: string, period = '2025', dataSet = 'xa-ntm-2021-2025') => `/api/dataValueSets?dataSet=${dataSet}&period=${period}&orgUnit=${orgUnit}`;
    expectError(await app.inject({ url: q('Khongcoma01'), cookies: tinh }), 404, 'DHIS2_UNKNOWN_UID');
    expectError(await app.inject({ url: q('HoaAnMoi001', '202501'), cookies: tinh }), 400, 'DHIS2_PERIOD');
    expectError(await app.inject({ url: q('HoaAnMoi001', '2025', 'khong-co'), cookies: tinh }), 404, 'FAMILY_NOT_FOUND');
    expectError(await app.inject({ url: q(generatedUid(orgUnitSeed('01304', '2025-07-01'))), cookies: xa }), 403, 'FORBIDDEN');
    expectError(await app.inject({ url: '/api/dataValueSets?dataSet=xa-ntm-2021-2025&period=2025', cookies: tinh }), 400, 'VALIDATION');
  });

  it('exports only approved snapshots with approvedOnly=true', async () => {
    const set = await get<DataValueSet>('/api/dataValueSets?dataSet=xa-ntm-2021-2025&period=2025&orgUnit=HoaAnMoi001&approvedOnly=true');
    const rows = await queryRows<{ n: number }>(
      d.db,
      sql`SELECT count(*)::int AS n FROM assessments a, jsonb_object_keys(a.approved_values) k JOIN units u ON true
          WHERE u.id = a.unit_id AND u.code = '01654' AND u.valid_from = '2025-07-01' AND a.year = 2025 AND a.family = 'xa-ntm-2021-2025'`,
    );
    expect(set.dataValues).toHaveLength(rows[0]!.n);
  });
});
