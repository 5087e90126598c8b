import type { Db } from '../../db/client.ts';
import { boardAssessments, listDeadlines, type BoardAssessment } from '../../db/repos/boards.ts';
import { listUnitsAsOf, type UnitWithParent } from '../../db/repos/units.ts';
import type { CriteriaSet } from '../../domain/criteria/schema.ts';
import type { SetRegistry } from '../../domain/criteria/registry.ts';
import { entryFields } from '../../domain/assessments/values.ts';
import { ASSESSMENT_STATES, type AssessmentState, type WorkflowUnit } from '../../domain/assessments/workflow.ts';
import { appliesTo, setsForYear, versionForYear } from '../../domain/evaluation/ladder.ts';
import { compareVi } from '../../domain/units/names.ts';
import { getRegistry } from '../criteria/service.ts';
import { changedSinceApproval, completeness, deadlineFor, timeliness } from './rules.ts';
import type { Timeliness } from './schema.ts';

/** One row of a board before it is shown to a caller (scope, actions and tabs are the caller's). */
export interface BoardRow {
  unitId: number;
  unit: { code: string; name: string; fullName: string; parentCode: string | null; parentName: string | null };
  family: string;
  setId: string;
  status: AssessmentState;
  version: number;
  submittedAt: string | null;
  approvedAt: string | null;
  updatedAt: string | null;
  deadline: { submitBy: string; reviewBy: string | null; approveBy: string | null } | null;
  timeliness: Timeliness;
  completeness: { filled: number; total: number };
  lastTransition: BoardAssessment['last'];
  returnReason: string | null;
  changedSinceApproval: boolean;
  workflowUnit: WorkflowUnit;
}

export interface BoardKey {
  asOf: string;
  year: number;
  level: 'commune' | 'hamlet';
  family?: string | undefined;
  parentCode?: string | undefined;
  today: string;
}

const LEVELS = ['province', 'district', 'commune', 'hamlet'];

/** The set a unit is assessed on for the year: the given family's version, or the unit's base set. */
function setOf(registry: SetRegistry, u: UnitWithParent, key: BoardKey): CriteriaSet | null {
  if (key.family) {
    const v = versionForYear(registry, key.family, key.year, key.asOf);
    return v && appliesTo(v, u) && v.period.from <= key.year && key.year <= v.period.to ? v : null;
  }
  const pair = setsForYear(registry, u, key.year, key.asOf);
  return 'code' in pair ? null : pair.base;
}

/** Whether a district stands above the unit (its commune's parent, for a hamlet): the district review step. */
function workflowUnitOf(u: UnitWithParent, byId: Map<number, UnitWithParent>): WorkflowUnit {
  const parent = u.parentId ? byId.get(u.parentId) : undefined;
  const above = u.level === 'hamlet' && parent?.parentId ? byId.get(parent.parentId) : parent;
  return { level: u.level, underDistrict: above?.level === 'district' };
}

/**
 * Every unit of a level in force on `asOf` that a set applies to for the year, with its assessment's state,
 * deadline, completeness, last transition and whether it changed since its last approval. Not filtered by scope.
 */
export async function boardRows(db: Db, key: BoardKey): Promise<BoardRow[]> {
  const registry = await getRegistry(db);
  const units = (await Promise.all(LEVELS.slice(0, LEVELS.indexOf(key.level) + 1).map((l) => listUnitsAsOf(db, key.asOf, l)))).flat();
  const byId = new Map(units.map((u) => [u.id, u]));
  const byCode = new Map(units.map((u) => [u.code, u]));
  const under = key.parentCode ? byCode.get(key.parentCode)?.id : undefined;
  const listed = units.filter((u) => u.level === key.level && (!key.parentCode || isUnder(u, under, byId)));
  const sets = new Map<number, CriteriaSet>();
  for (const u of listed) {
    const s = setOf(registry, u, key);
    if (s) sets.set(u.id, s);
  }
  const families = [...new Set([...sets.values()].map((s) => s.family))];
  const stored = new Map((await boardAssessments(db, key.year, families, [...sets.keys()])).map((a) => [`${a.unitId}|${a.family}`, a]));
  const deadlines = await listDeadlines(db, key.year);
  const fields = new Map<string, string[]>();
  const codesOf = (s: CriteriaSet) =>
    fields.get(s.id) ??
    fields
      .set(
        s.id,
        entryFields(s).map((f) => f.code),
      )
      .get(s.id)!;
  const rows: BoardRow[] = [];
  for (const u of listed) {
    const set = sets.get(u.id);
    if (!set) continue;
    const a = stored.get(`${u.id}|${set.family}`);
    const pinned = a?.setId && registry.has(a.setId) ? registry.get(a.setId) : set;
    const status = a && (ASSESSMENT_STATES as readonly string[]).includes(a.status) ? (a.status as AssessmentState) : 'draft';
    const d = deadlineFor(deadlines, set.family, u.level);
    const parent = u.parentId ? byId.get(u.parentId) : undefined;
    rows.push({
      unitId: u.id,
      unit: { code: u.code, name: u.name, fullName: u.fullName, parentCode: parent?.code ?? null, parentName: parent?.fullName ?? null },
      family: set.family,
      setId: pinned.id,
      status,
      version: a?.version ?? 0,
      submittedAt: a?.submittedAt ?? null,
      approvedAt: a?.approvedAt ?? null,
      updatedAt: a?.updatedAt ?? null,
      deadline: d && { submitBy: d.submitBy, reviewBy: d.reviewBy, approveBy: d.approveBy },
      timeliness: timeliness(status, a?.submittedAt ?? null, d?.submitBy ?? null, key.today),
      completeness: completeness(codesOf(pinned), a?.values ?? {}),
      lastTransition: a?.last ?? null,
      returnReason: a?.returnReason ?? null,
      changedSinceApproval: a ? changedSinceApproval(a.values, a.approvedValues) : false,
      workflowUnit: workflowUnitOf(u, byId),
    });
  }
  return rows.sort((x, y) => compareVi(x.unit.parentName ?? '', y.unit.parentName ?? '') || compareVi(x.unit.name, y.unit.name));
}

function isUnder(u: UnitWithParent, ancestor: number | undefined, byId: Map<number, UnitWithParent>): boolean {
  if (ancestor === undefined) return false;
  for (let p = u.parentId; p !== null; p = byId.get(p)?.parentId ?? null) if (p === ancestor) return true;
  return false;
}
