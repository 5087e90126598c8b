import type { DossierRow, StepRow } from '../../db/repos/recognition.ts';
import type { UnitWithParent } from '../../db/repos/units.ts';
import { nextSteps, statusAsOf, type RecordedStep } from '../../domain/recognition/rules.ts';
import { procedureSteps, stepLabel, TIER_LABELS, type ProcedureKind, type RecognitionTier, type StepKind } from '../../domain/recognition/steps.ts';
import type { DossierBody, HeldRecognition, UnitRef } from './schema.ts';

/** A dossier as the service loads it: the row, its steps and, for a unit merged away, what it merged into. */
export interface DossierView {
  row: DossierRow;
  steps: StepRow[];
  successors: UnitWithParent[];
}

export function procedureKindOf(row: Pick<DossierRow, 'unitLevel' | 'parentLevel'>): ProcedureKind {
  if (row.unitLevel === 'district') return 'district';
  return row.parentLevel === 'district' ? 'commune-in-district' : 'commune';
}

/** The procedure steps recorded (not the opening of the dossier), with their dates. */
export function recordedSteps(steps: readonly StepRow[]): RecordedStep[] {
  return steps.filter((s) => s.kind !== 'create' && s.date).map((s) => ({ kind: s.kind as StepKind, date: s.date! }));
}

export function presentUnitRef(row: DossierRow): UnitRef {
  return {
    code: row.unitCode,
    name: row.unitFullName,
    type: row.unitType,
    level: row.unitLevel as UnitRef['level'],
    parentCode: row.parentCode,
    parentName: row.parentName,
    validFrom: row.unitValidFrom,
    validTo: row.unitValidTo,
  };
}

export function presentUnit(u: UnitWithParent, parentName: string | null = null): UnitRef {
  return {
    code: u.code,
    name: u.fullName,
    type: u.type,
    level: u.level,
    parentCode: u.parentCode,
    parentName,
    validFrom: u.validFrom,
    validTo: u.validTo,
  };
}

function decisionOf(steps: readonly StepRow[]): HeldRecognition['decision'] | null {
  const d = steps.find((s) => s.kind === 'decision');
  return d ? { number: d.reference ?? '', date: d.date ?? '', issuer: d.issuer ?? '' } : null;
}

/** What a unit holds from a dossier recognised on the date asked for. */
export function presentHeld(v: Pick<DossierView, 'row' | 'steps'>): HeldRecognition {
  const tier = v.row.tier as RecognitionTier;
  return { dossierId: v.row.id, tier, tierLabel: TIER_LABELS[tier], year: v.row.year, decision: decisionOf(v.steps)!, sample: v.row.sample };
}

/** A dossier with its status on `asOf`, its procedure, the steps recorded and the next one. */
export function presentDossier(v: DossierView, asOf: string): DossierBody {
  const procedure = procedureKindOf(v.row);
  const recorded = recordedSteps(v.steps);
  const done = new Set(recorded.map((s) => s.kind));
  const revocation = v.steps.find((s) => s.kind === 'revocation');
  const created = v.steps.find((s) => s.kind === 'create');
  const tier = v.row.tier as RecognitionTier;
  return {
    id: v.row.id,
    unit: presentUnitRef(v.row),
    successors: v.successors.map((u) => presentUnit(u)),
    tier,
    tierLabel: TIER_LABELS[tier],
    year: v.row.year,
    version: v.row.version,
    sample: v.row.sample,
    asOf,
    status: statusAsOf(recorded, asOf),
    procedure,
    procedureSteps: procedureSteps(procedure).map((s) => ({ ...s, recorded: done.has(s.kind) })),
    nextSteps: nextSteps({ procedure, steps: recorded }),
    steps: v.steps.map((s) => ({
      kind: s.kind as DossierBody['steps'][number]['kind'],
      label: s.kind === 'create' ? 'Lập hồ sơ trong sổ công nhận' : stepLabel(s.kind as StepKind, procedure),
      date: s.date,
      reference: s.reference,
      issuer: s.issuer,
      note: s.note,
      reason: s.reason,
      recordedBy: s.recordedBy,
      recordedAt: s.recordedAt.toISOString(),
      version: s.version,
    })),
    decision: decisionOf(v.steps),
    revocation: revocation ? { reason: revocation.reason ?? '', date: revocation.date ?? '', number: revocation.reference, issuer: revocation.issuer } : null,
    createdAt: v.row.createdAt.toISOString(),
    createdBy: created?.recordedBy ?? null,
  };
}
