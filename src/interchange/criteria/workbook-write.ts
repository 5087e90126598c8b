import ExcelJS from 'exceljs';
import { REGIONS, type CriteriaSet, type Criterion, type Indicator, type RegionCode, type Threshold } from '../../domain/criteria/schema.ts';
import { dmyOf } from './workbook-cells.ts';
import { GUIDE_LINES, INFO_HINTS } from './workbook-guide.ts';
import {
  ANNEX_AFTER,
  ANNEX_BEFORE,
  COLUMNS,
  COMMON_HEADER,
  COMMON_HEADER_SHARED,
  DIMENSION_LABELS,
  EXTRA_COLUMNS,
  GROUPS,
  INFO_KEYS,
  KIND_LABELS,
  LEVEL_LABELS,
  MET_LABEL,
  NOT_MET_LABEL,
  NOT_REGULATED_LABEL,
  SHEET_GUIDE,
  SHEET_INFO,
  SHEET_TABLE,
  UNKNOWN_LABEL,
  groupHeader,
  regionHeader,
  yesNoLabel,
  type ColumnKey,
  type InfoKey,
  type ThresholdColumn,
} from './workbook-layout.ts';

/**
 * `full`: every field of the set has a column, so that a set written and read back is the same set.
 * `annex`: only the columns of the decision's annex table, for blank templates officers fill in.
 */
export type WorkbookLayout = 'full' | 'annex';

type Value = string | number | null;
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE2EFDA' } };
const NUMERIC = new Set(['min', 'max']);
/** Rows below the table that keep the drop-down lists, for officers adding indicators. */
const SPARE_ROWS = 300;

function infoValues(set: CriteriaSet): Record<InfoKey, Value> {
  return {
    id: set.id,
    family: set.family,
    name: set.name,
    decision: set.decision,
    legalSource: set.legalSource,
    amends: set.amends ?? null,
    effectiveFrom: dmyOf(set.effectiveFrom),
    effectiveTo: set.effectiveTo ? dmyOf(set.effectiveTo) : null,
    period: `${set.period.from}-${set.period.to}`,
    unitLevel: LEVEL_LABELS[set.unitLevel][0]!,
    unitTypes: set.unitTypes?.length ? set.unitTypes.join(', ') : null,
    dimension: DIMENSION_LABELS[set.dimension][0]!,
    tier: set.tier,
    requiresTier: set.requiresTier?.family ?? null,
    allowsBasicallyMet: yesNoLabel(set.allowsBasicallyMet),
    indicatorsPending: yesNoLabel(set.indicatorsPending),
    declaredIndicatorCount: set.declaredIndicatorCount ?? null,
    carriedNote: set.carriedNote ?? null,
    sample: yesNoLabel(set.sample),
    note: set.note ?? null,
  };
}

function list(ws: ExcelJS.Worksheet, row: number, col: number, items: readonly string[]): void {
  ws.getCell(row, col).dataValidation = { type: 'list', allowBlank: true, formulae: [`"${items.join(',')}"`], showErrorMessage: true, errorStyle: 'warning' };
}

function writeInfo(ws: ExcelJS.Worksheet, set: CriteriaSet): void {
  ws.columns = [
    { header: 'Mục', width: 30 },
    { header: 'Giá trị', width: 70, style: { numFmt: '@', alignment: { wrapText: true, vertical: 'top' } } },
    { header: 'Giải thích', width: 80, style: { alignment: { wrapText: true, vertical: 'top' } } },
  ];
  const values = infoValues(set);
  for (const key of Object.keys(INFO_KEYS) as InfoKey[]) {
    const row = ws.addRow([INFO_KEYS[key], values[key], INFO_HINTS[key]]);
    const choices: Partial<Record<InfoKey, readonly string[]>> = {
      unitLevel: Object.values(LEVEL_LABELS).map((l) => l[0]!),
      dimension: Object.values(DIMENSION_LABELS).map((l) => l[0]!),
      tier: ['ntm', 'nang-cao', 'kieu-mau', 'hoan-thanh', 'hien-dai'],
      allowsBasicallyMet: ['có', 'không'],
      indicatorsPending: ['có', 'không'],
      sample: ['có', 'không'],
    };
    const c = choices[key];
    if (c) list(ws, row.number, 2, c);
  }
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).fill = HEADER_FILL;
  ws.views = [{ state: 'frozen', ySplit: 1 }];
}

