import type ExcelJS from 'exceljs';
import type { CriteriaSetInput, RuleKind } from '../../domain/criteria/schema.ts';
import { cellError, numberOf, textOf, type CellData, type Where } from './workbook-cells.ts';
import { COLUMNS, KIND_LABELS, NOT_REGULATED_WORDS, UNKNOWN_WORDS, fold, kindOf, type ColumnKey, type ThresholdColumn } from './workbook-layout.ts';
import { readLayout, Row, unnamedColumnsBlank } from './workbook-sheet.ts';

type CriterionIn = CriteriaSetInput['criteria'][number];
type IndicatorIn = NonNullable<CriterionIn['indicators']>[number];
type ThresholdIn = NonNullable<IndicatorIn['thresholds']>[number];
type Dimension = CriteriaSetInput['dimension'];

/** Excel rows behind the parsed set, so that schema problems can be reported by row. */
export interface RowIndex {
  criteria: number[];
  indicators: number[][];
  thresholds: number[][][];
}

type Cell = { t: 'blank' } | { t: 'none' } | { t: 'value'; value: number | boolean | null };
const NUMERIC: readonly RuleKind[] = ['min', 'max'];

function thresholdCell(c: CellData, kind: RuleKind, w: Where): Cell {
  if (c.t === 'blank') return c;
  const text = c.t === 'text' ? c.s : undefined;
  const f = text === undefined ? '' : fold(text);
  if (text !== undefined && (NOT_REGULATED_WORDS.has(text) || NOT_REGULATED_WORDS.has(f))) return { t: 'none' };
  if (kind === 'tier' || kind === 'min-relative')
    throw cellError(w, `chỉ tiêu loại "${KIND_LABELS[kind][0]}" không ghi ngưỡng trong cột này (dùng "Bộ tham chiếu")`);
  if (text !== undefined && UNKNOWN_WORDS.has(f)) return { t: 'value', value: null };
  const met = c.t === 'bool' ? c.b : f === 'dat' ? true : f === 'khong dat' ? false : undefined;
  if (NUMERIC.includes(kind)) {
    if (met !== undefined) throw cellError(w, `"${text ?? String(met)}" không phải số (chỉ tiêu loại "${KIND_LABELS[kind][0]}" cần một số)`, { value: text });
    return { t: 'value', value: numberOf(c, w)! };
  }
  if (met === undefined)
    throw cellError(w, `chỉ tiêu loại "${KIND_LABELS[kind][0]}" ghi "Đạt" (hoặc "chưa rõ"), không ghi "${textOf(c, w)}"`, { value: textOf(c, w) });
  return { t: 'value', value: met };
}

const selectorOf = (t: ThresholdColumn): Pick<ThresholdIn, 'region' | 'group'> =>
  'region' in t ? { region: t.region } : 'group' in t ? { group: t.group } : {};

interface IndicatorAcc {
  ind: IndicatorIn;
  row: number;
  first: Row;
  slots: Map<string, number>;
  rows: number[];
}

interface CriterionAcc {
  crit: CriterionIn;
  indicators: IndicatorAcc[];
  row: number;
  ownRow?: number;
  own?: { nameConfirmed?: boolean };
}

/** Threshold entries of one indicator row (see the "Hướng dẫn" sheet for the rules officers follow). */
function rowThresholds(row: Row, acc: IndicatorAcc): void {
  const kind = acc.ind.kind;
  const year = row.num('year');
  if (year !== undefined && (!Number.isInteger(year) || year < 2000 || year > 2100)) throw cellError(row.where('year'), `"${year}" không phải năm`);
  const confirmed = row.yes('confirmed') ?? false;
  const meta = { source: row.text('source'), note: row.text('note'), basicallyMet: row.num('basicallyMet') };
  const cells = row.thresholdCells().map((x) => ({ ...x, v: thresholdCell(x.c, kind, row.where(x.label)) }));
  const entry = (t: ThresholdColumn, value: number | boolean | null, label: string): void => {
    const slot = `${JSON.stringify(t)}|${year ?? ''}`;
    const prev = acc.slots.get(slot);
    const where = row.where(label);
    if (prev !== undefined) throw cellError(where, `ngưỡng của chỉ tiêu "${acc.ind.code}" cho cột này${year ? ` năm ${year}` : ''} đã ghi ở dòng ${prev}`);
    if (value === null && confirmed) throw cellError(where, 'ngưỡng trống (chưa có giá trị) nên "Đã xác nhận" phải là "không"');
    acc.slots.set(slot, row.n);
    const th: ThresholdIn = { ...selectorOf(t), value, confirmed };
    if (year !== undefined) th.year = year;
    if (meta.basicallyMet !== undefined) th.basicallyMet = meta.basicallyMet;
    if (meta.source !== undefined) th.source = meta.source;
    if (meta.note !== undefined) th.note = meta.note;
    (acc.ind.thresholds ??= []).push(th);
    acc.rows.push(row.n);
  };
  const values = cells.filter((x) => x.v.t === 'value');
  if (values.length === 0) {
    // A numeric row with nothing written: the value exists in the decision but has not been read yet.
    if (NUMERIC.includes(kind) && !cells.some((x) => x.v.t === 'none')) entry({ common: true }, null, cells[0]?.label ?? COLUMNS.confirmed);
    return;
  }
  const hasCommon = values.some((x) => 'common' in x.t);
  if (confirmed && !hasCommon)
    for (const x of cells)
      if (x.v.t === 'blank' && !('common' in x.t))
        throw cellError(row.where(x.label), 'ô trống trong dòng đã xác nhận: ghi ngưỡng, hoặc "—" nếu văn bản không quy định cho cột này');
  for (const x of values) if (x.v.t === 'value') entry(x.t, x.v.value, x.label);
}

