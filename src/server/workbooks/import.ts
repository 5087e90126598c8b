import type { Db } from '../../db/client.ts';
import { unitHistory } from '../../db/repos/units.ts';
import { fieldIndex } from '../../domain/assessments/values.ts';
import { isEditable, STATE_LABELS, type AssessmentState } from '../../domain/assessments/workflow.ts';
import { DomainError } from '../../domain/errors.ts';
import { checkSheetRows, type SheetChanges, type SheetCounts } from '../../interchange/assessments/check.ts';
import { WORKBOOK_LIMITS } from '../../interchange/assessments/limits.ts';
import { readWorkbookInWorker } from '../../interchange/assessments/parse-pool.ts';
import { placeOf, type SheetProblem } from '../../interchange/assessments/problems.ts';
import type { SessionUser } from '../auth/policies.ts';
import { assessmentBody, resolveAssessment, saveMany, type AssessmentKey, type Resolved } from '../assessments/service.ts';
import type { ImportReport } from './schema.ts';
import { checkSheets, type IdentifiedSheet } from './sheets.ts';
import { storedOf } from './stored.ts';
import type { WorkbookUpload } from './upload.ts';

type Authorize = (unitId: number) => void;
export type Progress = (stage: 'reading' | 'checking' | 'saving', done?: number, total?: number) => void;

interface Checked {
  sheet: IdentifiedSheet;
  resolved: Resolved;
  key: AssessmentKey;
  changes: SheetChanges;
  counts: SheetCounts;
}

const ZERO: SheetCounts = { imported: 0, updated: 0, cleared: 0, unchanged: 0, notes: 0 };

/** The refusal of a whole upload, listing its problems (all of them, up to the report's limit). */
function refusal(file: string, problems: SheetProblem[]): DomainError {
  const scope = problems.filter((p) => p.kind === 'scope');
  const listed = (scope.length > 0 ? scope : problems).slice(0, WORKBOOK_LIMITS.reportedProblems);
  const details = { file, problems: listed.map(({ sheet, row, column, message }) => ({ sheet, row, column, message })), count: problems.length };
  const first = `${placeOf(listed[0]!)}: ${listed[0]!.message}`;
  const more = problems.length > 1 ? ` (và ${problems.length - 1} lỗi khác)` : '';
  if (scope.length > 0)
    return new DomainError('FORBIDDEN', `Phiếu "${file}" có trang tính của đơn vị ngoài phạm vi được giao: ${first}${more}; không có gì được lưu`, details);
  if (problems.every((p) => p.kind === 'conflict')) return new DomainError('CONFLICT', `Phiếu "${file}" đã cũ: ${first}${more}; không có gì được lưu`, details);
  return new DomainError('WORKBOOK_INVALID', `Phiếu "${file}" còn lỗi: ${first}${more}; không có gì được lưu`, details);
}

/** Checks one identified sheet against its stored assessment; problems go to `problems`. */
async function checkSheet(db: Db, user: SessionUser, s: IdentifiedSheet, authorize: Authorize, problems: SheetProblem[]): Promise<Checked | null> {
  const id = s.identity;
  const at = (message: string, kind?: SheetProblem['kind']) => problems.push({ sheet: s.name, row: null, column: null, message, ...(kind ? { kind } : {}) });
  const key: AssessmentKey = { unitCode: id.unitCode, family: id.family, year: id.year, ...(id.asOf ? { asOf: id.asOf } : {}) };
  let r: Resolved;
  try {
    r = await resolveAssessment(db, key);
    authorize(r.unit.id);
  } catch (e) {
    if (!(e instanceof DomainError)) throw e;
    at(e.message, e.code === 'FORBIDDEN' ? 'scope' : undefined);
    return null;
  }
  const version = r.row?.version ?? 0;
  const status = (r.row?.status ?? 'draft') as AssessmentState;
  if (r.set.id !== id.setId)
    at(`Phiếu lập theo phiên bản bộ tiêu chí ${id.setId}, bản đánh giá của ${r.unit.fullName} theo phiên bản ${r.set.id}: hãy tải phiếu mới`);
  else if (version !== id.version)
    at(
      `Bản đánh giá của ${r.unit.fullName} đã được lưu sau khi tải phiếu (phiếu: phiên bản ${id.version}, hiện nay: ${version}): hãy tải phiếu mới`,
      'conflict',
    );
  else if (!isEditable(status)) at(`Bản đánh giá của ${r.unit.fullName} đang ở trạng thái "${STATE_LABELS[status]}": không sửa được số liệu`, 'conflict');
  const body = await assessmentBody(db, r, user);
  const fields = fieldIndex(r.set);
  const out = checkSheetRows(s.name, s.rows, fields, storedOf(body, fields), r.set.id);
  problems.push(...out.problems);
  return { sheet: s, resolved: r, key, changes: out.changes, counts: out.counts };
}

