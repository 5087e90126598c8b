/**
 * No default view fails at a transition: every date from 01/01/2025 to 31/03/2026 that matters, with every year
 * the selector offers, gives the overview and a scorecard at each level with 200 and a body that does not
 * contradict itself.
 *
 * Dates: every day from two days before to two days after each transition (units reorganised 01/07/2025, the
 * 2025 sets' last day 14/02/2026 and the 2026–2030 set from 15/02/2026, the year change and the groups from
 * 01/01/2026) and every fourteenth day elsewhere. Every day of the 15 months times 10 years times 5 views is
 * about 23,000 requests per backend, a quarter of an hour on a shared 2-core machine, for no more coverage:
 * between transitions nothing that decides a view (units in force, set versions, groups) changes.
 */
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.ts';
import { findUnitAsOf } from '../../src/db/repos/units.ts';
import type { SetRegistry } from '../../src/domain/criteria/registry.ts';
import { getRegistry } from '../../src/server/criteria/service.ts';
import type { OverviewResponse, UnitEvaluationResponse } from '../../src/server/evaluation/schema.ts';
import { buildAssessment, buildUnit, buildUser, TEST_PASSWORD } from '../factories.ts';
import { backends } from './backends.ts';
import { login, startApp } from './http.ts';

const TRANSITIONS = ['2025-07-01', '2026-01-01', '2026-02-15'];
const YEARS = [2021, 2022, 2023, 2024, 2025, 2026, 2027, 2028, 2029, 2030];

function addDays(iso: string, n: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

function datesToCheck(): string[] {
  const out = new Set<string>();
  for (let d = '2025-01-01'; d <= '2026-03-31'; d = addDays(d, 14)) out.add(d);
  for (const t of TRANSITIONS) for (let k = -2; k <= 2; k++) out.add(addDays(t, k));
  out.add('2026-03-31');
  return [...out].sort();
}

function checkOverview(o: OverviewResponse, year: number, registry: SetRegistry): void {
  expect(o.years).toEqual(YEARS);
  expect(o.year).toBe(year);
  expect(o.rows.length).toBeGreaterThan(0);
  for (const r of o.rows) {
    // A row has figures from a set of that year, or says why not: never both, never neither.
    expect(r.set === null, `${r.code} ${r.set} ${r.explanation}`).toBe(r.explanation !== null);
    if (r.set === null) continue;
    const s = registry.get(r.set);
    expect(s.period.from <= year && year <= s.period.to).toBe(true);
    expect(r.criteriaMet! + r.criteriaNoData!).toBeLessThanOrEqual(r.criteriaTotal!);
    expect(r.criteriaNoThreshold!).toBeLessThanOrEqual(r.criteriaNoData!);
  }
  expect(o.notice === null).toBe(o.sets.length > 0);
}

function checkScorecard(s: UnitEvaluationResponse, year: number, registry: SetRegistry): void {
  expect(s.year).toBe(year);
  expect(s.evaluation === null, JSON.stringify(s.explanation)).toBe(s.explanation !== null);
  if (!s.evaluation) return expect(s.explanation!.message.length).toBeGreaterThan(0);
  const set = registry.get(s.evaluation.set);
  expect(set.period.from <= year && year <= set.period.to).toBe(true);
  expect(s.setInfo?.id).toBe(s.evaluation.set);
  expect(s.evaluation.criteriaMet).toBeLessThanOrEqual(s.evaluation.criteriaTotal);
  if (s.highest) expect(s.highest.year).toBe(year);
}

describe.each(backends)('every view at every transition on $name', (backend) => {
  let d: Database;
  let app: FastifyInstance;
  let cookies: Record<string, string>;
  let registry: SetRegistry;
  const hamlets: { before: string; after: string } = { before: '', after: '' };
  beforeAll(async () => {
    d = await backend.shared();
    const province = (await findUnitAsOf(d.db, '04', '2025-07-01'))!;
    const oldCommune = (await findUnitAsOf(d.db, '01666', '2025-06-30'))!;
    const newCommune = (await findUnitAsOf(d.db, '01654', '2025-07-01'))!;
    hamlets.before = (await buildUnit(d.db, { level: 'hamlet', parent: oldCommune, validFrom: '2020-01-01', validTo: '2025-06-30' })).code;
    hamlets.after = (await buildUnit(d.db, { level: 'hamlet', parent: newCommune })).code;
    await buildAssessment(d.db, { unit: newCommune, family: 'xa-ntm-2021-2025', year: 2025, values: { '1.1': true, '13': 'met' }, status: 'approved' });
    await buildAssessment(d.db, { unit: newCommune, family: 'xa-ntm-2026-2030', year: 2026, values: { '1': 'met', '2': 'not-met' }, status: 'approved' });
    const user = await buildUser(d.db, { role: 'province', unit: province });
    app = await startApp(d);
    cookies = await login(app, user.username, TEST_PASSWORD);
    registry = await getRegistry(d.db);
  });

  const get = async <T>(url: string): Promise<T> => {
    const res = await app.inject({ method: 'GET', url, cookies });
    expect(res.statusCode, `${url}: ${res.body.slice(0, 300)}`).toBe(200);
    return res.json<T>();
  };

  it.each(datesToCheck())('on %s', async (asOf) => {
    const before = asOf < '2025-07-01';
    const units = ['04', before ? '042' : null, before ? '01666' : '01654', before ? hamlets.before : hamlets.after].filter((c): c is string => c !== null);
    for (const year of YEARS) {
      checkOverview(await get<OverviewResponse>(`/api/overview?asOf=${asOf}&year=${year}`), year, registry);
      for (const code of units) checkScorecard(await get<UnitEvaluationResponse>(`/api/units/${code}/evaluation?asOf=${asOf}&year=${year}`), year, registry);
    }
    // The default year (the date's own) answers too.
    checkOverview(await get<OverviewResponse>(`/api/overview?asOf=${asOf}`), Number(asOf.slice(0, 4)), registry);
  });
});
