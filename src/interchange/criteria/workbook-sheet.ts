import type ExcelJS from 'exceljs';
import type { CriteriaSetInput } from '../../domain/criteria/schema.ts';
import { cellData, cellError, listOf, numberOf, textOf, yesNoOf, type CellData, type Where } from './workbook-cells.ts';
import {
  COLUMNS,
  COMMON_HEADER,
  DIMENSION_LABELS,
  IGNORED_HEADERS,
  REQUIRED_COLUMNS,
  SHEET_TABLE,
  fold,
  thresholdColumnOf,
  type ColumnKey,
  type ThresholdColumn,
} from './workbook-layout.ts';

/** Where the columns of the "Chỉ tiêu" sheet are: found by their header, wherever the officer put them. */
export interface Layout {
  headerRow: number;
  cols: Map<ColumnKey, { col: number; label: string }>;
  thresholds: { col: number; label: string; t: ThresholdColumn }[];
  unnamed: number[];
}

const FIND_HEADER_ROWS = 20;
const COLUMN_BY_FOLD = new Map(Object.entries(COLUMNS).map(([k, label]) => [fold(label), k as ColumnKey]));

/** Finds the header row (the one with "Mã tiêu chí") and sorts its columns into known, threshold and unnamed. */
export function readLayout(ws: ExcelJS.Worksheet, file: string, dimension: CriteriaSetInput['dimension']): Layout {
  const headerLabel = fold(COLUMNS.criterionCode);
  let headerRow = 0;
  for (let r = 1; r <= Math.min(FIND_HEADER_ROWS, ws.rowCount) && !headerRow; r++)
    for (let c = 1; c <= ws.columnCount; c++) if (fold(ws.getRow(r).getCell(c).text ?? '') === headerLabel) headerRow = r;
  const w: Where = { file, sheet: SHEET_TABLE };
  if (!headerRow) throw cellError(w, `không tìm thấy dòng tiêu đề (dòng có cột "${COLUMNS.criterionCode}") trong ${FIND_HEADER_ROWS} dòng đầu`);
  const layout: Layout = { headerRow, cols: new Map(), thresholds: [], unnamed: [] };
  const seen = new Map<string, string>();
  for (let c = 1; c <= ws.columnCount; c++) {
    const label = textOf(cellData(ws.getRow(headerRow).getCell(c)), { ...w, row: headerRow });
    if (label === undefined) {
      layout.unnamed.push(c);
      continue;
    }
    const at: Where = { ...w, row: headerRow, column: label };
    const key = COLUMN_BY_FOLD.get(fold(label));
    const t = key ? undefined : thresholdColumnOf(label);
    const id = key ?? (t ? JSON.stringify(t) : fold(label));
    if (seen.has(id)) throw cellError(at, `cột trùng với cột "${seen.get(id)}"`);
    seen.set(id, label);
    if (key) layout.cols.set(key, { col: c, label });
    else if (t) {
      if ('region' in t && dimension !== 'region') throw cellError(at, `bộ này phân ngưỡng theo ${DIMENSION_LABELS[dimension][0]}, không dùng cột vùng`);
      if ('group' in t && dimension !== 'group') throw cellError(at, `bộ này phân ngưỡng theo ${DIMENSION_LABELS[dimension][0]}, không dùng cột nhóm xã`);
      layout.thresholds.push({ col: c, label, t });
    } else if (!IGNORED_HEADERS.has(fold(label)))
      throw cellError(
        at,
        `không nhận ra cột: cột ngưỡng phải là mã hoặc tên vùng (TDMNPB, Đồng bằng sông Hồng…), "Nhóm 1", "Nhóm 2", "Nhóm 3" hoặc "${COMMON_HEADER}"`,
      );
  }
  for (const k of REQUIRED_COLUMNS) if (!layout.cols.has(k)) throw cellError({ ...w, row: headerRow }, `thiếu cột "${COLUMNS[k]}"`);
  return layout;
}

/** One data row, read lazily by column key. */
export class Row {
  constructor(
    private readonly ws: ExcelJS.Worksheet,
    private readonly layout: Layout,
    readonly file: string,
    readonly n: number,
  ) {}
  has(k: ColumnKey): boolean {
    return this.layout.cols.has(k);
  }
  where(k: string): Where {
    return { file: this.file, sheet: SHEET_TABLE, row: this.n, column: this.layout.cols.get(k as ColumnKey)?.label ?? k };
  }
  cell(k: ColumnKey): CellData {
    const c = this.layout.cols.get(k);
    return c ? cellData(this.ws.getRow(this.n).getCell(c.col)) : { t: 'blank' };
  }
  text(k: ColumnKey): string | undefined {
    return textOf(this.cell(k), this.where(k));
  }
  num(k: ColumnKey): number | undefined {
    return numberOf(this.cell(k), this.where(k));
  }
  yes(k: ColumnKey): boolean | undefined {
    return yesNoOf(this.cell(k), this.where(k));
  }
  list(k: ColumnKey): string[] | undefined {
    return listOf(this.cell(k), this.where(k));
  }
  thresholdCells(): { label: string; t: ThresholdColumn; c: CellData }[] {
    return this.layout.thresholds.map((x) => ({ label: x.label, t: x.t, c: cellData(this.ws.getRow(this.n).getCell(x.col)) }));
  }
  isBlank(): boolean {
    const cols = [...[...this.layout.cols.values()].map((x) => x.col), ...this.layout.thresholds.map((x) => x.col)];
    return cols.every((c) => cellData(this.ws.getRow(this.n).getCell(c)).t === 'blank');
  }
}

export function unnamedColumnsBlank(ws: ExcelJS.Worksheet, layout: Layout, r: number, file: string): void {
  for (const c of layout.unnamed)
    if (cellData(ws.getRow(r).getCell(c)).t !== 'blank')
      throw cellError({ file, sheet: SHEET_TABLE, row: r, column: ws.getColumn(c).letter }, 'ô có dữ liệu nhưng cột không có tiêu đề');
}
