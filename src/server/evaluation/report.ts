import type { ValueBasis } from '../../domain/assessments/workflow.ts';
import { TIER_LABELS, type RecognitionTier } from '../../domain/recognition/steps.ts';
import { committeeOf, defaultSignature, placeOf, vnDate } from '../../reports/official.ts';
import type { TableReportData } from '../../reports/table-report.ts';
import type { Overview } from './overview.ts';

const BASIS_TEXT: Record<ValueBasis, string> = {
  approved: 'chỉ số liệu đã được tỉnh phê duyệt',
  submitted: 'số liệu đã gửi, đã thẩm tra và đã phê duyệt (gồm số liệu chưa duyệt)',
  all: 'mọi số liệu, kể cả bản nháp chưa gửi',
};

const tierText = (t: string | null): string => (t ? (TIER_LABELS[t as RecognitionTier] ?? t) : 'Chưa đạt chuẩn');

/**
 * The criteria results of every commune the reader may see, as of a date and for a year: one row per commune with
 * the criteria met out of the total, the criteria without data, the tier, and why a row has no figures. Issued in
 * the name of the reader's own committee.
 */
export function overviewReportData(
  o: Omit<Overview, 'rows'> & { rows: Overview['rows'] },
  issuer: { fullName: string; name: string },
  opts: { date: string; number: string | null; now: Date },
): TableReportData {
  const rows = o.rows;
  const evaluated = rows.filter((r) => r.criteriaMet !== null);
  const byTier = new Map<string, number>();
  for (const r of evaluated) byTier.set(tierText(r.tier), (byTier.get(tierText(r.tier)) ?? 0) + 1);
  const anySample = rows.some((r) => r.sample || r.groupSample);
  return {
    header: {
      parentBody: null,
      body: committeeOf(issuer.fullName),
      number: opts.number,
      kindCode: 'BC',
      bodyCode: 'UBND',
      place: placeOf(issuer.name),
      date: opts.date,
      kind: 'BÁO CÁO',
      subject: `Kết quả thực hiện bộ tiêu chí nông thôn mới của các xã năm ${o.year}, tính đến ngày ${vnDate(o.asOf)}`,
    },
    signature: defaultSignature(),
    intro: [
      `Đơn vị hành chính theo danh mục có hiệu lực ngày ${vnDate(o.asOf)}; bộ tiêu chí áp dụng cho năm ${o.year}: ${o.sets.join(', ') || 'không có'}. Tính ${BASIS_TEXT[o.basis]}.`,
      'Mức đạt là kết quả tính tự động từ số liệu; việc công nhận đạt chuẩn do cấp có thẩm quyền quyết định theo Quyết định số 18/2022/QĐ-TTg.' +
        (anySample ? ' Các dòng đánh dấu (*) có số liệu hoặc nhóm xã mẫu, chưa phải số liệu chính thức.' : ''),
    ],
    columns: [
      { title: 'TT', width: 22, align: 'center' },
      { title: 'Đơn vị', width: '*' },
      { title: 'Thuộc', width: 90 },
      { title: 'Tiêu chí đạt', width: 52, align: 'center' },
      { title: 'Chưa có số liệu', width: 52, align: 'center' },
      { title: 'Mức đạt', width: 110 },
    ],
    rows: rows.map((r, i) => [
      String(i + 1),
      `${r.fullName} (${r.code})${r.sample || r.groupSample ? ' (*)' : ''}`,
      r.parentName ?? '',
      r.criteriaMet === null ? '—' : `${r.criteriaMet}/${r.criteriaTotal}`,
      r.criteriaNoData === null ? '—' : String(r.criteriaNoData),
      r.criteriaMet === null ? (r.explanation ?? 'Không có bộ tiêu chí áp dụng') : tierText(r.tier),
    ]),
    summary: [
      `Tổng số: ${rows.length} đơn vị; đánh giá được ${evaluated.length}.` + (byTier.size ? ` ${[...byTier].map(([t, n]) => `${t}: ${n}`).join('; ')}.` : ''),
    ],
    orientation: 'portrait',
    generated: `Lập từ hệ thống Chung Sức lúc ${opts.now.toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' })}.`,
  };
}