/**
 * Someone saved one of the assessments between the checks and the transaction: saveMany refused the batch, listing
 * the items; the report names their sheets. A problem without a code is a stale or locked assessment.
 */
function raced(e: unknown, file: string, writes: Checked[]): unknown {
  const listed =
    e instanceof DomainError && e.code === 'VALIDATION' ? (e.details?.problems as { item?: number; code: string; message: string }[] | undefined) : undefined;
  if (!listed) return e;
  return refusal(
    file,
    listed.map((p) => ({
      sheet: p.item !== undefined ? (writes[p.item]?.sheet.name ?? null) : null,
      row: null,
      column: null,
      message: p.message,
      ...(p.code === '' ? { kind: 'conflict' as const } : {}),
    })),
  );
}

function hasChanges(c: SheetChanges): boolean {
  return Object.keys(c.values).length + Object.keys(c.criteria).length + Object.keys(c.notes).length > 0;
}

function sum(rows: SheetCounts[]): SheetCounts {
  return rows.reduce(
    (a, c) => ({
      imported: a.imported + c.imported,
      updated: a.updated + c.updated,
      cleared: a.cleared + c.cleared,
      unchanged: a.unchanged + c.unchanged,
      notes: a.notes + c.notes,
    }),
    ZERO,
  );
}

/**
 * Imports an uploaded workbook: read in a worker, every sheet checked (structure, scope, version, state, each value
 * through the shared rules), and only when nothing is wrong, every sheet stored in one transaction through
 * `saveMany`. A file with any problem stores nothing; the error lists every problem by sheet, row and column.
 */
export async function importWorkbook(
  db: Db,
  user: SessionUser,
  upload: WorkbookUpload,
  authorize: Authorize,
  progress: Progress = () => undefined,
): Promise<ImportReport> {
  progress('reading');
  const wb = await readWorkbookInWorker(upload.bytes, upload.file);
  const { sheets, problems } = checkSheets(wb, upload.expect);
  const checked: Checked[] = [];
  for (const [i, s] of sheets.entries()) {
    progress('checking', i, sheets.length);
    const c = await checkSheet(db, user, s, authorize, problems);
    if (c) checked.push(c);
  }
  if (problems.length > 0) throw refusal(upload.file, problems);
  if (checked.length === 0) throw refusal(upload.file, [{ sheet: null, row: null, column: null, message: 'Phiếu không có trang tính nào của đơn vị' }]);
  progress('saving', 0, checked.length);
  const writes = checked.filter((c) => hasChanges(c.changes));
  let saved: Awaited<ReturnType<typeof saveMany>>;
  try {
    saved = await saveMany(
      db,
      user,
      writes.map((c) => ({ key: c.key, version: c.sheet.identity.version, changes: c.changes })),
      { kind: 'import', ref: upload.file },
      authorize,
    );
  } catch (e) {
    throw raced(e, upload.file, writes);
  }
  const versions = new Map(writes.map((c, i) => [c, saved.items[i]!.version]));
  return {
    file: upload.file,
    sheets: checked.map((c) => ({
      sheet: c.sheet.name,
      unitCode: c.resolved.unit.code,
      unitName: c.resolved.unit.fullName,
      version: versions.get(c) ?? c.sheet.identity.version,
      counts: c.counts,
    })),
    totals: sum(checked.map((c) => c.counts)),
  };
}

/** The unit a streamed upload says it is for (checked before the stream starts); required for the stream. */
export async function scopeUnitId(db: Db, code: string | undefined): Promise<number> {
  if (!code) throw new DomainError('VALIDATION', 'Khi theo dõi tiến độ, hãy gửi mã đơn vị của phiếu ở trường "scope"', { field: 'scope' });
  const unit = (await unitHistory(db, code)).at(-1);
  if (!unit) throw new DomainError('UNIT_NOT_FOUND', `Không có đơn vị mã "${code}"`, { field: 'scope', code });
  return unit.id;
}
