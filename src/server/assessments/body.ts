import type { Db } from '../../db/client.ts';
import { entriesOf, eventsOf } from '../../db/repos/assessment-entries.ts';
import { evidenceByCode, type EvidenceRef } from '../../db/repos/evidence.ts';
import { availableActions, isEditable, TRANSITION_ACTIONS, type AssessmentState, type TransitionAction } from '../../domain/assessments/workflow.ts';
import { fieldIndex } from '../../domain/assessments/values.ts';
import type { SessionUser } from '../auth/policies.ts';
import { presentUnitDetail } from '../units/present.ts';
import { resolveAssessment, type AssessmentKey, type Resolved } from './resolve.ts';
import type { AssessmentBody } from './schema.ts';

type Authorize = (unitId: number) => void;

const TRANSITIONS: readonly string[] = TRANSITION_ACTIONS;

/** The contract's body of one assessment: its values, statuses, evidence, transitions and what the caller may do. */
export async function assessmentBody(db: Db, r: Resolved, user: SessionUser | null): Promise<AssessmentBody> {
  const row = r.row;
  const status = (row?.status ?? 'draft') as AssessmentState;
  const entries = row ? await entriesOf(db, row.id) : [];
  const evidence: Map<string, EvidenceRef[]> = row ? await evidenceByCode(db, row.id) : new Map<string, EvidenceRef[]>();
  const events = row ? await eventsOf(db, row.id, TRANSITIONS) : [];
  const fields = fieldIndex(r.set);
  const values: AssessmentBody['values'] = {};
  const criteria: AssessmentBody['criteria'] = {};
  for (const e of entries) {
    const common = { note: e.note, evidence: evidence.get(e.code) ?? [], updatedAt: e.recordedAt, updatedBy: e.recordedBy };
    if (fields.get(e.code)?.target === 'criterion') criteria[e.code] = { status: e.value, ...common };
    else values[e.code] = { value: e.value, ...common };
  }
  // Evidence can back a code that has no value yet.
  for (const [code, files] of evidence) {
    if (values[code] || criteria[code]) continue;
    const blank = { note: null, evidence: files, updatedAt: null, updatedBy: null };
    if (fields.get(code)?.target === 'criterion') criteria[code] = { status: null, ...blank };
    else values[code] = { value: null, ...blank };
  }
  const transitions = events.map((e) => ({
    action: e.action as TransitionAction,
    from: ((e.before as { status?: string } | null)?.status ?? 'draft') as AssessmentState,
    to: ((e.after as { status?: string } | null)?.status ?? status) as AssessmentState,
    at: e.at,
    user: e.user,
    userName: e.userName,
    reason: e.reason,
  }));
  const last = transitions.at(-1);
  return {
    unit: presentUnitDetail(r.unit),
    family: r.family,
    year: r.year,
    setId: r.set.id,
    status,
    version: row?.version ?? 0,
    values,
    criteria,
    transitions,
    editable: isEditable(status),
    actions: user ? availableActions(status, r.workflowUnit, user.role).filter((a) => a !== 'submit' || row !== null) : [],
    districtStep: r.workflowUnit.underDistrict,
    returnReason: last && (last.action === 'return' || last.action === 'reopen') && isEditable(status) ? last.reason : null,
    submittedAt: transitions.findLast((t) => t.action === 'submit')?.at ?? null,
    approvedAt: transitions.findLast((t) => t.action === 'approve')?.at ?? null,
    updatedAt: row?.updatedAt ?? null,
  };
}

/** GET /api/assessments/:unitCode/:family/:year. A unit without an assessment yet is a draft at version 0. */
export async function getAssessment(db: Db, key: AssessmentKey, authorize: Authorize, user: SessionUser | null = null): Promise<AssessmentBody> {
  const r = await resolveAssessment(db, key);
  authorize(r.unit.id);
  return assessmentBody(db, r, user);
}
