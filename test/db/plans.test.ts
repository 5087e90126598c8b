/**
 * Plans and targets: the two source plans loaded with every target and its sentence, progress computed live from
 * approved evaluations and recognition decisions, units followed through the 1/7/2025 lineage, and the bad inputs
 * of the issue refused with the field named and nothing written.
 */
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows, type Database } from '../../src/db/client.ts';
import type { PlanDocument, Target } from '../../src/domain/plans/targets.ts';
import type { z } from 'zod';
import type { planListResponse, planResponse, progressResponse } from '../../src/server/plans/schema.ts';
import { backends } from './backends.ts';
import { expectError, login, startApp } from './http.ts';

type PlanList = z.infer<typeof planListResponse>;
type PlanBody = z.infer<typeof planResponse>;
type Progress = z.infer<typeof progressResponse>;

type CountTarget = Extract<Target, { kind: 'units-reach-tier' }>;
const province: CountTarget = {
  key: 'xa-ntm',
  kind: 'units-reach-tier',
  sentence: 'Phấn đấu 30 xã đạt chuẩn nông thôn mới',
  deadline: '2030-12-31',
  counts: 'evaluation',
  scope: '04',
  level: 'commune',
  tier: 'ntm',
  count: 30,
};
const quota: CountTarget = {
  key: 'xa-ntm-hoa-an',
  kind: 'units-reach-tier',
  sentence: 'Xã Hòa An',
  deadline: '2030-12-31',
  counts: 'evaluation',
  scope: '01654',
  level: 'commune',
  tier: 'ntm',
  count: 1,
  parentKey: 'xa-ntm',
};

const newPlan = (over: Partial<PlanDocument> = {}): PlanDocument => ({
  number: '15/KH-UBND',
  date: '2026-03-01',
  issuer: 'UBND tỉnh Cao Bằng',
  title: 'Kế hoạch xây dựng nông thôn mới giai đoạn 2026–2030',
  scope: '04',
  period: { from: 2026, to: 2030 },
  targets: [province, quota],
  ...over,
});