function newIndicator(row: Row, code: string): IndicatorAcc {
  const name = row.text('name');
  if (!name) throw cellError(row.where('name'), `chỉ tiêu "${code}" chưa có tên`);
  const label = row.text('kind');
  if (!label)
    throw cellError(
      row.where('kind'),
      `chỉ tiêu "${code}" chưa ghi loại (${Object.values(KIND_LABELS)
        .map((l) => `"${l[0]}"`)
        .join(', ')})`,
    );
  const kind = kindOf(label);
  if (!kind)
    throw cellError(
      row.where('kind'),
      `"${label}" không phải loại đã biết (${Object.values(KIND_LABELS)
        .map((l) => `"${l[0]}"`)
        .join(', ')})`,
    );
  const ind: IndicatorIn = { code, name, unit: row.text('unit') ?? null, kind, thresholds: [] };
  const nameEn = row.text('nameEn');
  if (nameEn !== undefined) ind.nameEn = nameEn;
  references(row, ind);
  return { ind, row: row.n, first: row, slots: new Map(), rows: [] };
}

/** "Bộ tham chiếu" and friends: the family a `tier` indicator requires, or the base of a relative threshold. */
function references(row: Row, ind: IndicatorIn): void {
  const family = row.text('refFamily');
  const indicator = row.text('refIndicator');
  const factor = row.num('factor');
  if (ind.kind === 'tier') {
    if (family !== undefined) ind.requiresTier = { family };
  } else if (ind.kind === 'min-relative') {
    if (family === undefined || indicator === undefined || factor === undefined)
      throw cellError(
        row.where('refFamily'),
        `chỉ tiêu loại "${KIND_LABELS['min-relative'][0]}" cần "${COLUMNS.refFamily}", "${COLUMNS.refIndicator}" và "${COLUMNS.factor}"`,
      );
    ind.relative = { family, indicator, factor };
  } else if (family !== undefined || indicator !== undefined || factor !== undefined) {
    throw cellError(row.where('refFamily'), `chỉ dùng với loại "${KIND_LABELS.tier[0]}" hoặc "${KIND_LABELS['min-relative'][0]}"`);
  }
  const derive = row.text('deriveFamily');
  const childTypes = row.list('deriveChildTypes');
  if (derive !== undefined) ind.derive = { kind: 'share-of-children-at-tier', family: derive, ...(childTypes ? { childTypes } : {}) };
  else if (childTypes) throw cellError(row.where('deriveChildTypes'), `cần ghi "${COLUMNS.deriveFamily}"`);
}

/** Continuation rows repeat an indicator (other years, other columns): what they repeat must agree. */
function sameIndicator(row: Row, acc: IndicatorAcc): void {
  const checks: [ColumnKey, string | undefined][] = [
    ['name', acc.ind.name],
    ['unit', acc.ind.unit ?? undefined],
    ['nameEn', acc.ind.nameEn],
    ['indicatorSource', acc.first.text('indicatorSource')],
    ['indicatorNote', acc.first.text('indicatorNote')],
    ['refFamily', acc.first.text('refFamily')],
    ['deriveFamily', acc.first.text('deriveFamily')],
  ];
  for (const [k, expected] of checks) {
    const v = row.text(k);
    if (v !== undefined && v !== expected)
      throw cellError(row.where(k), `mã chỉ tiêu "${acc.ind.code}" bị trùng: dòng ${acc.row} ghi "${expected ?? ''}", dòng này ghi "${v}"`);
  }
  const label = row.text('kind');
  if (label !== undefined && kindOf(label) !== acc.ind.kind)
    throw cellError(row.where('kind'), `mã chỉ tiêu "${acc.ind.code}" bị trùng: loại khác với dòng ${acc.row}`);
}

function finishIndicator(acc: IndicatorAcc): IndicatorIn {
  const { ind, first } = acc;
  const noThresholds = (ind.thresholds ?? []).length === 0;
  const source = first.has('indicatorSource') ? first.text('indicatorSource') : first.text('source');
  const note = first.has('indicatorNote') ? first.text('indicatorNote') : noThresholds ? first.text('note') : undefined;
  ind.nameConfirmed = first.yes('nameConfirmed') ?? first.yes('confirmed') ?? false;
  if (source !== undefined) ind.source = source;
  if (note !== undefined) ind.note = note;
  return ind;
}

