import { GUIDE_SHEET } from '../../interchange/assessments/layout.ts';
import type { SheetProblem } from '../../interchange/assessments/problems.ts';
import type { ParsedSheet, ParsedWorkbook, SheetIdentity } from '../../interchange/assessments/read.ts';
import type { Expectation } from './upload.ts';

export type IdentifiedSheet = ParsedSheet & { identity: SheetIdentity };

/**
 * Checks the workbook as a whole against its guide sheet and what the uploader said it is for: a sheet added or left
 * out, a sheet twice for one unit, another family, year or scope. Returns the sheets to check value by value.
 */
export function checkSheets(wb: ParsedWorkbook, expect: Expectation): { sheets: IdentifiedSheet[]; problems: SheetProblem[] } {
  const problems: SheetProblem[] = [...wb.problems];
  const whole = (message: string) => problems.push({ sheet: null, row: null, column: null, message });
  const g = wb.guide;
  if (!g) whole(`Thiếu trang "${GUIDE_SHEET}" của phiếu: tệp không phải phiếu nhập đánh giá tải từ Chung Sức, hoặc trang này đã bị xoá hay đổi tên`);
  if (g && expect.family && g.family !== expect.family) whole(`Phiếu của bộ tiêu chí "${g.family}", không phải "${expect.family}" đã chọn`);
  if (g && expect.year && g.year !== expect.year) whole(`Phiếu của năm ${g.year}, không phải năm ${expect.year} đã chọn`);
  if (g && expect.scope && g.scope !== expect.scope) whole(`Phiếu tải cho đơn vị mã ${g.scope}, không phải mã ${expect.scope} đã chọn`);
  const sheets: IdentifiedSheet[] = [];
  const seen = new Map<string, string>();
  for (const s of wb.sheets) {
    const at = (message: string) => problems.push({ sheet: s.name, row: null, column: null, message });
    if (!s.identity) {
      at(`Trang tính "${s.name}" không thuộc phiếu (không có ô nhận dạng của Chung Sức): hãy xoá trang này hoặc dùng phiếu tải mới`);
      continue;
    }
    const id = s.identity;
    if (g && (id.family !== g.family || id.year !== g.year))
      at(`Trang tính của bộ "${id.family}" năm ${id.year}, khác với phiếu (bộ "${g.family}" năm ${g.year}): trang được chép từ phiếu khác`);
    else if (g && !g.units.includes(id.unitCode)) at(`Trang tính của đơn vị mã ${id.unitCode}, không có trong danh sách đơn vị của phiếu`);
    else if (seen.has(id.unitCode)) at(`Đơn vị mã ${id.unitCode} đã có ở trang tính "${seen.get(id.unitCode)}"`);
    else {
      seen.set(id.unitCode, s.name);
      sheets.push(s as IdentifiedSheet);
    }
  }
  for (const code of g?.units ?? [])
    if (!seen.has(code) && !wb.sheets.some((s) => s.identity?.unitCode === code)) whole(`Thiếu trang tính của đơn vị mã ${code}`);
  return { sheets, problems };
}
