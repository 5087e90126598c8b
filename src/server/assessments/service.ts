import type { Db } from '../../db/client.ts';
import {
  appendEvents,
  appendEventsMany,
  bumpAssessment,
  bumpAssessments,
  entriesOf,
  entriesOfMany,
  eventsOf,
  lockAssessment,
  lockOrCreateAssessment,
  upsertEntries,
  upsertEntriesMany,
} from '../../db/repos/assessment-entries.ts';
import { NEEDS_REASON, nextState, type AssessmentState, type TransitionAction } from '../../domain/assessments/workflow.ts';
import { DomainError } from '../../domain/errors.ts';
import type { SessionUser } from '../auth/policies.ts';
import { planChanges, type AssessmentChanges, type ChangeCounts } from './changes.ts';
import { resolveAssessment, type AssessmentKey, type Resolved } from './resolve.ts';
import type { historyEntry } from './schema.ts';
import { checkHead, refusal, Stale, validationError, withAssessmentWrite, type Authorize, type EntrySource } from './write.ts';
import type { z } from 'zod';

export { resolveAssessment, type AssessmentKey, type Resolved } from './resolve.ts';
export { getAssessment, assessmentBody } from './body.ts';
export { withAssessmentWrite, type EntrySource, type EntrySourceKind, type WriteContext } from './write.ts';
export type { AssessmentChanges, ChangeCounts } from './changes.ts';

/** PUT: one write of values, statuses and notes, based on `body.version`. */
export async function saveAssessment(
  db: Db,
  user: SessionUser,
  key: AssessmentKey,
  body: { version: number } & AssessmentChanges,
  source: EntrySource,
  authorize: Authorize,
): Promise<{ version: number; status: AssessmentState; changed: number }> {
  const out = await withAssessmentWrite(db, user, key, body.version, source, authorize, async (w) => {
    const plan = planChanges(w.resolved.set, await entriesOf(w.tx, w.assessmentId), body);
    if (plan.problems.length > 0) throw validationError(plan.problems);
    await upsertEntries(w.tx, w.assessmentId, user.id, plan.rows);
    for (const e of plan.events) w.event(e);
    return { changed: plan.events.length, status: (w.resolved.row?.status ?? 'draft') as AssessmentState };
  });
  return { version: out.version, status: out.result.status, changed: out.result.changed };
}

export interface ManyItem {
  key: AssessmentKey;
  /** The version the change is based on; 'current' writes on whatever is stored (DHIS2 sends no version). */
  version: number | 'current';
  changes: AssessmentChanges;
}

export interface ManyResult {
  items: { key: AssessmentKey; version: number; counts: ChangeCounts }[];
}

/**
 * Many assessments in one transaction, all or nothing (workbook and DHIS2 imports): every item is resolved,
 * authorized and checked first; any problem in any item (a value, a locked or stale assessment) refuses the
 * whole batch with every problem listed (400 VALIDATION, `details.problems[{item, code, message}]`).
 */
export async function saveMany(db: Db, user: SessionUser, items: ManyItem[], source: EntrySource, authorize: Authorize): Promise<ManyResult> {
  const resolved: Resolved[] = [];
  for (const it of items) {
    const r = await resolveAssessment(db, it.key);
    authorize(r.unit.id);
    resolved.push(r);
  }
  return db.transaction(async (tx) => {
    const problems: { item: number; code: string; message: string }[] = [];
    const heads = [];
    for (const [i, it] of items.entries()) {
      const r = resolved[i]!;
      const { head, created } = await lockOrCreateAssessment(tx, { unitId: r.unit.id, family: r.family, year: r.year, setId: r.set.id, userId: user.id });
      try {
        checkHead(head, created, it.version);
      } catch (e) {
        if (!(e instanceof Stale)) throw e;
        problems.push({ item: i, code: '', message: staleMessage(r, e) });
        continue;
      }
      heads.push({ i, head, created });
    }
    // One read of the stored values for the whole batch, then one statement per table for all its writes.
    const stored = await entriesOfMany(
      tx,
      heads.map((h) => h.head.id),
    );
    const planned = heads.map((h) => {
      const r = resolved[h.i]!;
      const plan = planChanges(r.set, stored.get(h.head.id) ?? [], items[h.i]!.changes);
      for (const p of plan.problems) problems.push({ item: h.i, code: p.code, message: `${r.unit.fullName}: ${p.message}` });
      return { ...h, plan };
    });
    if (problems.length > 0) throw validationError(problems);
    const written = planned.filter((p) => p.plan.events.length > 0);
    await upsertEntriesMany(
      tx,
      user.id,
      written.flatMap(({ head, plan }) => plan.rows.map((row) => ({ assessmentId: head.id, ...row }))),
    );
    const bumped = await bumpAssessments(
      tx,
      written.filter((p) => !p.created).map((p) => p.head.id),
      user.id,
    );
    const versionOf = (p: (typeof planned)[number]) => (p.plan.events.length > 0 && !p.created ? bumped.get(p.head.id)! : p.head.version);
    await appendEventsMany(
      tx,
      user.id,
      source,
      written.flatMap((p) => p.plan.events.map((e) => ({ ...e, assessmentId: p.head.id, version: versionOf(p) }))),
    );
    return { items: planned.map((p) => ({ key: items[p.i]!.key, version: versionOf(p), counts: p.plan.counts })) };
  });
}

