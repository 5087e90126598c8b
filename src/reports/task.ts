import { planReportPdf, planReportXlsx, type PlanReportData } from './plan-report.ts';
import { renderPdf } from './render.ts';
import { tableReportPdf, tableReportXlsx, type TableReportData } from './table-report.ts';

export type ReportFormat = 'pdf' | 'xlsx';

export type ReportTask =
  { report: 'plan'; format: ReportFormat; data: PlanReportData } | { report: 'table'; format: ReportFormat; data: TableReportData; sheet: string };

/** Runs in a worker thread: lays out and writes one report. */
export default async function reportTask(task: ReportTask): Promise<Uint8Array> {
  let bytes: Buffer;
  if (task.report === 'plan') bytes = task.format === 'pdf' ? await renderPdf(planReportPdf(task.data)) : await planReportXlsx(task.data);
  else bytes = task.format === 'pdf' ? await renderPdf(tableReportPdf(task.data)) : await tableReportXlsx(task.data, task.sheet);
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
