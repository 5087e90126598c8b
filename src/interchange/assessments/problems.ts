/** One problem of an uploaded workbook, where it is: the sheet, row and column (null when it is the whole file or sheet). */
export interface SheetProblem {
  sheet: string | null;
  row: number | null;
  column: string | null;
  message: string;
  /** `conflict`: the assessment changed since the download; otherwise a problem of the file itself. */
  kind?: 'conflict' | 'scope';
}

/** "Trang tính "01654 Hòa An", dòng 12, cột H: …", for one-line messages. */
export function placeOf(p: SheetProblem): string {
  const parts = [p.sheet ? `trang tính "${p.sheet}"` : 'tệp', p.row ? `dòng ${p.row}` : null, p.column ? `cột ${p.column}` : null].filter(Boolean);
  return parts.join(', ');
}