function staleMessage(r: Resolved, e: Stale): string {
  return e.kind === 'LOCKED'
    ? `${r.unit.fullName} năm ${r.year}: bản đánh giá đang ở trạng thái "${e.status}", không sửa được số liệu`
    : `${r.unit.fullName} năm ${r.year}: bản đánh giá đã được thay đổi sau khi tệp được tải về; hãy tải tệp mới`;
}

/** POST .../transitions: one step of the workflow, based on `body.version`, recorded with who, when and why. */
export async function transition(
  db: Db,
  user: SessionUser,
  key: AssessmentKey,
  body: { action: TransitionAction; reason?: string | undefined; version: number },
  authorize: Authorize,
  source: EntrySource = { kind: 'api' },
): Promise<{ status: AssessmentState; version: number }> {
  const r = await resolveAssessment(db, key);
  authorize(r.unit.id);
  const reason = body.reason?.trim() || null;
  if (NEEDS_REASON.includes(body.action) && !reason)
    throw new DomainError('REASON_REQUIRED', body.action === 'return' ? 'Cần ghi lý do trả lại' : 'Cần ghi lý do mở lại', {
      field: 'reason',
      action: body.action,
    });
  try {
    return await db.transaction(async (tx) => {
      const head = await lockAssessment(tx, r.unit.id, r.family, r.year);
      if (!head)
        throw new DomainError('INVALID_TRANSITION', 'Chưa có số liệu nào được lưu cho bản đánh giá này: hãy nhập và lưu trước khi gửi', {
          status: 'draft',
          version: 0,
        });
      if (head.version !== body.version) throw new Stale('CONFLICT', head.status);
      const from = head.status as AssessmentState;
      const step = nextState(body.action, from, r.workflowUnit, user.role, reason);
      if ('kind' in step) throw refusalOf(step.kind, step.message, from, body.action);
      const version = await bumpAssessment(tx, head.id, user.id, {
        status: step.to,
        ...(body.action === 'submit' ? { submittedAt: true as const } : {}),
        ...(body.action === 'approve' ? { approved: true as const } : {}),
      });
      await appendEvents(tx, head.id, user.id, version, source, [{ action: body.action, before: { status: from }, after: { status: step.to }, reason }]);
      return { status: step.to, version };
    });
  } catch (e) {
    if (e instanceof Stale) throw await refusal(db, key, e, user);
    throw e;
  }
}

function refusalOf(kind: 'role' | 'state' | 'reason', message: string, from: AssessmentState, action: TransitionAction): DomainError {
  const details = { status: from, action };
  if (kind === 'role') return new DomainError('FORBIDDEN', message, details);
  if (kind === 'reason') return new DomainError('REASON_REQUIRED', message, { ...details, field: 'reason' });
  return new DomainError('INVALID_TRANSITION', message, details);
}

export type HistoryEntry = z.infer<typeof historyEntry>;

/** GET .../history: every recorded change of the assessment, oldest first. */
export async function history(db: Db, key: AssessmentKey, authorize: Authorize): Promise<HistoryEntry[]> {
  const r = await resolveAssessment(db, key);
  authorize(r.unit.id);
  if (!r.row) return [];
  return (await eventsOf(db, r.row.id)).map((e) => ({
    at: e.at,
    user: e.user,
    userName: e.userName,
    action: e.action,
    ...(e.code !== null ? { code: e.code } : {}),
    before: e.before,
    after: e.after,
    ...(e.reason !== null ? { reason: e.reason } : {}),
    source: e.source,
    ...(e.sourceRef !== null ? { sourceRef: e.sourceRef } : {}),
    version: e.version,
  }));
}
