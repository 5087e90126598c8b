/**
 * Plans: the two source plans loaded from data/plans, staff creating and editing plans (a 2026–2030 plan, a
 * district's quotas), every save kept as a revision. A plan is checked whole before anything is written: the rules
 * of the domain (deadlines, shares, cascades) and those that need the database (units in force at their date, a
 * cascade's scope inside its parent's, the indicator's family known, the number not used by another plan).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../../db/client.ts';
import { isUniqueViolation } from '../../db/client.ts';
import { findPlan, findPlanByNumber, insertPlan, listPlans, updatePlan, type PlanRow } from '../../db/repos/plans.ts';
import { findUnitAsOf, listUnitsAsOf, type UnitWithParent } from '../../db/repos/units.ts';
import { audit } from '../../db/repos/users.ts';
import { DomainError } from '../../domain/errors.ts';
import { checkPlan, namedUnit, planSchema, targetUnitsAsOf, type PlanDocument } from '../../domain/plans/targets.ts';
import { viDate } from '../../domain/recognition/rules.ts';
import { DATA_DIR } from '../../paths.ts';
import type { SessionUser } from '../auth/policies.ts';
import { getRegistry } from '../criteria/service.ts';

type Authorize = (unitId: number) => void;

/** The plans shipped in data/plans (Plan 2452/KH-UBND and Plan 313/KH-UBND), validated. */
export function loadBuiltinPlans(dir = path.join(DATA_DIR, 'plans')): PlanDocument[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const raw = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as Record<string, unknown>;
      delete raw.$comment;
      const r = planSchema.safeParse(raw);
      if (!r.success) throw new Error(`data/plans/${f}: ${r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
      checkPlan(r.data);
      return r.data;
    });
}

const invalid = (field: string, message: string) => new DomainError('VALIDATION', message, { field });

/** Whether `u` lies under `scope` on the units of one date. */
function under(all: Map<number, UnitWithParent>, u: UnitWithParent, scope: UnitWithParent): boolean {
  for (let p: UnitWithParent | undefined = u; p; p = p.parentId ? all.get(p.parentId) : undefined) if (p.id === scope.id) return true;
  return false;
}

/** The checks that need the database; returns the plan's scope unit. */
async function checkAgainstData(db: Db, p: PlanDocument): Promise<UnitWithParent> {
  checkPlan(p);
  const scope = await findUnitAsOf(db, p.scope, p.date);
  if (!scope) throw invalid('scope', `Không có đơn vị hành chính mã "${p.scope}" vào ngày ban hành kế hoạch ${viDate(p.date)}`);
  const registry = await getRegistry(db);
  const unitsOn = new Map<string, Map<number, UnitWithParent>>();
  const byKey = new Map(p.targets.map((t) => [t.key, t]));
  for (const [i, t] of p.targets.entries()) {
    const at = `targets[${i}]`;
    const date = targetUnitsAsOf(t, p);
    const field = t.kind === 'unit-reaches-tier' ? 'unit' : 'scope';
    const u = await findUnitAsOf(db, namedUnit(t), date);
    if (!u) throw invalid(`${at}.${field}`, `Chỉ tiêu thứ ${i + 1}: không có đơn vị hành chính mã "${namedUnit(t)}" vào ngày ${viDate(date)}`);
    let all = unitsOn.get(date);
    if (!all) unitsOn.set(date, (all = new Map((await listUnitsAsOf(db, date)).map((x) => [x.id, x]))));
    const planScope = all.get(scope.id) ?? scope;
    if (!under(all, u, planScope)) throw invalid(`${at}.${field}`, `Chỉ tiêu thứ ${i + 1}: ${u.fullName} không thuộc ${scope.fullName}, đơn vị của kế hoạch`);
    if ((t.kind === 'min-criteria' || t.kind === 'indicator-factor') && t.counts !== 'evaluation')
      throw invalid(`${at}.counts`, `Chỉ tiêu thứ ${i + 1}: số tiêu chí và giá trị chỉ tiêu chỉ tính được từ kết quả đánh giá ("evaluation")`);
    if (t.kind === 'indicator-factor') {
      const versions = registry.versions(t.family);
      if (versions.length === 0) throw invalid(`${at}.family`, `Chỉ tiêu thứ ${i + 1}: không có bộ tiêu chí họ "${t.family}"`);
      if (!versions.some((s) => s.criteria.some((c) => c.indicators.some((ind) => ind.code === t.indicator))))
        throw invalid(`${at}.indicator`, `Chỉ tiêu thứ ${i + 1}: bộ tiêu chí "${t.family}" không có chỉ tiêu mã "${t.indicator}"`);
    }
    if (t.parentKey) {
      const parent = byKey.get(t.parentKey)!;
      const pu = await findUnitAsOf(db, namedUnit(parent), date);
      if (pu && (!under(all, u, all.get(pu.id) ?? pu) || u.id === pu.id))
        throw invalid(`${at}.scope`, `Chỉ tiêu thứ ${i + 1}: phần phân bổ phải cho một đơn vị thuộc ${pu.fullName} (đơn vị của chỉ tiêu "${parent.key}")`);
    }
  }
  return scope;
}

const duplicate = (number: string) => new DomainError('PLAN_EXISTS', `Đã có kế hoạch số "${number}": mỗi kế hoạch một số hiệu`, { field: 'number', number });

/** Loads the shipped plans that are not in the database yet (staff edits of a shipped plan are kept). */
export async function syncBuiltinPlans(db: Db): Promise<number> {
  let added = 0;
  for (const p of loadBuiltinPlans()) {
    if (await findPlanByNumber(db, p.number)) continue;
    const scope = await checkAgainstData(db, p);
    await db.transaction(async (tx) => {
      if (await findPlanByNumber(tx, p.number)) return;
      await insertPlan(tx, { number: p.number, issuedOn: p.date, scopeUnitId: scope.id, document: p, builtin: true, sample: p.sample ?? false, userId: null });
      added++;
    });
  }
  return added;
}

export async function createPlan(
  db: Db,
  user: SessionUser,
  body: { plan: PlanDocument; note?: string },
  authorize: Authorize,
): Promise<{ id: number; version: number }> {
  const p = body.plan;
  const scope = await checkAgainstData(db, p);
  authorize(scope.id);
  if (await findPlanByNumber(db, p.number)) throw duplicate(p.number);
  try {
    return await db.transaction(async (tx) => {
      const id = await insertPlan(tx, {
        number: p.number,
        issuedOn: p.date,
        scopeUnitId: scope.id,
        document: p,
        sample: p.sample ?? false,
        userId: user.id,
        note: body.note,
      });
      await audit(tx, { userId: user.id, action: 'plan.create', entity: 'plan', entityId: String(id), data: { number: p.number, targets: p.targets.length } });
      return { id, version: 1 };
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw duplicate(p.number);
    throw e;
  }
}

export async function savePlan(
  db: Db,
  user: SessionUser,
  id: number,
  body: { version: number; plan: PlanDocument; note?: string },
  authorize: Authorize,
): Promise<{ id: number; version: number }> {
  const row = await findPlan(db, id);
  if (!row) throw notFound(id);
  authorize(row.scopeUnitId);
  const p = body.plan;
  const scope = await checkAgainstData(db, p);
  authorize(scope.id);
  const other = await findPlanByNumber(db, p.number);
  if (other && other.id !== id) throw duplicate(p.number);
  try {
    return await db.transaction(async (tx) => {
      const version = await updatePlan(tx, id, body.version, {
        number: p.number,
        issuedOn: p.date,
        scopeUnitId: scope.id,
        document: p,
        userId: user.id,
        note: body.note,
      });
      if (version === undefined) {
        const current = (await findPlan(tx, id))!;
        throw new DomainError(
          'CONFLICT',
          `Kế hoạch đã được người khác lưu (phiên bản ${current.version}, bạn gửi phiên bản ${body.version}); hãy xem lại rồi lưu tiếp`,
          { current: presentPlan(current) },
        );
      }
      await audit(tx, { userId: user.id, action: 'plan.update', entity: 'plan', entityId: String(id), data: { number: p.number, version } });
      return { id, version };
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw duplicate(p.number);
    throw e;
  }
}

export const notFound = (id: number) => new DomainError('PLAN_NOT_FOUND', `Không có kế hoạch số ${id}`, { id });

export async function loadPlan(db: Db, id: number): Promise<PlanRow> {
  const row = await findPlan(db, id);
  if (!row) throw notFound(id);
  return row;
}

export async function allPlans(db: Db): Promise<PlanRow[]> {
  return listPlans(db);
}

/** What lists show of a plan. */
export function presentSummary(row: PlanRow) {
  const d = row.document as PlanDocument;
  return {
    id: row.id,
    number: row.number,
    date: row.issuedOn,
    issuer: d.issuer,
    title: d.title,
    scope: { code: row.scopeCode, name: row.scopeName },
    period: d.period,
    implements: d.implements ?? null,
    targets: d.targets.length,
    builtin: row.builtin,
    sample: row.sample,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
    updatedBy: row.updatedByName,
  };
}

export function presentPlan(row: PlanRow) {
  return { ...presentSummary(row), document: row.document as PlanDocument };
}