function criterionOwnRow(row: Row, acc: CriterionAcc): void {
  for (const k of ['name', 'unit', 'kind', 'year'] as const)
    if (row.cell(k).t !== 'blank') throw cellError(row.where('code'), `dòng có "${COLUMNS[k]}" nhưng thiếu mã chỉ tiêu`);
  const filled = row.thresholdCells().find((x) => x.c.t !== 'blank');
  if (filled) throw cellError(row.where('code'), `dòng có ngưỡng (cột "${filled.label}") nhưng thiếu mã chỉ tiêu`);
  if (acc.ownRow !== undefined) throw cellError(row.where('criterionCode'), `tiêu chí "${acc.crit.code}" đã có dòng riêng ở dòng ${acc.ownRow}`);
  acc.ownRow = row.n;
  const c = acc.crit;
  const nameConfirmed = row.yes('nameConfirmed') ?? row.yes('confirmed');
  acc.own = nameConfirmed === undefined ? {} : { nameConfirmed };
  const nameEn = row.text('nameEn');
  const source = row.text('source');
  const note = row.text('note');
  if (nameEn !== undefined) c.nameEn = nameEn;
  if (source !== undefined) c.source = source;
  if (note !== undefined) c.note = note;
}

/** Criterion-wide columns may be written on any of its rows, but must agree. */
function criterionWide(row: Row, acc: CriterionAcc): void {
  const group = row.text('criterionGroup');
  if (group !== undefined) {
    if (acc.crit.group !== undefined && acc.crit.group !== group)
      throw cellError(row.where('criterionGroup'), `tiêu chí "${acc.crit.code}" đã ghi nhóm "${acc.crit.group}"`);
    acc.crit.group = group;
  }
  const incomplete = row.yes('indicatorsIncomplete');
  if (incomplete !== undefined) {
    if (acc.crit.indicatorsIncomplete !== undefined && acc.crit.indicatorsIncomplete !== incomplete)
      throw cellError(row.where('indicatorsIncomplete'), `tiêu chí "${acc.crit.code}" ghi "${COLUMNS.indicatorsIncomplete}" khác nhau`);
    acc.crit.indicatorsIncomplete = incomplete;
  }
}

/** Reads the "Chỉ tiêu" sheet into criteria (with their indicators and thresholds) and the rows behind them. */
export function readTable(ws: ExcelJS.Worksheet, file: string, dimension: Dimension): { criteria: CriterionIn[]; rows: RowIndex } {
  const layout = readLayout(ws, file, dimension);
  const criteria: CriterionAcc[] = [];
  const indRow = new Map<string, number>();
  let crit: CriterionAcc | undefined;
  let ind: IndicatorAcc | undefined;
  for (let r = layout.headerRow + 1; r <= ws.rowCount; r++) {
    const row = new Row(ws, layout, file, r);
    unnamedColumnsBlank(ws, layout, r, file);
    if (row.isBlank()) continue;
    const code = row.text('criterionCode');
    const name = row.text('criterionName');
    if (code !== undefined && code !== crit?.crit.code) {
      // Rows of a criterion may be added anywhere (officers append indicators below a template's criteria rows).
      const known = criteria.find((c) => c.crit.code === code);
      if (known) crit = known;
      else {
        if (name === undefined) throw cellError(row.where('criterionName'), `tiêu chí "${code}" chưa có tên`);
        crit = { crit: { code, name, indicators: [] }, indicators: [], row: r };
        criteria.push(crit);
      }
      ind = undefined;
    } else if (!crit) throw cellError(row.where('criterionCode'), 'thiếu mã tiêu chí');
    if (name !== undefined && name !== crit.crit.name)
      throw cellError(row.where('criterionName'), `tên tiêu chí "${crit.crit.code}" khác với dòng ${crit.row} ("${crit.crit.name}")`);
    criterionWide(row, crit);
    const icode = row.text('code');
    if (icode === undefined) {
      criterionOwnRow(row, crit);
      ind = undefined;
      continue;
    }
    if (ind && ind.ind.code === icode) sameIndicator(row, ind);
    else {
      const prev = indRow.get(icode);
      if (prev !== undefined) throw cellError(row.where('code'), `mã chỉ tiêu "${icode}" bị trùng: đã có ở dòng ${prev}`);
      ind = newIndicator(row, icode);
      indRow.set(icode, r);
      crit.indicators.push(ind);
    }
    rowThresholds(row, ind);
  }
  const rows: RowIndex = { criteria: [], indicators: [], thresholds: [] };
  const out = criteria.map((acc) => {
    const inds = acc.indicators.map(finishIndicator);
    acc.crit.indicators = inds;
    acc.crit.indicatorsIncomplete ??= false;
    acc.crit.nameConfirmed = acc.own?.nameConfirmed ?? (acc.ownRow === undefined && inds.length > 0 && inds.every((i) => i.nameConfirmed));
    rows.criteria.push(acc.ownRow ?? acc.row);
    rows.indicators.push(acc.indicators.map((i) => i.row));
    rows.thresholds.push(acc.indicators.map((i) => i.rows));
    return acc.crit;
  });
  return { criteria: out, rows };
}
