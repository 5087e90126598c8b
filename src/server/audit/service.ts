import type { Db } from '../../db/client.ts';
import { unitAssessmentHistory } from '../../db/repos/audit.ts';
import { findUnitAsOf, type UnitWithParent } from '../../db/repos/units.ts';
import { DomainError } from '../../domain/errors.ts';
import { todayVn } from '../common.ts';
import type { HistoryItem, HistoryQuery } from './schema.ts';

/** The first instant of a day in Vietnam (UTC+7), as ISO. */
const startOfDayVn = (day: string) => `${day}T00:00:00+07:00`;

function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/**
 * Every recorded change of the unit's assessments (values, statuses, notes, evidence, transitions) and of its
 * recognition dossiers (opening, steps, decision, revocation), newest first, one page at a time. The unit is the one in force on `asOf` under that code. `authorize` checks scope.
 */
export async function unitHistory(
  db: Db,
  code: string,
  q: HistoryQuery,
  authorize: (unitId: number) => void,
): Promise<{ unit: UnitWithParent; total: number; items: HistoryItem[] }> {
  const asOf = q.asOf ?? todayVn();
  const unit = await findUnitAsOf(db, code, asOf);
  if (!unit) throw new DomainError('UNIT_NOT_IN_FORCE', `Không có đơn vị hành chính mã "${code}" vào ngày ${asOf}`, { code, asOf });
  authorize(unit.id);
  if (q.from && q.to && q.to < q.from)
    throw new DomainError('VALIDATION', `Khoảng ngày không hợp lệ: "đến ngày" (${q.to}) trước "từ ngày" (${q.from})`, { field: 'to' });
  const { total, rows } = await unitAssessmentHistory(db, {
    unitId: unit.id,
    from: q.from ? startOfDayVn(q.from) : undefined,
    before: q.to ? startOfDayVn(nextDay(q.to)) : undefined,
    family: q.family,
    year: q.year,
    code: q.field,
    limit: q.limit,
    offset: q.offset,
  });
  const items = rows.map((r) => ({
    id: r.id,
    at: r.at.toISOString(),
    user: r.username ? { username: r.username, fullName: r.fullName ?? r.username } : null,
    action: r.action,
    family: r.family,
    year: r.year,
    code: r.code,
    before: r.before,
    after: r.after,
    reason: r.reason,
    source: r.source,
    sourceRef: r.sourceRef,
    version: r.version,
    recognition:
      r.dossierId === null ? null : { dossierId: r.dossierId, tier: r.tier ?? '', date: r.stepDate, reference: r.reference, issuer: r.issuer, note: r.note },
  }));
  return { unit, total, items };
}
