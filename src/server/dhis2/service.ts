import type { Db } from '../../db/client.ts';
import { replaceMappings, type MappableUnit, type StoredMapping } from '../../db/repos/dhis2.ts';
import { audit } from '../../db/repos/users.ts';
import { DomainError } from '../../domain/errors.ts';
import type { SessionUser } from '../auth/policies.ts';
import { getRegistry } from '../criteria/service.ts';
import { dataElementUniverse, loadMapping, type EffectiveMapping } from './mapping.ts';
import { DHIS2_UID_PATTERN, type MappingInput } from './schema.ts';

export interface MappingProblem {
  row: number;
  field: string;
  message: string;
}

interface Checked {
  stored: StoredMapping | null;
  key: string;
  label: string;
}

/** Which unit period an orgUnit row names: its id, or its code with a date inside the period. */
function unitOf(row: MappingInput, periods: MappableUnit[]): MappableUnit | string {
  if (row.unitId) {
    const u = periods.find((p) => p.id === row.unitId);
    return u ?? `không có đơn vị mã ${row.code} với unitId ${row.unitId}`;
  }
  const date = row.asOf ?? row.validFrom;
  if (!date) {
    if (periods.length === 1) return periods[0]!;
    const list = periods.map((p) => `${p.validFrom ?? '…'} – ${p.validTo ?? '…'} (unitId ${p.id})`).join('; ');
    return `mã đơn vị ${row.code} có ${periods.length} thời kỳ (${list}): ghi unitId hoặc asOf để chọn một`;
  }
  const hit = periods.find((p) => (p.validFrom === null || p.validFrom <= date) && (p.validTo === null || p.validTo >= date));
  return hit ?? `đơn vị mã ${row.code} không có hiệu lực vào ngày ${date}`;
}

function checkRow(
  row: MappingInput,
  current: EffectiveMapping,
  universe: Map<string, Map<string, string>>,
  periods: Map<string, MappableUnit[]>,
): Checked | { field: string; message: string } {
  if (!DHIS2_UID_PATTERN.test(row.uid))
    return { field: 'uid', message: `mã DHIS2 "${row.uid}" không đúng dạng (11 ký tự: một chữ cái rồi 10 chữ cái hoặc chữ số)` };
  if (row.kind === 'dataElement') {
    if (!row.family) return { field: 'family', message: `phần tử dữ liệu ${row.code} cần họ bộ tiêu chí (family)` };
    const codes = universe.get(row.family);
    if (!codes) return { field: 'family', message: `không có họ bộ tiêu chí "${row.family}"` };
    if (!codes.has(row.code)) return { field: 'code', message: `họ bộ tiêu chí ${row.family} không có chỉ tiêu hay tiêu chí nhập được mã "${row.code}"` };
    const now = current.dataElement(row.family, row.code);
    const stored =
      row.generated && now?.generated && now.uid === row.uid ? null : { kind: row.kind, uid: row.uid, family: row.family, code: row.code, unitId: null };
    return { stored, key: `de:${row.family}:${row.code}`, label: `phần tử dữ liệu ${row.family}/${row.code}` };
  }
  const unit = unitOf(row, periods.get(row.code) ?? []);
  if (typeof unit === 'string') return { field: row.unitId ? 'unitId' : 'code', message: periods.has(row.code) ? unit : `không có đơn vị mã "${row.code}"` };
  const now = current.orgUnit(unit.id);
  const stored = row.generated && now?.generated && now.uid === row.uid ? null : { kind: row.kind, uid: row.uid, family: null, code: null, unitId: unit.id };
  return { stored, key: `ou:${unit.id}`, label: `đơn vị ${unit.code} (${unit.validFrom ?? '…'} – ${unit.validTo ?? '…'})` };
}

/**
 * Replaces the stored mapping with `rows`, all or nothing: every problem is reported with its row (from 1), and
 * nothing is stored unless there is none. Rows marked `generated` that still carry the generated identifier are
 * not stored (they are what the system derives anyway), so a GET can be edited and sent back whole.
 */
export async function replaceMapping(db: Db, user: SessionUser, rows: MappingInput[]): Promise<EffectiveMapping> {
  const [current, registry] = await Promise.all([loadMapping(db), getRegistry(db)]);
  const universe = dataElementUniverse(registry);
  const periods = new Map<string, MappableUnit[]>();
  for (const u of current.units()) periods.set(u.code, [...(periods.get(u.code) ?? []), u]);
  const problems: MappingProblem[] = [];
  const uidRow = new Map<string, number>();
  const keyRow = new Map<string, number>();
  const stored: StoredMapping[] = [];
  rows.forEach((row, i) => {
    const n = i + 1;
    const c = checkRow(row, current, universe, periods);
    if (!('key' in c)) return problems.push({ row: n, ...c });
    const uidSeen = uidRow.get(row.uid);
    if (uidSeen) return problems.push({ row: n, field: 'uid', message: `mã DHIS2 ${row.uid} đã dùng ở dòng ${uidSeen}` });
    const keySeen = keyRow.get(c.key);
    if (keySeen) return problems.push({ row: n, field: 'code', message: `${c.label} đã có mã DHIS2 ở dòng ${keySeen}` });
    uidRow.set(row.uid, n);
    keyRow.set(c.key, n);
    if (c.stored) stored.push(c.stored);
  });
  if (problems.length > 0) {
    const first = problems[0]!;
    const more = problems.length > 1 ? ` (và ${problems.length - 1} lỗi khác)` : '';
    throw new DomainError('DHIS2_MAPPING_INVALID', `Dòng ${first.row}, trường ${first.field}: ${first.message}${more}; chưa lưu gì`, { problems });
  }
  await db.transaction(async (tx) => {
    await replaceMappings(tx, stored, user.id);
    await audit(tx, { userId: user.id, action: 'dhis2-mapping-replace', entity: 'dhis2_mappings', data: { rows: stored.length } });
  });
  return loadMapping(db);
}
