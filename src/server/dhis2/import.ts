import crypto from 'node:crypto';
import type { Db } from '../../db/client.ts';
import { currentValues } from '../../db/repos/dhis2.ts';
import { checkValue, fieldIndex, parseValueText, type EntryField } from '../../domain/assessments/values.ts';
import { isEditable, STATE_LABELS, type AssessmentState } from '../../domain/assessments/workflow.ts';
import { DomainError } from '../../domain/errors.ts';
import type { InputValue } from '../../domain/evaluation/types.ts';
import type { SessionUser } from '../auth/policies.ts';
import { resolveAssessment, saveMany, type AssessmentChanges, type AssessmentKey } from '../assessments/service.ts';
import { yearOfPeriod } from './export.ts';
import { loadMapping, type EffectiveMapping } from './mapping.ts';
import { planValue, type Current, type Outcome } from './plan.ts';
import type { DataValueSetBody, ImportConflict, ImportCount, ImportStrategy, ImportSummary } from './schema.ts';
import type { MappableUnit } from '../../db/repos/dhis2.ts';

export interface ImportOptions {
  dryRun: boolean;
  strategy: ImportStrategy;
  /** ALL: any conflict stores nothing (the default); NONE: values without a conflict are stored. */
  atomic: 'ALL' | 'NONE';
}

interface Located {
  index: number;
  unit: MappableUnit;
  family: string;
  year: number;
  code: string;
  text: string;
  comment: string | null | undefined;
}

/** One assessment touched by the import and the values for it. */
interface Group {
  key: AssessmentKey;
  unit: MappableUnit;
  family: string;
  year: number;
  rows: Located[];
}

class Conflicts {
  readonly list: ImportConflict[] = [];
  readonly indexes = new Set<number>();
  add(object: string, value: string, errorCode: string, indexes: number[]): void {
    for (const i of indexes) this.indexes.add(i);
    const same = this.list.find((c) => c.object === object && c.value === value);
    if (same) same.indexes.push(...indexes);
    else this.list.push({ object, value, errorCode, indexes: [...indexes] });
  }
}

const asText = (v: string | number | boolean | null | undefined): string => (v === null || v === undefined ? '' : String(v));

/** Finds what each data value is about (data element, unit period, year); what cannot be found is a conflict. */
function locate(body: DataValueSetBody, mapping: EffectiveMapping, conflicts: Conflicts): Located[] {
  const out: Located[] = [];
  body.dataValues.forEach((dv, index) => {
    const deUid = dv.dataElement ?? '';
    const ouUid = dv.orgUnit ?? body.orgUnit ?? '';
    const period = asText(dv.period ?? body.period);
    const de = mapping.byUid.get(deUid);
    if (de?.kind !== 'dataElement')
      return conflicts.add(deUid || '(trống)', `Không có phần tử dữ liệu (dataElement) mã "${deUid}" trong bảng ánh xạ`, 'E7610', [index]);
    const ou = mapping.byUid.get(ouUid);
    if (ou?.kind !== 'orgUnit') return conflicts.add(ouUid || '(trống)', `Không có đơn vị (orgUnit) mã "${ouUid}" trong bảng ánh xạ`, 'E7612', [index]);
    const year = yearOfPeriod(period);
    if (year === null)
      return conflicts.add(period || '(trống)', `Kỳ "${period}" không hợp lệ: Chung Sức đánh giá theo năm, kỳ phải có dạng yyyy`, 'E7611', [index]);
    if (body.dataSet && body.dataSet !== de.family)
      return conflicts.add(deUid, `Phần tử dữ liệu ${deUid} (${de.code}) thuộc họ ${de.family}, không thuộc dataSet ${body.dataSet}`, 'E7605', [index]);
    out.push({ index, unit: ou.unit, family: de.family, year, code: de.code, text: asText(dv.value), comment: dv.comment });
  });
  return out;
}

/** A date inside both the unit's period and the year, so the assessment key names this unit period. */
function asOfFor(unit: MappableUnit, year: number): string | null {
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  const from = unit.validFrom && unit.validFrom > start ? unit.validFrom : start;
  const to = unit.validTo && unit.validTo < end ? unit.validTo : end;
  return from <= to ? from : null;
}

