import type { Db } from '../../db/client.ts';
import { appendEvents, bumpAssessment, lockOrCreateAssessment, type AssessmentHead, type NewEvent } from '../../db/repos/assessment-entries.ts';
import { isEditable, type AssessmentState } from '../../domain/assessments/workflow.ts';
import { DomainError } from '../../domain/errors.ts';
import type { SessionUser } from '../auth/policies.ts';
import { assessmentBody } from './body.ts';
import { resolveAssessment, type AssessmentKey, type Resolved } from './resolve.ts';

export type EntrySourceKind = 'screen' | 'import' | 'api' | 'dhis2';
/** Where a change came from, kept with every event: the entry screen, an imported file (its name), the API, DHIS2. */
export interface EntrySource {
  kind: EntrySourceKind;
  ref?: string | undefined;
}

export type Authorize = (unitId: number) => void;

/** Thrown inside a write transaction to roll it back; turned into the 409 with the current state afterwards. */
export class Stale extends Error {
  constructor(
    readonly kind: 'CONFLICT' | 'LOCKED',
    readonly status: string,
  ) {
    super(kind);
  }
}

export function checkHead(head: AssessmentHead, created: boolean, version: number | 'current'): void {
  if (!isEditable(head.status as AssessmentState)) throw new Stale('LOCKED', head.status);
  const expected = created ? 0 : head.version;
  if (version !== 'current' && version !== expected) throw new Stale('CONFLICT', head.status);
}

export async function refusal(db: Db, key: AssessmentKey, e: Stale, user: SessionUser): Promise<DomainError> {
  const current = await assessmentBody(db, await resolveAssessment(db, key), user);
  if (e.kind === 'LOCKED')
    return new DomainError('LOCKED', `Bản đánh giá đang ở trạng thái "${STATE_WORDS[e.status] ?? e.status}": không sửa được số liệu`, {
      status: e.status,
      current,
    });
  return new DomainError('CONFLICT', 'Bản đánh giá vừa được người khác thay đổi: xem số liệu hiện tại và chọn giữ bản nào cho từng mục', {
    current,
    version: current.version,
  });
}

const STATE_WORDS: Record<string, string> = {
  submitted: 'đã gửi, chờ thẩm định',
  reviewed: 'huyện đã thẩm định, chờ tỉnh phê duyệt',
  approved: 'đã phê duyệt (đã khoá)',
};

export interface WriteContext {
  tx: Db;
  assessmentId: number;
  resolved: Resolved;
  /** Records an event of this write (stored with the new version once `fn` returns). */
  event(e: NewEvent): void;
}

/**
 * The frame of every write to an assessment: resolves and authorizes it, locks its row (creating it at version 1),
 * checks that it is editable and that `version` is the stored one (409 LOCKED / CONFLICT with the current state),
 * runs `fn` in the same transaction, then raises the version once and stores the events `fn` recorded. Nothing is
 * written when `fn` records no event.
 */
export async function withAssessmentWrite<T>(
  db: Db,
  user: SessionUser,
  key: AssessmentKey,
  version: number,
  source: EntrySource,
  authorize: Authorize,
  fn: (w: WriteContext) => Promise<T>,
): Promise<{ result: T; version: number }> {
  const resolved = await resolveAssessment(db, key);
  authorize(resolved.unit.id);
  try {
    return await db.transaction(async (tx) => {
      const { head, created } = await lockOrCreateAssessment(tx, {
        unitId: resolved.unit.id,
        family: resolved.family,
        year: resolved.year,
        setId: resolved.set.id,
        userId: user.id,
      });
      checkHead(head, created, version);
      const events: NewEvent[] = [];
      const result = await fn({ tx, assessmentId: head.id, resolved: { ...resolved, row: head }, event: (e) => events.push(e) });
      if (events.length === 0) {
        if (created) throw new NothingToWrite(result);
        return { result, version: head.version };
      }
      const next = created ? head.version : await bumpAssessment(tx, head.id, user.id);
      await appendEvents(tx, head.id, user.id, next, source, events);
      return { result, version: next };
    });
  } catch (e) {
    if (e instanceof Stale) throw await refusal(db, key, e, user);
    if (e instanceof NothingToWrite) return { result: e.result as T, version: 0 };
    throw e;
  }
}

/** A first write that changes nothing creates no assessment (rolled back). */
class NothingToWrite extends Error {
  constructor(readonly result: unknown) {
    super('nothing to write');
  }
}

export function validationError(problems: { code: string; message: string; item?: number }[]): DomainError {
  const head = problems
    .slice(0, 3)
    .map((p) => p.message)
    .join('; ');
  return new DomainError('VALIDATION', `Số liệu không hợp lệ (${problems.length} lỗi): ${head}${problems.length > 3 ? '; …' : ''}`, { problems });
}
