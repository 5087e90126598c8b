import fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.ts';
import { criteriaSetSchema, type CriteriaSetInput } from '../../src/domain/criteria/schema.ts';
import { importSet } from '../../src/server/criteria/service.ts';
import { evaluateUnit, overview } from '../../src/server/evaluation/service.ts';
import { backends } from './backends.ts';
import { login, startApp } from './http.ts';

/** The 2026–2030 set as shipped, amended so that criterion 1 now has one indicator (1.1). */
function amendment2026() {
  const base = JSON.parse(fs.readFileSync('data/criteria/xa-ntm-2026.json', 'utf8')) as CriteriaSetInput;
  return criteriaSetSchema.parse({
    ...base,
    id: 'xa-ntm-2026-bo-sung',
    amends: 'xa-ntm-2026',
    effectiveFrom: '2026-03-01',
    criteria: base.criteria.map((c) =>
      c.code === '1'
        ? { ...c, indicators: [{ code: '1.1', name: 'Có quy hoạch chung xã', kind: 'boolean', thresholds: [{ value: true, confirmed: false }] }] }
        : c,
    ),
  });
}

describe.each(backends)('a new version over stored values, on $name', (backend) => {
  let d: Database;
  beforeAll(async () => {
    d = await backend.demo();
    await importSet(d.db, amendment2026(), null, 'thử');
  }, 300_000);

  it('still gives the 2026 overview, on the new version', async () => {
    const o = await overview(d.db, '2026-03-02', 2026);
    expect(o.sets).toContain('xa-ntm-2026-bo-sung');
    const xa = o.rows.filter((r) => r.type === 'Xã');
    expect(xa.length).toBeGreaterThan(0);
    for (const r of xa) expect(r.set).toBe('xa-ntm-2026-bo-sung');
  });

  it('shows the old direct status of criterion 1 only as an earlier record, beside its indicator', async () => {
    const { rows } = await overview(d.db, '2026-03-02', 2026);
    const code = rows.find((r) => r.type === 'Xã' && r.hasValues)!.code;
    const e = await evaluateUnit(d.db, code, '2026-03-02', 2026);
    const c1 = e.evaluation!.criteria['1']!;
    expect(c1.direct).toBe(false);
    expect(c1.status).toBe('no-data');
    expect(c1.earlierRecord).not.toBeNull();
    expect(c1.earlierRecord!.storedUnder).toBe('xa-ntm-2026-2030');
    expect(e.evaluation!.indicators['1.1']!.reason).toBe('no-value');
    // Criterion 2 still takes its direct status.
    expect(e.evaluation!.criteria['2']!.direct).toBe(true);
  });

  it('answers 200 on the API for the overview and a scorecard', async () => {
    const app = await startApp(d);
    const cookies = await login(app, 'tinh');
    const o = await app.inject({ method: 'GET', url: '/api/overview?asOf=2026-03-02&year=2026', cookies });
    expect(o.statusCode, o.body).toBe(200);
    const code = o.json<{ rows: { code: string; type: string }[] }>().rows.find((r) => r.type === 'Xã')!.code;
    const s = await app.inject({ method: 'GET', url: `/api/units/${code}/evaluation?asOf=2026-03-02&year=2026`, cookies });
    expect(s.statusCode, s.body).toBe(200);
    expect(s.json<{ evaluation: { notInVersion: unknown[] } }>().evaluation.notInVersion).toEqual([]);
  });

  it('marks partly loaded criteria in the set detail and in a public evaluation', async () => {
    const app = await startApp(d);
    const detail = await app.inject({ method: 'GET', url: '/api/sets/xa-ntm-2024' });
    expect(detail.statusCode, detail.body).toBe(200);
    const criteria = detail.json<{ criteria: { code: string; direct: boolean; indicatorsIncomplete: boolean; indicatorsLoaded: number }[] }>().criteria;
    const byCode = new Map(criteria.map((c) => [c.code, c]));
    expect(byCode.get('13')).toMatchObject({ direct: true, indicatorsIncomplete: true, indicatorsLoaded: 3 });
    expect(byCode.get('12')).toMatchObject({ direct: true, indicatorsIncomplete: true });
    expect(byCode.get('1')).toMatchObject({ direct: false, indicatorsIncomplete: false });
    const res = await app.inject({
      method: 'POST',
      url: '/api/evaluate',
      payload: { set: 'xa-ntm-2024', year: 2025, values: { '13.1': true, '13.2': true, '13.x': true } },
    });
    expect(res.statusCode, res.body).toBe(200);
    const c13 = res.json<{ criteria: Record<string, { status: string; awaitingDirect: boolean; indicatorsIncomplete: boolean }> }>().criteria['13'];
    expect(c13).toMatchObject({ status: 'no-data', awaitingDirect: true, indicatorsIncomplete: true });
  });

  it('passes on the 2024 versions’ note that their values were carried from the 2022 text', async () => {
    const app = await startApp(d);
    const detail = await app.inject({ method: 'GET', url: '/api/sets/xa-ntm-2024' });
    expect(detail.json<{ carriedNote: string | null }>().carriedNote).toMatch(/chưa đối chiếu với QĐ 211/);
    const cookies = await login(app, 'tinh');
    const s = await app.inject({ method: 'GET', url: '/api/units/01654/evaluation?asOf=2025-07-01&year=2025', cookies });
    expect(s.statusCode, s.body).toBe(200);
    expect(s.json<{ setInfo: { carriedNote: string | null } }>().setInfo.carriedNote).toMatch(/chưa đối chiếu với QĐ 211/);
  });
});