function groupOf(rows: Located[], conflicts: Conflicts, ouUid: (u: MappableUnit) => string): Group[] {
  const groups = new Map<string, Group>();
  for (const r of rows) {
    const asOf = asOfFor(r.unit, r.year);
    if (!asOf) {
      conflicts.add(ouUid(r.unit), `Đơn vị ${r.unit.fullName} (${r.unit.code}) không có hiệu lực trong năm ${r.year}`, 'E7613', [r.index]);
      continue;
    }
    const k = `${r.unit.id}|${r.family}|${r.year}`;
    const g = groups.get(k) ?? { key: { unitCode: r.unit.code, family: r.family, year: r.year, asOf }, unit: r.unit, family: r.family, year: r.year, rows: [] };
    g.rows.push(r);
    groups.set(k, g);
  }
  return [...groups.values()];
}

interface Planned {
  group: Group;
  changes: AssessmentChanges;
  outcomes: { index: number; outcome: Outcome }[];
}

/** Checks one assessment's values with the shared rules (state, set version, value) and plans its changes. */
async function planGroup(
  db: Db,
  g: Group,
  strategy: ImportStrategy,
  conflicts: Conflicts,
  ouUid: string,
  deUid: (code: string) => string,
): Promise<Planned | null> {
  const indexes = g.rows.map((r) => r.index);
  let resolved: Awaited<ReturnType<typeof resolveAssessment>>;
  try {
    resolved = await resolveAssessment(db, g.key);
  } catch (e) {
    if (e instanceof DomainError) {
      conflicts.add(ouUid, `${g.unit.fullName}, ${g.family}, ${g.year}: ${e.message}`, e.code, indexes);
      return null;
    }
    throw e;
  }
  const status = (resolved.row?.status ?? 'draft') as AssessmentState;
  if (!isEditable(status)) {
    conflicts.add(
      ouUid,
      `Bản đánh giá ${g.family} năm ${g.year} của ${g.unit.fullName} đang ở trạng thái "${STATE_LABELS[status]}": không sửa được`,
      'LOCKED',
      indexes,
    );
    return null;
  }
  const fields = fieldIndex(resolved.set);
  const stored = new Map<string, Current>();
  if (resolved.row) for (const v of await currentValues(db, [resolved.row.id])) stored.set(v.code, { value: v.value as InputValue, note: v.note });
  const planned: Planned = { group: g, changes: {}, outcomes: [] };
  const seen = new Set<string>();
  for (const r of g.rows) {
    const field: EntryField | undefined = fields.get(r.code);
    if (!field) {
      conflicts.add(deUid(r.code), `Mã ${r.code} không nhập được trong phiên bản ${resolved.set.id} mà bản đánh giá năm ${g.year} dùng`, 'E7617', [r.index]);
      continue;
    }
    if (seen.has(r.code)) {
      conflicts.add(deUid(r.code), `Giá trị của ${r.code} cho ${g.unit.fullName} năm ${g.year} được gửi hai lần`, 'E7619', [r.index]);
      continue;
    }
    seen.add(r.code);
    const parsed = strategy === 'DELETE' ? { value: null } : parseValueText(field, r.text);
    if ('problem' in parsed) {
      conflicts.add(r.text || '(trống)', `${field.code} ${field.name} (${g.unit.fullName}, ${g.year}): ${parsed.problem}`, 'E7619', [r.index]);
      continue;
    }
    const plan = planValue(strategy, normalised(field, stored.get(r.code)), parsed.value, r.comment);
    planned.outcomes.push({ index: r.index, outcome: plan.outcome });
    if (plan.value !== undefined) {
      if (field.target === 'criterion') (planned.changes.criteria ??= {})[r.code] = plan.value;
      else (planned.changes.values ??= {})[r.code] = plan.value;
    }
    if (plan.note !== undefined) (planned.changes.notes ??= {})[r.code] = plan.note;
  }
  return planned;
}

/** A stored value as the rules read it now (a status stored as true/false reads as met/not-met), for comparing. */
function normalised(field: EntryField, current: Current | undefined): Current | undefined {
  if (!current || current.value === null) return current;
  const checked = checkValue(field, current.value);
  return 'value' in checked ? { ...current, value: checked.value } : current;
}

