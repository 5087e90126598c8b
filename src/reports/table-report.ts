import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { officialPdf } from './official-pdf.ts';
import { numberLine, placeAndDate, type OfficialHeader, type SignatureBlock } from './official.ts';

/** A report that is one table under the official header (criteria results of every commune, a scorecard). */
export interface TableReportData {
  header: OfficialHeader;
  signature: SignatureBlock;
  /** Paragraphs above the table (what it counts, as of when, where the thresholds come from). */
  intro: string[];
  columns: { title: string; width: number | '*'; align?: 'left' | 'center' | 'right' }[];
  rows: string[][];
  /** Paragraphs under the table (totals). */
  summary: string[];
  orientation: 'portrait' | 'landscape';
  generated: string;
}

export function tableReportPdf(d: TableReportData): TDocumentDefinitions {
  const body: Content[][] = [
    d.columns.map((c) => ({ text: c.title, bold: true, alignment: 'center' as const, fontSize: 9 })),
    ...d.rows.map((r) => r.map((v, i): Content => ({ text: v, alignment: d.columns[i]?.align ?? 'left' }))),
  ];
  return officialPdf({
    header: d.header,
    signature: d.signature,
    generated: d.generated,
    orientation: d.orientation,
    body: [
      ...d.intro.map((p): Content => ({ text: p, alignment: 'justify', margin: [0, 0, 0, 6] })),
      {
        table: { headerRows: 1, widths: d.columns.map((c) => c.width), body, dontBreakRows: true },
        layout: { hLineWidth: () => 0.5, vLineWidth: () => 0.5, paddingTop: () => 2, paddingBottom: () => 2 },
        fontSize: 9,
      },
      ...d.summary.map((p): Content => ({ text: p, margin: [0, 6, 0, 0] })),
    ],
  });
}

export async function tableReportXlsx(d: TableReportData, sheetName: string): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Chung Sức';
  const n = d.columns.length;
  const ws = wb.addWorksheet(sheetName, {
    pageSetup: { paperSize: 9, orientation: d.orientation, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    headerFooter: { oddFooter: '&L&8' + d.generated.replace(/&/g, '&&') + '&R&8Trang &P/&N' },
  });
  ws.columns = d.columns.map((c) => ({ width: c.width === '*' ? 40 : Math.max(6, Math.round(c.width / 5.5)) }));
  const font = { name: 'Times New Roman', size: 12 };
  const half = Math.max(1, Math.floor(n / 2));
  const put = (row: number, from: number, to: number, value: string, extra: { bold?: boolean; italic?: boolean; size?: number; left?: boolean } = {}) => {
    if (to > from) ws.mergeCells(row, from, row, to);
    const c = ws.getCell(row, from);
    c.value = value;
    c.font = { ...font, bold: extra.bold ?? false, italic: extra.italic ?? false, size: extra.size ?? 12 };
    c.alignment = { horizontal: extra.left ? 'left' : 'center', vertical: 'middle', wrapText: true };
  };
  const h = d.header;
  put(1, 1, half, h.body, { bold: true });
  put(2, 1, half, numberLine(h));
  put(1, half + 1, n, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true });
  put(2, half + 1, n, 'Độc lập - Tự do - Hạnh phúc', { bold: true });
  put(3, half + 1, n, placeAndDate(h.place, h.date), { italic: true });
  put(5, 1, n, h.kind, { bold: true, size: 14 });
  put(6, 1, n, h.subject, { bold: true });
  let r = 7;
  for (const p of d.intro) {
    put(r, 1, n, p, { left: true });
    // Wrapped text does not grow a merged row: about 110 characters to a line across the page.
    ws.getRow(r).height = 16 * Math.max(1, Math.ceil(p.length / 110));
    r++;
  }
  r++;
  const head = r;
  const thin = { style: 'thin' as const };
  const border = { top: thin, left: thin, bottom: thin, right: thin };
  d.columns.forEach((c, i) => {
    const cell = ws.getCell(head, i + 1);
    cell.value = c.title;
    cell.font = { ...font, size: 11, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = border;
  });
  d.rows.forEach((values, k) => {
    values.forEach((v, i) => {
      const cell = ws.getCell(head + 1 + k, i + 1);
      cell.value = v;
      cell.font = { ...font, size: 11 };
      cell.alignment = { horizontal: d.columns[i]?.align ?? 'left', vertical: 'top', wrapText: true };
      cell.border = border;
    });
  });
  ws.pageSetup.printTitlesRow = `${head}:${head}`;
  r = head + d.rows.length + 1;
  for (const p of d.summary) put(r++, 1, n, p, { left: true });
  r++;
  ws.getCell(r, 1).value = 'Nơi nhận:';
  ws.getCell(r, 1).font = { ...font, size: 11, bold: true, italic: true };
  d.signature.recipients.forEach((x, i) => {
    ws.getCell(r + 1 + i, 1).value = x;
    ws.getCell(r + 1 + i, 1).font = { ...font, size: 10 };
  });
  put(r, half + 1, n, d.signature.authority, { bold: true });
  d.signature.position.forEach((p, i) => put(r + 1 + i, half + 1, n, p, { bold: true }));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
