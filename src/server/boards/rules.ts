/**
 * The rules of the status boards, pure: which deadline applies, whether a submission was on time, how complete an
 * assessment is, whether it changed since its last approval and which tabs a row belongs to.
 */
import { isDeepStrictEqual } from 'node:util';
import type { Role } from '../../domain/auth/roles.ts';
import { availableActions, type AssessmentState, type TransitionAction, type WorkflowUnit } from '../../domain/assessments/workflow.ts';
import type { InputValue } from '../../domain/evaluation/types.ts';
import type { BoardTab, Timeliness } from './schema.ts';

export interface Deadline {
  year: number;
  family: string | null;
  level: string | null;
  submitBy: string;
  reviewBy: string | null;
  approveBy: string | null;
}

/** The deadline that applies to one family and level: the most specific row (family and level, family, level, all). */
export function deadlineFor<D extends Deadline>(rows: readonly D[], family: string, level: string): D | null {
  const rank = (d: D) => (d.family === family ? 2 : d.family === null ? 0 : -10) + (d.level === level ? 1 : d.level === null ? 0 : -10);
  let best: D | null = null;
  for (const d of rows) if (rank(d) >= 0 && (!best || rank(d) > rank(best))) best = d;
  return best;
}

const SUBMITTED: readonly AssessmentState[] = ['submitted', 'reviewed', 'approved'];

/** The day (Vietnam time, UTC+7) of an instant. */
export function dayVn(at: string): string {
  return new Date(new Date(at).getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}

/**
 * Whether an assessment was submitted by its deadline. A returned assessment counts as not submitted: it has to be
 * sent again. The deadline day is included (Vietnam time).
 */
export function timeliness(status: AssessmentState, submittedAt: string | null, submitBy: string | null, today: string): Timeliness {
  if (!submitBy) return 'no-deadline';
  if (SUBMITTED.includes(status)) return submittedAt && dayVn(submittedAt) > submitBy ? 'late' : 'on-time';
  return today > submitBy ? 'overdue' : 'pending';
}

/** Codes with a value among the fields of the set. */
export function completeness(fieldCodes: readonly string[], values: Record<string, InputValue>): { filled: number; total: number } {
  return { filled: fieldCodes.filter((c) => values[c] !== undefined && values[c] !== null).length, total: fieldCodes.length };
}

/** Whether the current values differ from those last approved (false when never approved). */
export function changedSinceApproval(values: Record<string, InputValue>, approved: Record<string, InputValue> | null): boolean {
  if (!approved) return false;
  const present = (m: Record<string, InputValue>) => Object.fromEntries(Object.entries(m).filter(([, v]) => v !== null && v !== undefined));
  return !isDeepStrictEqual(present(values), present(approved));
}

export interface TabInput {
  status: AssessmentState;
  timeliness: Timeliness;
  changedSinceApproval: boolean;
  workflowUnit: WorkflowUnit;
}

/** What the caller could do on the row now, by the workflow (the server decides again on each request). */
export function actionsFor(row: TabInput, role: Role, exists: boolean): TransitionAction[] {
  return exists ? availableActions(row.status, row.workflowUnit, role) : [];
}

/** The tabs a row shows under, for one caller. */
export function tabsOf(row: TabInput, actions: readonly TransitionAction[]): BoardTab[] {
  const tabs: BoardTab[] = ['all'];
  if (!SUBMITTED.includes(row.status)) tabs.push('not-submitted');
  if (row.timeliness === 'overdue' || row.timeliness === 'late') tabs.push('late');
  if (actions.includes('review') || actions.includes('approve')) tabs.push('my-review');
  if (row.status === 'returned') tabs.push('returned');
  if (row.changedSinceApproval) tabs.push('changed');
  return tabs;
}