function countOf(plans: Planned[], total: number, written: boolean): ImportCount {
  const c: ImportCount = { imported: 0, updated: 0, ignored: 0, deleted: 0 };
  if (!written) return { ...c, ignored: total };
  for (const p of plans) for (const o of p.outcomes) c[o.outcome]++;
  c.ignored = total - c.imported - c.updated - c.deleted;
  return c;
}

const hasChanges = (c: AssessmentChanges) => Object.keys(c.values ?? {}).length + Object.keys(c.criteria ?? {}).length + Object.keys(c.notes ?? {}).length > 0;

/**
 * Imports DHIS2 data values through the same rules as every other entry: the mapping finds the unit period, set
 * family and code; scope, the assessment's state (a submitted or approved assessment is locked) and each value
 * (read by `parseValueText`) are checked; what breaks a rule is a conflict naming it. With atomicMode ALL (the
 * default) any conflict stores nothing; with NONE the other values are stored. Everything written goes through
 * `saveMany` in one transaction, recorded with source `dhis2` and the import's reference.
 */
export async function importDataValues(
  db: Db,
  user: SessionUser,
  body: DataValueSetBody,
  opts: ImportOptions,
  scope: { visible: (unitIds: number[]) => Set<number>; authorize: (unitId: number) => void },
): Promise<ImportSummary> {
  const mapping = await loadMapping(db);
  const conflicts = new Conflicts();
  const ouUid = (u: MappableUnit) => mapping.orgUnit(u.id)?.uid ?? u.code;
  const located = locate(body, mapping, conflicts);
  const visible = scope.visible([...new Set(located.map((r) => r.unit.id))]);
  const inScope = located.filter((r) => {
    if (visible.has(r.unit.id)) return true;
    conflicts.add(ouUid(r.unit), `Đơn vị ${r.unit.fullName} (${r.unit.code}) nằm ngoài phạm vi được giao cho tài khoản`, 'E7616', [r.index]);
    return false;
  });
  const plans: Planned[] = [];
  for (const g of groupOf(inScope, conflicts, ouUid)) {
    const p = await planGroup(db, g, opts.strategy, conflicts, ouUid(g.unit), (code) => mapping.dataElement(g.family, code)?.uid ?? code);
    if (p) plans.push(p);
  }
  const total = body.dataValues.length;
  const refused = conflicts.list.length > 0 && opts.atomic === 'ALL';
  const toWrite = refused ? [] : plans.filter((p) => hasChanges(p.changes));
  let reference: string | null = null;
  if (!opts.dryRun && toWrite.length > 0) {
    reference = `dhis2-${new Date().toISOString().slice(0, 10)}-${crypto.randomBytes(4).toString('hex')}`;
    await saveMany(
      db,
      user,
      toWrite.map((p) => ({ key: p.group.key, version: 'current' as const, changes: p.changes })),
      { kind: 'dhis2', ref: reference },
      scope.authorize,
    );
  }
  const importCount = countOf(plans, total, !refused);
  return summary(opts, importCount, conflicts.list, reference, refused);
}

function summary(opts: ImportOptions, importCount: ImportCount, conflicts: ImportConflict[], reference: string | null, refused: boolean): ImportSummary {
  const status = refused ? 'ERROR' : conflicts.length > 0 ? 'WARNING' : 'SUCCESS';
  const counts = `${importCount.imported} mới, ${importCount.updated} cập nhật, ${importCount.deleted} xoá, ${importCount.ignored} bỏ qua`;
  const description = refused
    ? `Không lưu gì: ${conflicts.length} xung đột (atomicMode=ALL: một xung đột thì cả lần nhập bị từ chối)`
    : `${opts.dryRun ? 'Chạy thử, không lưu gì' : 'Đã nhập'}: ${counts}${conflicts.length > 0 ? `; ${conflicts.length} xung đột không được lưu` : ''}`;
  return {
    responseType: 'ImportSummary',
    status,
    description,
    importOptions: { dryRun: opts.dryRun, importStrategy: opts.strategy, atomicMode: opts.atomic },
    importCount,
    conflicts,
    reference,
    dataSetComplete: 'false',
  };
}
