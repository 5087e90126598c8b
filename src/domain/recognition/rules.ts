/**
 * Rules of the recognition register: which step may be recorded next, what a dossier's status is on a date, which
 * tier a unit holds, and when that disagrees with the computed evaluation. Pure functions; `today` comes from the
 * caller.
 */
import type { Tier } from '../criteria/schema.ts';
import { DomainError } from '../errors.ts';
import { procedureSteps, stepLabel, type ProcedureKind, type RecognitionTier, type StepKind } from './steps.ts';

export interface RecordedStep {
  kind: StepKind;
  date: string;
}

export interface DossierFacts {
  procedure: ProcedureKind;
  /** The steps recorded so far (any order). */
  steps: RecordedStep[];
  unitName: string;
  /** The unit period the dossier is about: no step can be dated outside it. */
  unitValidFrom: string | null;
  unitValidTo: string | null;
}

export interface NewStep {
  kind: StepKind;
  date: string;
  reference?: string | null;
  issuer?: string | null;
  reason?: string | null;
}

export type DossierStatus = 'in-progress' | 'recognised' | 'revoked';
export const DOSSIER_STATUSES: readonly DossierStatus[] = ['in-progress', 'recognised', 'revoked'];

/** dd/MM/yyyy, for messages. */
export function viDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

/** The steps that may be recorded now: the first step of the procedure not recorded yet (none after revocation). */
export function nextSteps(d: Pick<DossierFacts, 'procedure' | 'steps'>): StepKind[] {
  const done = new Set(d.steps.map((s) => s.kind));
  const next = procedureSteps(d.procedure).find((s) => !done.has(s.kind));
  return next ? [next.kind] : [];
}

/** Refuses a step that the procedure does not allow now, with a Vietnamese message naming the step. */
export function checkStep(d: DossierFacts, step: NewStep, today: string): void {
  const order = procedureSteps(d.procedure);
  const index = order.findIndex((s) => s.kind === step.kind);
  const label = stepLabel(step.kind, d.procedure);
  if (index < 0) {
    const why =
      step.kind === 'district-appraisal'
        ? `${d.unitName} không thuộc huyện nào (cấp huyện chỉ có đến 30/06/2025), nên không có bước thẩm tra của UBND huyện`
        : `Bước "${label}" không có trong trình tự xét công nhận của ${d.unitName}`;
    throw new DomainError('STEP_NOT_IN_PROCEDURE', why, { kind: step.kind, procedure: d.procedure });
  }
  const done = new Map(d.steps.map((s) => [s.kind, s]));
  if (done.has(step.kind)) throw new DomainError('STEP_ALREADY_RECORDED', `Bước "${label}" đã được ghi trong hồ sơ này`, { kind: step.kind });
  const missing = order.slice(0, index).find((s) => !done.has(s.kind));
  if (missing)
    throw new DomainError('STEP_OUT_OF_ORDER', `Chưa ghi bước "${missing.label}" nên chưa thể ghi bước "${label}"`, { kind: step.kind, missing: missing.kind });
  checkDate(d, step, label, index > 0 ? done.get(order[index - 1]!.kind)! : null, today);
  if (step.kind === 'decision') {
    if (!step.reference?.trim()) throw new DomainError('VALIDATION', 'Quyết định công nhận cần có số quyết định', { field: 'reference' });
    if (!step.issuer?.trim()) throw new DomainError('VALIDATION', 'Quyết định công nhận cần có người (cơ quan) ký ban hành', { field: 'issuer' });
  }
  if (step.kind === 'revocation' && !step.reason?.trim()) throw new DomainError('REASON_REQUIRED', 'Thu hồi công nhận phải có lý do', { field: 'reason' });
}

function checkDate(d: DossierFacts, step: NewStep, label: string, previous: RecordedStep | null, today: string): void {
  const field = { field: 'date', kind: step.kind };
  if (step.date > today) throw new DomainError('STEP_DATE', `Ngày của bước "${label}" (${viDate(step.date)}) là ngày trong tương lai`, field);
  if (previous && step.date < previous.date)
    throw new DomainError(
      'STEP_DATE',
      `Ngày của bước "${label}" (${viDate(step.date)}) không được trước ngày của bước "${stepLabel(previous.kind, d.procedure)}" (${viDate(previous.date)})`,
      field,
    );
  if (d.unitValidTo && step.date > d.unitValidTo)
    throw new DomainError(
      'STEP_DATE',
      `${d.unitName} chỉ tồn tại đến ${viDate(d.unitValidTo)}; không thể ghi bước "${label}" ngày ${viDate(step.date)}`,
      field,
    );
  if (d.unitValidFrom && step.date < d.unitValidFrom)
    throw new DomainError(
      'STEP_DATE',
      `${d.unitName} được thành lập từ ${viDate(d.unitValidFrom)}; không thể ghi bước "${label}" ngày ${viDate(step.date)}`,
      field,
    );
}

/** A dossier's status on a date: recognised from the decision's date, revoked from the revocation's date. */
export function statusAsOf(steps: readonly RecordedStep[], asOf: string): DossierStatus {
  const at = (k: StepKind) => steps.find((s) => s.kind === k)?.date;
  const revoked = at('revocation');
  if (revoked && revoked <= asOf) return 'revoked';
  const decided = at('decision');
  return decided && decided <= asOf ? 'recognised' : 'in-progress';
}

/**
 * Order of tiers on one ladder (2021–2025: NTM < advanced < model; a city's "completed the task" is the NTM rung of
 * the district ladder; 2026–2030's "modern" sits above NTM). Comparing a tier of one period with one of another is
 * the caller's choice; no text that says how they compare has been read.
 */
export function tierRank(tier: Tier | RecognitionTier | null): number {
  switch (tier) {
    case null:
      return 0;
    case 'ntm':
    case 'hoan-thanh':
      return 1;
    case 'nang-cao':
    case 'hien-dai':
      return 2;
    case 'kieu-mau':
      return 3;
  }
}

/** Of a unit's dossiers, the one that holds on a date: recognised then, at the highest tier (null when none). */
export function recognisedAsOf<D extends { tier: RecognitionTier; steps: readonly RecordedStep[] }>(dossiers: readonly D[], asOf: string): D | null {
  let best: D | null = null;
  for (const d of dossiers) if (statusAsOf(d.steps, asOf) === 'recognised' && (!best || tierRank(d.tier) > tierRank(best.tier))) best = d;
  return best;
}

export type DisagreementKind = 'recognised-not-reached' | 'reached-not-recognised';

/**
 * How the recognised tier and the computed one disagree: recognised at a tier the computed evaluation no longer
 * reaches, or the evaluation reaching a tier no decision recognises. Null when they agree.
 */
export function disagreement(recognised: RecognitionTier | null, computed: Tier | null): DisagreementKind | null {
  const r = tierRank(recognised);
  const c = tierRank(computed);
  if (r > c) return 'recognised-not-reached';
  if (c > r) return 'reached-not-recognised';
  return null;
}