describe.each(backends)('plans on $name', (backend) => {
  let d: Database;
  let app: FastifyInstance;
  let tinh: Record<string, string>;
  let plans: PlanList['plans'];
  beforeAll(async () => {
    d = await backend.demo();
    app = await startApp(d);
    tinh = await login(app, 'tinh');
    plans = (await app.inject({ url: '/api/plans', cookies: tinh })).json<PlanList>().plans;
  }, 300_000);

  const byNumber = (n: string) => plans.find((p) => p.number === n)!;
  const progress = async (id: number, asOf: string) => {
    const res = await app.inject({ url: `/api/plans/${id}/progress?asOf=${asOf}`, cookies: tinh });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<Progress>();
  };

  it('loads Plan 2452/KH-UBND and Plan 313/KH-UBND with every target and the sentence it comes from', async () => {
    const p2452 = byNumber('2452/KH-UBND');
    expect(p2452).toMatchObject({
      date: '2022-09-26',
      issuer: 'UBND tỉnh Cao Bằng',
      scope: { code: '04' },
      period: { from: 2021, to: 2025 },
      targets: 9,
      builtin: true,
    });
    const p313 = byNumber('313/KH-UBND');
    expect(p313).toMatchObject({ date: '2022-10-28', issuer: 'UBND thành phố Cao Bằng', scope: { code: '040' }, implements: '2452/KH-UBND', targets: 8 });
    const doc = (await app.inject({ url: `/api/plans/${p2452.id}`, cookies: tinh })).json<PlanBody>().document;
    const xa = doc.targets.find((t) => t.key === 'xa-ntm')!;
    expect(xa).toMatchObject({ kind: 'units-reach-tier', count: 50, tier: 'ntm', level: 'commune', sentence: '50 xã trở lên đạt chuẩn nông thôn mới' });
    expect(doc.targets.map((t) => t.kind).sort()).toEqual(
      [
        'indicator-factor',
        'min-criteria',
        'share-reaches-tier',
        'share-reaches-tier',
        'unit-reaches-tier',
        'units-reach-tier',
        'units-reach-tier',
        'units-reach-tier',
        'units-reach-tier',
      ].sort(),
    );
  });

  it("counts Plan 2452's communes on the pre-1/7/2025 hierarchy, live from approved values, with a forecast", async () => {
    const p = await progress(byNumber('2452/KH-UBND').id, '2025-06-30');
    const xa = p.targets.find((t) => t.key === 'xa-ntm')!;
    // The xã of the hierarchy of 26/9/2022 (before the merger there were over a hundred communes, wards and towns).
    expect(xa.total).toBeGreaterThan(90);
    expect(xa.forecast).not.toBeNull();
    expect(['achieved', 'on-track', 'at-risk', 'off-track', 'missed']).toContain(xa.forecast!.status);
    expect(xa.forecast!.reason.length).toBeGreaterThan(20);
    expect(xa.history.map((h) => h.year)).toEqual([2021, 2022, 2023, 2024, 2025]);
    expect(xa.other?.basis).toBe('evaluation');
    // Counted units are listed, and their number is the figure.
    expect(xa.counted).toHaveLength(xa.current!);
    const below = p.targets.find((t) => t.key === 'khong-xa-duoi-15')!;
    expect(below.counted).toHaveLength(below.current!);
    const income = p.targets.find((t) => t.key === 'thu-nhap')!;
    expect(income.missing).toContain('năm gốc 2020');
  });

  it('follows the units Plan 313 names through the lineage and says what happened to them', async () => {
    const p = await progress(byNumber('313/KH-UBND').id, '2026-12-01');
    const hd = p.targets.find((t) => t.key === 'hung-dao-nang-cao')!;
    expect(hd.lineage.join(' ')).toContain('Phường Thục Phán (01273)');
    expect(hd.lineage.join(' ')).toContain('bộ tiêu chí xã không áp dụng cho phường');
    expect(hd.forecast!.status).toMatch(/achieved|missed/);
    const vq = p.targets.find((t) => t.key === 'vinh-quang-nang-cao')!;
    expect(vq.lineage.join(' ')).toContain('Phường Nùng Trí Cao (01279)');
    const city = p.targets.find((t) => t.key === 'thanh-pho-hoan-thanh')!;
    expect(city.lineage.join(' ')).toContain('bỏ cấp huyện');
  });

  it('creates a 2026–2030 plan with a cascaded quota, keeps each save, and refuses a stale save', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/plans', cookies: tinh, payload: { plan: newPlan() } });
    expect(res.statusCode, res.body).toBe(201);
    const { id } = res.json<{ id: number }>();
    const p = await progress(id, '2026-12-01');
    expect(p.targets.find((t) => t.key === 'xa-ntm-hoa-an')!.total).toBe(1);
    const edited = newPlan({ title: 'Kế hoạch (sửa)' });
    const ok = await app.inject({ method: 'PUT', url: `/api/plans/${id}`, cookies: tinh, payload: { version: 1, plan: edited, note: 'sửa tên' } });
    expect(ok.statusCode, ok.body).toBe(200);
    const stale = expectError(
      await app.inject({ method: 'PUT', url: `/api/plans/${id}`, cookies: tinh, payload: { version: 1, plan: newPlan() } }),
      409,
      'CONFLICT',
    );
    expect((stale.details as { current: { version: number } }).current.version).toBe(2);
    const revisions = (await app.inject({ url: `/api/plans/${id}/revisions`, cookies: tinh })).json<{ revisions: { version: number; note: string | null }[] }>()
      .revisions;
    expect(revisions.map((r) => [r.version, r.note])).toEqual([
      [2, 'sửa tên'],
      [1, null],
    ]);
  });

  const refused: [string, () => PlanDocument, number, string, string][] = [
    ['a unit not in force at its date', () => newPlan({ targets: [{ ...province, scope: '01705' }] }), 400, 'VALIDATION', 'targets[0].scope'],
    ['a deadline before the plan', () => newPlan({ targets: [{ ...province, deadline: '2025-12-31' }] }), 400, 'VALIDATION', 'targets[0].deadline'],
    [
      'a share above 100 %',
      () =>
        newPlan({
          targets: [
            {
              key: 'xom',
              kind: 'share-reaches-tier',
              sentence: 'x',
              deadline: '2030-12-31',
              counts: 'evaluation',
              scope: '04',
              level: 'hamlet',
              tier: 'ntm',
              percent: 120,
            },
          ],
        }),
      400,
      'VALIDATION',
      'percent',
    ],
    ['a number already used', () => newPlan({ number: '2452 / kh-ubnd' }), 409, 'PLAN_EXISTS', 'number'],
    ['quotas above the parent target', () => newPlan({ targets: [province, { ...quota, count: 31 }] }), 400, 'VALIDATION', 'targets[1].count'],
  ];
  it.each(refused)('refuses %s, naming the field, and writes nothing', async (_name, plan, status, code, field) => {
    const before = await queryRows<{ n: string }>(d.db, sql`SELECT count(*)::text AS n FROM plan_revisions`);
    const err = expectError(await app.inject({ method: 'POST', url: '/api/plans', cookies: tinh, payload: { plan: plan() } }), status, code);
    expect(JSON.stringify(err), err.message).toContain(field);
    expect(await queryRows<{ n: string }>(d.db, sql`SELECT count(*)::text AS n FROM plan_revisions`)).toEqual(before);
  });

  it('keeps every revision: the database refuses to change or remove one', async () => {
    for (const q of [sql`UPDATE plan_revisions SET note = 'x'`, sql`DELETE FROM plan_revisions`, sql`TRUNCATE plan_revisions`])
      await expect(d.db.execute(q)).rejects.toThrow();
  });

  it('lets a commune officer read plans but not write them', async () => {
    const xa = await login(app, 'xa.hoaan');
    expect((await app.inject({ url: '/api/plans', cookies: xa })).statusCode).toBe(200);
    expectError(await app.inject({ method: 'POST', url: '/api/plans', cookies: xa, payload: { plan: newPlan({ number: '99/KH-UBND' }) } }), 403, 'FORBIDDEN');
  });
});