interface Column {
  header: string;
  key?: ColumnKey;
  threshold?: ThresholdColumn;
}

function columnsFor(set: CriteriaSet, layout: WorkbookLayout): Column[] {
  const needsCommon =
    set.dimension === 'none' ||
    set.criteria.some((c) => c.indicators.some((i) => i.thresholds.some((t) => !t.region && !t.group && !(t.value === null && NUMERIC.has(i.kind)))));
  const thresholds: Column[] = needsCommon ? [{ header: set.dimension === 'none' ? COMMON_HEADER : COMMON_HEADER_SHARED, threshold: { common: true } }] : [];
  if (set.dimension === 'region') for (const r of Object.keys(REGIONS) as RegionCode[]) thresholds.push({ header: regionHeader(r), threshold: { region: r } });
  if (set.dimension === 'group') for (const g of GROUPS) thresholds.push({ header: groupHeader(g), threshold: { group: g } });
  const keyed = (keys: readonly ColumnKey[]) => keys.map((key) => ({ header: COLUMNS[key], key }));
  return [...keyed(ANNEX_BEFORE), ...thresholds, ...keyed(ANNEX_AFTER), ...(layout === 'full' ? keyed(EXTRA_COLUMNS) : [])];
}

/** The threshold cells of one sheet row, with what the row says about them. */
interface ThresholdRow {
  meta: string;
  year?: number;
  confirmed?: boolean;
  source?: string;
  note?: string;
  basicallyMet?: number;
  cells: Map<number, Threshold['value']>;
  last: number;
}

/**
 * Lays an indicator's thresholds out in rows: thresholds sharing year, confirmation, source, note and
 * "cơ bản đạt" share a row, in their listed order, so reading the rows back gives the same list.
 */
function thresholdRows(ind: Indicator, cols: Column[]): ThresholdRow[] {
  const rows: ThresholdRow[] = [];
  const colOf = (t: Threshold) =>
    cols.findIndex(
      (c) =>
        c.threshold &&
        ('region' in c.threshold ? c.threshold.region === t.region : 'group' in c.threshold ? c.threshold.group === t.group : !t.region && !t.group),
    );
  for (const t of ind.thresholds) {
    const meta = JSON.stringify([t.year ?? null, t.confirmed, t.source ?? null, t.note ?? null, t.basicallyMet ?? null]);
    const base = { meta, year: t.year, confirmed: t.confirmed, source: t.source, note: t.note, basicallyMet: t.basicallyMet, cells: new Map(), last: -1 };
    if (NUMERIC.has(ind.kind) && t.value === null && !t.region && !t.group) {
      // A numeric threshold not read yet and common to all columns is a row with every threshold cell blank.
      rows.push({ ...base, meta: '' });
      continue;
    }
    const col = colOf(t);
    let cur = rows.at(-1);
    if (!cur || cur.meta !== meta || cur.cells.has(col) || col <= cur.last) rows.push((cur = base));
    cur.cells.set(col, t.value);
    cur.last = col;
  }
  return rows.length ? rows : [{ meta: '', cells: new Map(), last: -1 }];
}

const cellValue = (v: Threshold['value']): Value => (v === null ? UNKNOWN_LABEL : v === true ? MET_LABEL : v === false ? NOT_MET_LABEL : v);
const opt = <T>(v: T | undefined): T | null => (v === undefined ? null : v);

function criterionRow(c: Criterion, layout: WorkbookLayout): Partial<Record<ColumnKey, Value>> {
  const row: Partial<Record<ColumnKey, Value>> = { criterionCode: c.code, criterionName: c.name, source: opt(c.source), note: opt(c.note) };
  if (layout === 'annex') return { ...row, confirmed: yesNoLabel(c.nameConfirmed) };
  return {
    ...row,
    criterionGroup: opt(c.group),
    nameEn: opt(c.nameEn),
    nameConfirmed: yesNoLabel(c.nameConfirmed),
    indicatorsIncomplete: yesNoLabel(c.indicatorsIncomplete),
  };
}

