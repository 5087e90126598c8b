import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { officialPdf } from './official-pdf.ts';
import { vnDate, type OfficialHeader, type SignatureBlock } from './official.ts';
import { tableReportXlsx, type TableReportData } from './table-report.ts';

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

/** The report as a plain table (the workbook's layout): the same header, text and signature as the PDF. */
export function planReportTable(d: PlanReportData): TableReportData {
  const numbers = targetNumbers(d.targets);
  const widths: (number | '*')[] = [18, '*', 52, 50, 50, 50, 110];
  return {
    header: d.header,
    signature: d.signature,
    intro: [
      `Kế hoạch số ${d.plan.number} ngày ${vnDate(d.plan.date)} của ${d.plan.issuer}: ${d.plan.title}. Số liệu tính đến ngày ${vnDate(d.asOf)}. ${d.basisNote}`,
    ],
    columns: PLAN_REPORT_COLUMNS.map((title, i) => ({ title, width: widths[i]!, align: i === 1 || i === 6 ? 'left' : 'center' })),
    rows: d.targets.map((t, i) => [
      numbers[i]!,
      `${t.kindLabel}. ${t.basis}\n“${t.sentence}”`,
      vnDate(t.deadline),
      t.goalText,
      t.currentText,
      t.projectedText,
      `${t.statusLabel}\n${notesOf(t)}`,
    ]),
    summary: [],
    orientation: 'portrait',
    generated: d.generated,
  };
}

/** The same report as a worksheet: A4, fit to width, the header row repeated on every page. */
export const planReportXlsx = (d: PlanReportData): Promise<Buffer> => tableReportXlsx(planReportTable(d), 'Báo cáo');
