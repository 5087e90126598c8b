import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { officialPdf } from './official-pdf.ts';
import { numberLine, placeAndDate, vnDate, type OfficialHeader, type SignatureBlock } from './official.ts';

/** One target's line in the report: the figures as the plan page shows them, already in words. */
export interface ReportTarget {
  key: string;
  parentKey: string | null;
  kindLabel: string;
  sentence: string;
  deadline: string;
  basis: string;
  goalText: string;
  currentText: string;
  projectedText: string;
  statusLabel: string;
  reason: string;
  lineage: string[];
  /** "Xã Đức Long: thiếu tiêu chí 2, 17". */
  closers: string[];
}

/** What the plan progress report prints; plain data, built on the main thread and written in a worker. */
export interface PlanReportData {
  header: OfficialHeader;
  signature: SignatureBlock;
  plan: { number: string; date: string; issuer: string; title: string; scope: string };
  asOf: string;
  basisNote: string;
  targets: ReportTarget[];
  /** When and from what it was produced, printed at the foot. */
  generated: string;
}

export const PLAN_REPORT_COLUMNS = ['TT', 'Chỉ tiêu (nguyên văn kế hoạch)', 'Thời hạn', 'Mục tiêu', 'Hiện đạt', 'Dự báo đến hạn', 'Đánh giá'] as const;

/** "1", "1.1" for a target cascaded from target 1. */
export function targetNumbers(targets: ReportTarget[]): string[] {
  const top = new Map<string, number>();
  const children = new Map<string, number>();
  let n = 0;
  return targets.map((t) => {
    if (t.parentKey && top.has(t.parentKey)) {
      const k = (children.get(t.parentKey) ?? 0) + 1;
      children.set(t.parentKey, k);
      return `${top.get(t.parentKey)}.${k}`;
    }
    top.set(t.key, ++n);
    return String(n);
  });
}

function notesOf(t: ReportTarget): string {
  const parts = [t.reason, ...t.lineage];
  if (t.closers.length) parts.push(`Đơn vị có thể đạt thêm: ${t.closers.join('; ')}.`);
  return parts.join('\n');
}

/** The header table, the title and the body of the report as a pdfmake document (A4 portrait, 2 cm margins left). */
export function planReportPdf(d: PlanReportData): TDocumentDefinitions {
  const h = d.header;
  const numbers = targetNumbers(d.targets);
  const body: Content[][] = [
    PLAN_REPORT_COLUMNS.map((c) => ({ text: c, style: 'th' })),
    ...d.targets.map((t, i): Content[] => [
      { text: numbers[i]!, alignment: 'center' },
      {
        stack: [
          { text: `${t.kindLabel}. ${t.basis}`, bold: true, fontSize: 9 },
          { text: `“${t.sentence}”`, italics: true },
        ],
      },
      { text: vnDate(t.deadline), alignment: 'center' },
      { text: t.goalText, alignment: 'center' },
      { text: t.currentText, alignment: 'center' },
      { text: t.projectedText, alignment: 'center' },
      {
        stack: [
          { text: t.statusLabel, bold: true },
          { text: notesOf(t), fontSize: 9 },
        ],
      },
    ]),
  ];
  return officialPdf({
    header: h,
    signature: d.signature,
    generated: d.generated,
    orientation: 'portrait',
    subject: d.plan.number,
    body: [
      {
        text: `Căn cứ ${d.plan.title.charAt(0).toLocaleLowerCase('vi')}${d.plan.title.slice(1)} (Kế hoạch số ${d.plan.number} ngày ${vnDate(d.plan.date)} của ${d.plan.issuer}); số liệu tính đến ngày ${vnDate(d.asOf)}. ${d.basisNote}`,
        alignment: 'justify',
        margin: [0, 0, 0, 8],
      },
      {
        table: { headerRows: 1, widths: [18, '*', 52, 50, 50, 50, 110], body, dontBreakRows: true },
        layout: { hLineWidth: () => 0.5, vLineWidth: () => 0.5, paddingTop: () => 3, paddingBottom: () => 3 },
        fontSize: 9.5,
      },
    ],
  });
}

