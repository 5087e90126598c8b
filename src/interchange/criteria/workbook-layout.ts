import { REGIONS, type CommuneGroup, type RegionCode, type RuleKind, type Tier, type UnitLevel } from '../../domain/criteria/schema.ts';

/**
 * The vocabulary of a criteria-set workbook, shared by the reader and the writer: sheet names, the keys of the
 * "Thông tin" sheet, the headers of the "Chỉ tiêu" sheet and the words officers write in cells. Matching is
 * done on `fold`ed text (no diacritics, lower case, single spaces), so "Nhom 1", "NHÓM 1" and "nhóm  1" agree.
 */
export const SHEET_INFO = 'Thông tin';
export const SHEET_TABLE = 'Chỉ tiêu';
export const SHEET_GUIDE = 'Hướng dẫn';

export function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** Keys of the "Thông tin" sheet (column A), in the order the writer lays them out. */
export const INFO_KEYS = {
  id: 'Mã bộ',
  family: 'Nhóm bộ',
  name: 'Tên',
  decision: 'Quyết định',
  legalSource: 'Căn cứ pháp lý',
  amends: 'Sửa đổi',
  effectiveFrom: 'Hiệu lực từ',
  effectiveTo: 'Hiệu lực đến',
  period: 'Giai đoạn',
  unitLevel: 'Cấp đơn vị',
  unitTypes: 'Loại đơn vị',
  dimension: 'Phân ngưỡng theo',
  tier: 'Mức',
  requiresTier: 'Yêu cầu mức',
  allowsBasicallyMet: 'Cho phép cơ bản đạt',
  indicatorsPending: 'Chưa nạp đủ bảng chỉ tiêu',
  declaredIndicatorCount: 'Số chỉ tiêu theo văn bản',
  carriedNote: 'Giá trị chép từ văn bản trước',
  sample: 'Dữ liệu mẫu',
  note: 'Ghi chú',
} as const;
export type InfoKey = keyof typeof INFO_KEYS;
export const REQUIRED_INFO: readonly InfoKey[] = [
  'id',
  'family',
  'name',
  'decision',
  'legalSource',
  'effectiveFrom',
  'period',
  'unitLevel',
  'dimension',
  'tier',
];

/** Headers of the "Chỉ tiêu" sheet other than the threshold columns. The first block follows the annex table. */
export const COLUMNS = {
  criterionCode: 'Mã tiêu chí',
  criterionName: 'Tên tiêu chí',
  code: 'Mã chỉ tiêu',
  name: 'Tên chỉ tiêu',
  unit: 'Đơn vị tính',
  kind: 'Loại',
  year: 'Năm',
  confirmed: 'Đã xác nhận',
  source: 'Nguồn',
  note: 'Ghi chú',
  // Optional columns for what an annex table does not show; the writer adds them so that sets round-trip.
  criterionGroup: 'Nhóm tiêu chí',
  nameEn: 'Tên tiếng Anh',
  nameConfirmed: 'Tên đã xác nhận',
  indicatorsIncomplete: 'Chưa đủ chỉ tiêu',
  basicallyMet: 'Cơ bản đạt',
  refFamily: 'Bộ tham chiếu',
  refIndicator: 'Chỉ tiêu tham chiếu',
  factor: 'Hệ số',
  deriveFamily: 'Tính từ cấp dưới theo bộ',
  deriveChildTypes: 'Loại đơn vị cấp dưới',
  indicatorSource: 'Nguồn chỉ tiêu',
  indicatorNote: 'Ghi chú chỉ tiêu',
} as const;
export type ColumnKey = keyof typeof COLUMNS;
export const REQUIRED_COLUMNS: readonly ColumnKey[] = ['criterionCode', 'criterionName', 'code', 'name', 'kind'];
export const ANNEX_BEFORE: readonly ColumnKey[] = ['criterionCode', 'criterionName', 'code', 'name', 'unit', 'kind', 'year'];
export const ANNEX_AFTER: readonly ColumnKey[] = ['confirmed', 'source', 'note'];
export const EXTRA_COLUMNS: readonly ColumnKey[] = [
  'criterionGroup',
  'nameEn',
  'nameConfirmed',
  'indicatorsIncomplete',
  'basicallyMet',
  'refFamily',
  'refIndicator',
  'factor',
  'deriveFamily',
  'deriveChildTypes',
  'indicatorSource',
  'indicatorNote',
];
/** Headers accepted and ignored (row numbers officers keep from the annex). */
export const IGNORED_HEADERS = new Set(['stt', 'tt', 'so tt']);

