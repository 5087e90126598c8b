/**
 * What a unit holds on a date (its recognised tier and the decision), and where that disagrees with the tier its
 * approved values compute to. A decision belongs to the unit period it was made for: a commune merged on 1/7/2025
 * keeps its decisions, and the commune formed from it starts without any (its predecessors' are named beside it).
 */
import type { Db } from '../../db/client.ts';
import { listDossiers, stepsOf } from '../../db/repos/recognition.ts';
import { findUnitAsOf, findUnitById, lineageOf, lineagePairs, type UnitWithParent } from '../../db/repos/units.ts';
import { DomainError } from '../../domain/errors.ts';
import { disagreement, recognisedAsOf, statusAsOf, viDate, type DisagreementKind } from '../../domain/recognition/rules.ts';
import type { Tier } from '../../domain/criteria/schema.ts';
import type { RecognitionTier } from '../../domain/recognition/steps.ts';
import { overview } from '../evaluation/service.ts';
import { presentHeld, presentUnit, recordedSteps } from './present.ts';
import type { HeldRecognition, UnitRecognitionResponse, UnitRef } from './schema.ts';

interface UnitDossier {
  id: number;
  tier: RecognitionTier;
  year: number;
  steps: ReturnType<typeof recordedSteps>;
  held: () => HeldRecognition;
}

/** The dossiers of some units, by unit id, with the dates of their steps. */
async function dossiersByUnit(db: Db, unitIds: number[]): Promise<Map<number, UnitDossier[]>> {
  const rows = await listDossiers(db, { unitIds });
  const steps = await stepsOf(
    db,
    rows.map((r) => r.id),
  );
  const out = new Map<number, UnitDossier[]>();
  for (const row of rows) {
    const all = steps.get(row.id) ?? [];
    const list = out.get(row.unitId) ?? [];
    list.push({ id: row.id, tier: row.tier as RecognitionTier, year: row.year, steps: recordedSteps(all), held: () => presentHeld({ row, steps: all }) });
    out.set(row.unitId, list);
  }
  return out;
}

/** A unit that ended holds, after it ended, what it held on its last day. */
const lastDay = (u: UnitWithParent, asOf: string) => (u.validTo && u.validTo < asOf ? u.validTo : asOf);

async function withParentName(db: Db, u: UnitWithParent): Promise<UnitRef> {
  return presentUnit(u, u.parentId ? ((await findUnitById(db, u.parentId))?.fullName ?? null) : null);
}

/** GET /api/units/:code/recognition: the tier a unit is recognised at on a date, with its predecessors'. */
export async function unitRecognition(db: Db, code: string, asOf: string, authorize: (unitId: number) => void): Promise<UnitRecognitionResponse> {
  const unit = await findUnitAsOf(db, code, asOf);
  if (!unit) throw new DomainError('UNIT_NOT_IN_FORCE', `Không có đơn vị hành chính mã "${code}" vào ngày ${viDate(asOf)}`, { code, asOf });
  authorize(unit.id);
  const { predecessors, successors } = await lineageOf(db, unit.id);
  const dossiers = await dossiersByUnit(db, [unit.id, ...predecessors.map((p) => p.id)]);
  const own = dossiers.get(unit.id) ?? [];
  return {
    asOf,
    unit: await withParentName(db, unit),
    recognition: recognisedAsOf(own, asOf)?.held() ?? null,
    dossiers: own.map((d) => ({ id: d.id, tier: d.tier, year: d.year, status: statusAsOf(d.steps, asOf) })),
    predecessors: await Promise.all(
      predecessors.map(async (p) => ({
        unit: await withParentName(db, p),
        recognition: recognisedAsOf(dossiers.get(p.id) ?? [], lastDay(p, asOf))?.held() ?? null,
      })),
    ),
    successors: await Promise.all(successors.map((s) => withParentName(db, s))),
  };
}

export interface DisagreementRow {
  unitId: number;
  unit: UnitRef;
  kind: DisagreementKind;
  recognised: HeldRecognition | null;
  computedTier: string | null;
  criteriaMet: number | null;
  criteriaTotal: number | null;
  sample: boolean;
  predecessors: { unit: UnitRef; recognition: HeldRecognition }[];
}

/**
 * Communes (and, before 1/7/2025, districts) in force on `asOf` whose recognised tier and computed tier for `year`
 * disagree. Units without any value for the year are left out: nothing computed to compare with.
 */
export async function disagreements(db: Db, asOf: string, year: number): Promise<DisagreementRow[]> {
  const rows = (await Promise.all(['district', 'commune'].map((level) => overview(db, asOf, year, level, 'approved')))).flatMap((o) => o.rows);
  const predecessorsOf = new Map<number, number[]>();
  for (const p of await lineagePairs(db)) predecessorsOf.set(p.successorId, [...(predecessorsOf.get(p.successorId) ?? []), p.predecessorId]);
  const ids = rows.map((r) => r.id);
  const dossiers = await dossiersByUnit(db, [...ids, ...ids.flatMap((id) => predecessorsOf.get(id) ?? [])]);
  const out: DisagreementRow[] = [];
  for (const r of rows) {
    if (!r.set || !r.hasValues) continue;
    const held = recognisedAsOf(dossiers.get(r.id) ?? [], asOf);
    const kind = disagreement(held?.tier ?? null, r.tier as Tier | null);
    if (!kind) continue;
    const predecessors: DisagreementRow['predecessors'] = [];
    for (const pid of predecessorsOf.get(r.id) ?? []) {
      const p = await findUnitById(db, pid);
      const h = p && recognisedAsOf(dossiers.get(pid) ?? [], lastDay(p, asOf));
      if (p && h && p.id !== r.id) predecessors.push({ unit: presentUnit(p), recognition: h.held() });
    }
    const recognised = held?.held() ?? null;
    out.push({
      unitId: r.id,
      unit: presentUnit((await findUnitById(db, r.id))!, r.parentName),
      kind,
      recognised,
      computedTier: r.tier,
      criteriaMet: r.criteriaMet,
      criteriaTotal: r.criteriaTotal,
      sample: r.sample || (recognised?.sample ?? false),
      predecessors,
    });
  }
  return out;
}