/** The same report as a worksheet: header rows, the table, the signature block; A4, fit to width, header row repeated. */
export async function planReportXlsx(d: PlanReportData): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Chung Sức';
  wb.title = `${d.header.kind} ${d.header.subject}`;
  const ws = wb.addWorksheet('Báo cáo', {
    pageSetup: {
      paperSize: 9,
      orientation: 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      margins: { left: 0.79, right: 0.59, top: 0.59, bottom: 0.67, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: '&L&8' + d.generated.replace(/&/g, '&&') + '&R&8Trang &P/&N' },
  });
  ws.columns = [{ width: 5 }, { width: 48 }, { width: 11 }, { width: 12 }, { width: 12 }, { width: 13 }, { width: 38 }];
  const h = d.header;
  const font = { name: 'Times New Roman', size: 12 };
  const put = (row: number, from: number, to: number, value: string, style: Partial<import('exceljs').Style> = {}) => {
    ws.mergeCells(row, from, row, to);
    const c = ws.getCell(row, from);
    c.value = value;
    c.font = { ...font, ...(style.font ?? {}) };
    c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true, ...(style.alignment ?? {}) };
  };
  let r = 1;
  if (h.parentBody) put(r++, 1, 2, h.parentBody);
  const left = r;
  put(left, 1, 2, h.body, { font: { ...font, bold: true } });
  put(left + 1, 1, 2, numberLine(h));
  put(1, 3, 7, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { font: { ...font, bold: true } });
  put(2, 3, 7, 'Độc lập - Tự do - Hạnh phúc', { font: { ...font, bold: true, underline: true } });
  r = Math.max(left + 2, 3);
  put(r++, 3, 7, placeAndDate(h.place, h.date), { font: { ...font, italic: true } });
  r++;
  put(r++, 1, 7, h.kind, { font: { ...font, size: 14, bold: true } });
  put(r++, 1, 7, h.subject, { font: { ...font, bold: true } });
  r++;
  put(
    r,
    1,
    7,
    `Kế hoạch số ${d.plan.number} ngày ${vnDate(d.plan.date)} của ${d.plan.issuer}: ${d.plan.title}. Số liệu tính đến ngày ${vnDate(d.asOf)}. ${d.basisNote}`,
    { alignment: { horizontal: 'justify' } },
  );
  ws.getRow(r).height = 48;
  r += 2;
  const headRow = r;
  const thin = { style: 'thin' as const };
  const border = { top: thin, left: thin, bottom: thin, right: thin };
  PLAN_REPORT_COLUMNS.forEach((c, i) => {
    const cell = ws.getCell(headRow, i + 1);
    cell.value = c;
    cell.font = { ...font, size: 11, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = border;
  });
  const numbers = targetNumbers(d.targets);
  d.targets.forEach((t, i) => {
    const row = ws.getRow(headRow + 1 + i);
    row.values = [
      numbers[i]!,
      `${t.kindLabel}. ${t.basis}\n“${t.sentence}”`,
      vnDate(t.deadline),
      t.goalText,
      t.currentText,
      t.projectedText,
      `${t.statusLabel}\n${notesOf(t)}`,
    ];
    row.eachCell((cell, col) => {
      cell.font = { ...font, size: 11 };
      cell.alignment = { vertical: 'top', wrapText: true, horizontal: col === 2 || col === 7 ? 'left' : 'center' };
      cell.border = border;
    });
  });
  ws.pageSetup.printTitlesRow = `${headRow}:${headRow}`;
  r = headRow + d.targets.length + 2;
  const sig = r;
  ws.getCell(sig, 1).value = 'Nơi nhận:';
  ws.getCell(sig, 1).font = { ...font, size: 11, bold: true, italic: true };
  d.signature.recipients.forEach((x, i) => {
    ws.getCell(sig + 1 + i, 1).value = x;
    ws.getCell(sig + 1 + i, 1).font = { ...font, size: 10 };
  });
  put(sig, 4, 7, d.signature.authority, { font: { ...font, bold: true } });
  d.signature.position.forEach((p, i) => put(sig + 1 + i, 4, 7, p, { font: { ...font, bold: true } }));
  if (d.signature.signer) put(sig + d.signature.position.length + 5, 4, 7, d.signature.signer, { font: { ...font, bold: true } });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
