/**
 * The layout of an assessment workbook, shared by the writer and the reader: where the identification cells sit,
 * which column holds what, and the words written in them. Changing a position here changes both sides at once;
 * `TEMPLATE` names the layout, so a workbook of an older layout is recognised as such.
 */

/** Written in the hidden identification cells: a workbook without it is not one of ours. */
export const TEMPLATE = 'chungsuc:phieu-danh-gia:1';

/** The sheet with the instructions and the list of the workbook's units. */
export const GUIDE_SHEET = 'Hướng dẫn';

/** Hidden column of identification cells (L); visible titles repeat them for people. */
export const ID_COLUMN = 12;
/** Rows of the identification cells of a unit sheet. */
export const ID_ROWS = { template: 1, unitCode: 2, family: 3, year: 4, version: 5, setId: 6, asOf: 7 } as const;
/** Rows of the identification cells of the guide sheet; the unit codes follow from `firstUnit`. */
export const GUIDE_ID_ROWS = { template: 1, scope: 2, family: 3, year: 4, asOf: 5, count: 6, firstUnit: 7 } as const;

/** The header row of the table; data rows follow. */
export const HEADER_ROW = 8;

export const COLUMNS = {
  criterion: 1,
  code: 2,
  name: 3,
  unit: 4,
  threshold: 5,
  confirmed: 6,
  current: 7,
  newValue: 8,
  note: 9,
} as const;
export type ColumnName = keyof typeof COLUMNS;

export const HEADERS: Record<ColumnName, string> = {
  criterion: 'Tiêu chí',
  code: 'Mã chỉ tiêu',
  name: 'Nội dung',
  unit: 'Đơn vị tính',
  threshold: 'Ngưỡng đạt',
  confirmed: 'Ngưỡng',
  current: 'Giá trị hiện tại',
  newValue: 'Giá trị mới',
  note: 'Ghi chú',
};

export const CONFIRMED_LABEL = 'đã đối chiếu văn bản';
export const UNCONFIRMED_LABEL = 'chưa xác nhận';

/** Written in the new-value column to clear a stored value (compared without tone marks or case). */
export const CLEAR_WORD = '(xoá)';
export const CLEAR_WORDS = ['(xoa)', 'xoa', '(xoa gia tri)'];

/** "A", "B", … "L": column letters for messages. */
export function columnLetter(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** A sheet name Excel accepts (31 characters, none of : \ / ? * [ ]), unique within the workbook. */
export function sheetName(code: string, shortName: string, taken: Set<string>): string {
  const base = `${code} ${shortName}`
    .replace(/[:\\/?*[\]]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 31);
  let name = base;
  for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${base.slice(0, 31 - String(i).length - 1)}~${i}`;
  taken.add(name.toLowerCase());
  return name;
}