/** A threshold column: one region, one commune group, or the common value (no selector). */
export type ThresholdColumn = { region: RegionCode } | { group: CommuneGroup } | { common: true };
export const COMMON_HEADER = 'Ngưỡng';
export const COMMON_HEADER_SHARED = 'Ngưỡng chung';
export const GROUPS: readonly CommuneGroup[] = ['1', '2', '3'];

export function regionHeader(code: RegionCode): string {
  return `${REGIONS[code]} (${code})`;
}
export function groupHeader(g: CommuneGroup): string {
  return `Nhóm ${g}`;
}

/** Recognises a threshold header: a region code or name (or "Name (CODE)"), "Nhóm 1/2/3", or "Ngưỡng". */
export function thresholdColumnOf(header: string): ThresholdColumn | undefined {
  const h = fold(header).replace(/^vung /, '');
  if (['nguong', 'nguong chung', 'chung', 'muc chung'].includes(h)) return { common: true };
  const g = /^nhom (?:xa )?([123])$/.exec(h);
  if (g) return { group: g[1] as CommuneGroup };
  for (const [code, name] of Object.entries(REGIONS) as [RegionCode, string][]) {
    const c = fold(code);
    const n = fold(name);
    if (h === c || h === n || h === `${n} (${c})`) return { region: code };
  }
  return undefined;
}

/** Kinds as written in the "Loại" column; the first label of each is what the writer uses. */
export const KIND_LABELS: Record<RuleKind, readonly string[]> = {
  boolean: ['Đạt/không đạt', 'Đạt', 'boolean'],
  min: ['≥', '>=', 'Tối thiểu', 'min'],
  max: ['≤', '<=', 'Tối đa', 'max'],
  status: ['Đánh giá', 'status'],
  tier: ['Đạt mức', 'tier'],
  'min-relative': ['≥ hệ số × ngưỡng', '>= hệ số x ngưỡng', 'min-relative'],
};

const squash = (s: string) => fold(s).replace(/\s+/g, '').replace(/×/g, 'x');

export function kindOf(label: string): RuleKind | undefined {
  const s = squash(label);
  for (const [kind, labels] of Object.entries(KIND_LABELS) as [RuleKind, readonly string[]][]) if (labels.some((l) => squash(l) === s)) return kind;
  return undefined;
}

export const LEVEL_LABELS: Record<UnitLevel, readonly string[]> = {
  commune: ['xã', 'commune'],
  district: ['huyện', 'district'],
  hamlet: ['xóm', 'thôn', 'hamlet'],
  province: ['tỉnh', 'province'],
};
export const DIMENSION_LABELS: Record<'region' | 'group' | 'none', readonly string[]> = {
  region: ['vùng', 'region'],
  group: ['nhóm xã', 'nhóm', 'group'],
  none: ['không', 'none'],
};
export const TIER_LABELS: Record<Tier, readonly string[]> = {
  ntm: ['ntm', 'nông thôn mới'],
  'nang-cao': ['nang-cao', 'nâng cao', 'nông thôn mới nâng cao'],
  'kieu-mau': ['kieu-mau', 'kiểu mẫu', 'nông thôn mới kiểu mẫu'],
  'hoan-thanh': ['hoan-thanh', 'hoàn thành', 'hoàn thành nhiệm vụ'],
  'hien-dai': ['hien-dai', 'hiện đại', 'nông thôn mới hiện đại'],
};

export function labelled<K extends string>(table: Record<K, readonly string[]>, text: string): K | undefined {
  const s = fold(text);
  for (const [key, labels] of Object.entries(table) as [K, readonly string[]][]) if (labels.some((l) => fold(l) === s)) return key;
  return undefined;
}

const YES = new Set(['co', 'x', 'yes', 'true', '1', 'dung', 'da xac nhan']);
const NO = new Set(['khong', 'no', 'false', '0', 'chua', 'chua xac nhan']);
export function yesNo(text: string): boolean | undefined {
  const s = fold(text);
  return YES.has(s) ? true : NO.has(s) ? false : undefined;
}
export const yesNoLabel = (b: boolean) => (b ? 'có' : 'không');

/** Threshold cell words: not read yet (null), not regulated in this column (no entry), met. */
export const UNKNOWN_WORDS = new Set(['chua ro', '?', 'chua doc duoc']);
export const NOT_REGULATED_WORDS = new Set(['—', '-', '–', 'khong ap dung', 'khong quy dinh']);
export const UNKNOWN_LABEL = 'chưa rõ';
export const NOT_REGULATED_LABEL = '—';
export const MET_LABEL = 'Đạt';
export const NOT_MET_LABEL = 'Không đạt';
