import { FORECAST_LABELS } from '../../domain/plans/forecast.ts';
import { TARGET_KIND_LABELS, type PlanDocument } from '../../domain/plans/targets.ts';
import { formatNumber } from '../../domain/plans/forecast.ts';
import { committeeOf, defaultSignature, placeOf, vnDate } from '../../reports/official.ts';
import type { PlanReportData, ReportTarget } from '../../reports/plan-report.ts';
import type { PlanRow } from '../../db/repos/plans.ts';
import type { TargetProgress } from './progress.ts';

const BASIS: Record<TargetProgress['counts'], string> = {
  recognition: 'Tính theo quyết định công nhận',
  evaluation: 'Tính theo kết quả đánh giá số liệu đã duyệt',
};

/** The projected figure in the words of the current one ("2,1 xã/50"); for a named unit, whether it is expected to make it. */
function projectedText(t: TargetProgress): string {
  const f = t.forecast;
  if (!f) return '—';
  if (f.projected === null) return 'Đã hết hạn';
  if (t.kind === 'unit-reaches-tier') return f.status === 'achieved' || f.status === 'on-track' ? 'Dự kiến đạt' : 'Dự kiến chưa đạt';
  const lead = /^\d+(?:[.,]\d+)?/u;
  if (!lead.test(t.currentText)) return formatNumber(f.projected);
  return t.currentText.replace(lead, formatNumber(f.projected)).replace(/\s*\(.*\)\s*$/u, '');
}

function line(t: TargetProgress): ReportTarget {
  return {
    key: t.key,
    parentKey: t.parentKey,
    kindLabel: TARGET_KIND_LABELS[t.kind],
    sentence: t.sentence,
    deadline: t.deadline,
    basis: BASIS[t.counts],
    goalText: t.goalText,
    currentText: t.current === null ? (t.missing ?? 'Chưa có số liệu') : t.currentText,
    projectedText: projectedText(t),
    statusLabel: t.forecast ? FORECAST_LABELS[t.forecast.status] : 'Chưa đánh giá được',
    reason: t.forecast?.reason ?? t.missing ?? '',
    lineage: t.lineage,
    closers: (t.forecast?.closers ?? []).slice(0, 10).map((c) => `${c.name}: ${c.missing.join(', ') || `còn ${c.gap} tiêu chí`}`),
  };
}

/**
 * The plan progress report as the issuing body would send it up: its committee as the issuer, the number left for
 * the clerk unless given, the date of the report, every target with its progress and forecast, and the signature
 * block. Nothing here reads the database: the progress is computed (and cached) by the caller.
 */
export function planReportData(
  row: PlanRow,
  targets: TargetProgress[],
  opts: { asOf: string; date: string; number: string | null; basisNote: string; now: Date },
): PlanReportData {
  const d = row.document as PlanDocument;
  return {
    header: {
      parentBody: null,
      body: committeeOf(row.scopeName),
      number: opts.number,
      kindCode: 'BC',
      bodyCode: 'UBND',
      place: placeOf(row.scopeName),
      date: opts.date,
      kind: 'BÁO CÁO',
      subject: `Tiến độ thực hiện Kế hoạch số ${row.number} ngày ${vnDate(row.issuedOn)}, tính đến ngày ${vnDate(opts.asOf)}`,
    },
    signature: defaultSignature(),
    plan: { number: row.number, date: row.issuedOn, issuer: d.issuer, title: d.title, scope: row.scopeName },
    asOf: opts.asOf,
    basisNote: opts.basisNote,
    targets: targets.map(line),
    generated: `Lập từ hệ thống Chung Sức lúc ${opts.now.toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' })}; số liệu đã duyệt và quyết định công nhận đến ngày ${vnDate(opts.asOf)}.`,
  };
}
