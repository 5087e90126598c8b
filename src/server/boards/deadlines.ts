import { isUniqueViolation, type Db } from '../../db/client.ts';
import { listDeadlines, replaceDeadlines, type DeadlineRow } from '../../db/repos/boards.ts';
import { audit } from '../../db/repos/users.ts';
import { DomainError } from '../../domain/errors.ts';
import { getRegistry } from '../criteria/service.ts';
import type { SessionUser } from '../auth/policies.ts';
import type { DeadlinesBody } from './schema.ts';

export type { DeadlineRow };

export function getDeadlines(db: Db, year?: number): Promise<DeadlineRow[]> {
  return listDeadlines(db, year);
}

type Input = DeadlinesBody['deadlines'][number];

/** Every problem of a year's deadlines, each naming its row (1-based) and field; nothing is stored if any. */
function problemsOf(year: number, rows: Input[], families: Set<string>): { row: number; field: string; message: string }[] {
  const out: { row: number; field: string; message: string }[] = [];
  const seen = new Map<string, number>();
  rows.forEach((r, i) => {
    const row = i + 1;
    const scope = `${r.family ?? '*'}|${r.level ?? '*'}`;
    if (seen.has(scope)) out.push({ row, field: 'family', message: `Dòng ${row}: trùng phạm vi (bộ tiêu chí, cấp) với dòng ${seen.get(scope)}` });
    else seen.set(scope, row);
    if (r.family && !families.has(r.family)) out.push({ row, field: 'family', message: `Dòng ${row}: không có bộ tiêu chí "${r.family}"` });
    const y = Number(r.submitBy.slice(0, 4));
    if (y < year || y > year + 1) out.push({ row, field: 'submitBy', message: `Dòng ${row}: hạn gửi ${r.submitBy} không thuộc năm ${year} hoặc năm sau` });
    if (r.reviewBy && r.reviewBy < r.submitBy) out.push({ row, field: 'reviewBy', message: `Dòng ${row}: hạn thẩm định phải từ hạn gửi trở đi` });
    if (r.approveBy && r.approveBy < (r.reviewBy ?? r.submitBy))
      out.push({ row, field: 'approveBy', message: `Dòng ${row}: hạn phê duyệt phải từ hạn ${r.reviewBy ? 'thẩm định' : 'gửi'} trở đi` });
  });
  return out;
}

/** Replaces the deadlines of a year (an empty list removes them), recorded in the audit log with before and after. */
export async function setDeadlines(db: Db, user: SessionUser, year: number, rows: Input[]): Promise<DeadlineRow[]> {
  const families = new Set((await getRegistry(db)).all().map((s) => s.family));
  const problems = problemsOf(year, rows, families);
  if (problems.length > 0)
    throw new DomainError('VALIDATION', problems.map((p) => p.message).join('; '), {
      problems,
      field: `deadlines.${problems[0]!.row - 1}.${problems[0]!.field}`,
    });
  const clean = rows.map((r) => ({
    family: r.family ?? null,
    level: r.level ?? null,
    submitBy: r.submitBy,
    reviewBy: r.reviewBy ?? null,
    approveBy: r.approveBy ?? null,
    note: r.note?.trim() || null,
  }));
  await db
    .transaction(async (tx) => {
      const before = await listDeadlines(tx, year);
      await replaceDeadlines(tx, year, clean, user.id);
      await audit(tx, {
        userId: user.id,
        action: 'deadline:set',
        entity: 'deadlines',
        entityId: String(year),
        data: { before: before.map(({ setAt: _a, setBy: _b, ...d }) => d), after: clean },
      });
    })
    .catch((e: unknown) => {
      // Two saves of the same year at once: the second finds the first's rows; it may simply be sent again.
      if (isUniqueViolation(e)) throw new DomainError('CONFLICT', `Hạn của năm ${year} vừa được người khác lưu cùng lúc: hãy tải lại rồi lưu lại`, { year });
      throw e;
    });
  return listDeadlines(db, year);
}