function indicatorRows(c: Criterion, ind: Indicator, cols: Column[], layout: WorkbookLayout): Value[][] {
  return thresholdRows(ind, cols).map((tr, k) => {
    const byKey: Partial<Record<ColumnKey, Value>> = {
      criterionCode: c.code,
      code: ind.code,
      name: ind.name,
      unit: ind.unit,
      kind: KIND_LABELS[ind.kind][0]!,
      year: opt(tr.year),
      confirmed: tr.confirmed === undefined ? null : yesNoLabel(tr.confirmed),
      source: opt(tr.source),
      note: opt(tr.note),
    };
    if (layout === 'full') {
      byKey.basicallyMet = opt(tr.basicallyMet);
      if (k === 0) {
        Object.assign(byKey, {
          nameEn: opt(ind.nameEn),
          nameConfirmed: yesNoLabel(ind.nameConfirmed),
          refFamily: ind.relative?.family ?? ind.requiresTier?.family ?? null,
          refIndicator: ind.relative?.indicator ?? null,
          factor: ind.relative?.factor ?? null,
          deriveFamily: ind.derive?.family ?? null,
          deriveChildTypes: ind.derive?.childTypes?.join(', ') ?? null,
          indicatorSource: opt(ind.source),
          indicatorNote: opt(ind.note),
        });
      }
    }
    const hasCommon = cols.some((col, i) => col.threshold && 'common' in col.threshold && tr.cells.has(i));
    return cols.map((col, i) => {
      if (col.key) return byKey[col.key] ?? null;
      if (tr.cells.has(i)) return cellValue(tr.cells.get(i)!);
      // A confirmed row must say explicitly which columns the decision leaves without a value.
      return tr.confirmed && tr.cells.size > 0 && !hasCommon && !('common' in col.threshold!) ? NOT_REGULATED_LABEL : null;
    });
  });
}

function writeTable(ws: ExcelJS.Worksheet, set: CriteriaSet, layout: WorkbookLayout): void {
  const cols = columnsFor(set, layout);
  const wide: Partial<Record<ColumnKey, number>> = {
    criterionName: 30,
    name: 50,
    source: 40,
    note: 40,
    indicatorSource: 40,
    indicatorNote: 40,
    nameEn: 30,
    criterionGroup: 25,
  };
  ws.columns = cols.map((c) => ({
    header: c.header,
    width: c.key ? (wide[c.key] ?? 14) : 16,
    style: {
      numFmt: c.key === 'criterionCode' || c.key === 'code' || c.key === 'refIndicator' ? '@' : 'General',
      alignment: { wrapText: true, vertical: 'top' },
    },
  }));
  for (const c of set.criteria) {
    const own = criterionRow(c, layout);
    ws.addRow(cols.map((col) => (col.key ? (own[col.key] ?? null) : null))).font = { bold: true };
    for (const ind of c.indicators) for (const values of indicatorRows(c, ind, cols, layout)) ws.addRow(values);
  }
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.fill = HEADER_FILL;
  ws.views = [{ state: 'frozen', ySplit: 1, xSplit: 4 }];
  const lists: Partial<Record<ColumnKey, readonly string[]>> = {
    kind: Object.values(KIND_LABELS).map((l) => l[0]!),
    confirmed: ['có', 'không'],
    nameConfirmed: ['có', 'không'],
    indicatorsIncomplete: ['có', 'không'],
  };
  const last = ws.rowCount + SPARE_ROWS;
  cols.forEach((col, i) => {
    const items = col.key && lists[col.key];
    if (items) for (let r = 2; r <= last; r++) list(ws, r, i + 1, items);
  });
}

function writeGuide(ws: ExcelJS.Worksheet): void {
  ws.columns = [{ width: 160, style: { alignment: { wrapText: true, vertical: 'top' } } }];
  for (const line of GUIDE_LINES) {
    const row = ws.addRow([line.startsWith('# ') ? line.slice(2) : line]);
    if (line.startsWith('# ')) row.font = { bold: true, size: 12 };
  }
}

/**
 * Writes a set as a workbook laid out like the decision's annex table (sheets "Thông tin", "Chỉ tiêu",
 * "Hướng dẫn"). With the `full` layout, `parseSetWorkbook` reads the same set back.
 */
export async function setToWorkbook(set: CriteriaSet, options: { layout?: WorkbookLayout } = {}): Promise<Buffer> {
  const layout = options.layout ?? 'full';
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Chung Sức';
  writeInfo(wb.addWorksheet(SHEET_INFO), set);
  writeTable(wb.addWorksheet(SHEET_TABLE), set, layout);
  writeGuide(wb.addWorksheet(SHEET_GUIDE));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
