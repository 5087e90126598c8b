/**
 * Approve, review or return many assessments at once. Each item is one call of the same transition the single
 * route makes (scope, role, state, version, reason, history), in its own transaction: one refusal does not stop or
 * undo the others, and the answer says what happened to each.
 */
import type { Db } from '../../db/client.ts';
import { DomainError } from '../../domain/errors.ts';
import type { SessionUser } from '../auth/policies.ts';
import { transition, type EntrySource } from '../assessments/service.ts';
import type { Authorize } from '../assessments/write.ts';
import { statusFor } from '../errors.ts';
import type { BulkBody, BulkResponse, BulkResult } from './schema.ts';

/** The single route's CONFLICT asks to merge fields; on a board the way out is to load it again. */
const STALE = 'Bản đánh giá đã thay đổi sau khi bảng được tải (phiên bản khác): hãy tải lại bảng rồi chọn lại';

export interface BulkLog {
  error(obj: object, msg: string): void;
}

export async function bulkTransition(
  db: Db,
  user: SessionUser,
  body: BulkBody,
  authorize: Authorize,
  source: EntrySource,
  log: BulkLog,
): Promise<BulkResponse> {
  const results: BulkResult[] = [];
  for (const item of body.items) {
    const head = { unit: item.unit, family: item.family, year: item.year };
    try {
      const done = await transition(
        db,
        user,
        { unitCode: item.unit, family: item.family, year: item.year },
        { action: body.action, reason: body.reason, version: item.version },
        authorize,
        source,
      );
      results.push({ ...head, ok: true, status: done.status, version: done.version, httpStatus: 200 });
    } catch (e) {
      if (e instanceof DomainError) {
        const message = e.code === 'CONFLICT' ? STALE : e.message;
        results.push({ ...head, ok: false, httpStatus: statusFor(e.code), error: { code: e.code, message } });
      } else {
        // Not this item's fault (the database, say): the item is reported and the others still go through.
        log.error({ err: e, item: head }, 'bulk transition item failed');
        results.push({ ...head, ok: false, httpStatus: 500, error: { code: 'INTERNAL', message: 'Lỗi máy chủ khi xử lý bản đánh giá này: hãy thử lại' } });
      }
    }
  }
  const succeeded = results.filter((r) => r.ok).length;
  return { action: body.action, succeeded, failed: results.length - succeeded, results };
}
