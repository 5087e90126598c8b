/**
 * The forecast of a target: the value projected at the deadline from the trend of the years so far, and from the
 * units close to the goal (within one or two criteria), with a status and the reason in one Vietnamese sentence.
 * Pure: the history and the near units come from the caller.
 */

export type ForecastStatus = 'achieved' | 'on-track' | 'at-risk' | 'off-track' | 'missed';

export const FORECAST_LABELS: Record<ForecastStatus, string> = {
  achieved: 'Đã đạt',
  'on-track': 'Đúng tiến độ',
  'at-risk': 'Có nguy cơ không đạt',
  'off-track': 'Chậm tiến độ',
  missed: 'Không đạt',
};

export interface HistoryPoint {
  year: number;
  value: number;
}

/** A unit that could move the figure toward the goal, with what it still lacks. */
export interface NearUnit {
  code: string;
  name: string;
  /** Criteria still to meet (1 or 2 for the units counted as able to close the gap). */
  gap: number;
  missing: string[];
}

export interface ForecastInput {
  goal: number;
  direction: 'at-least' | 'at-most';
  /** The figure today (as of the date asked). */
  current: number;
  /** The figure at the end of each past year, ascending by year (the current year may be included). */
  history: HistoryPoint[];
  /** The date asked and the target's deadline, yyyy-mm-dd. */
  asOf: string;
  deadline: string;
  /** Units within one or two criteria of the goal, and how much each moves the figure when it gets there. */
  near: NearUnit[];
  stepPerUnit: number;
  /** The largest value the figure can take (the number of units, 100 %…), to clamp the projection. */
  ceiling?: number;
  /** What replaces the trend in the reason when there is none to speak of (a single named unit). */
  trendNote?: string;
  /** How the figure is said: "12 xã", "35,0 %"… */
  say: (v: number) => string;
}

export interface Forecast {
  status: ForecastStatus;
  /** The value projected at the deadline (null once the deadline has passed: the figure is final). */
  projected: number | null;
  /** The yearly trend used for the projection (change per year), null with fewer than two years. */
  perYear: number | null;
  /** The value if every near unit closed its gap. */
  withNear: number;
  reason: string;
  /** The units that would close the gap, closest first. */
  closers: NearUnit[];
}

const meets = (v: number, goal: number, direction: 'at-least' | 'at-most') => (direction === 'at-least' ? v >= goal - 1e-9 : v <= goal + 1e-9);

/** Least-squares slope per year of the points (null with fewer than two distinct years). */
export function trendPerYear(points: readonly HistoryPoint[]): number | null {
  if (new Set(points.map((p) => p.year)).size < 2) return null;
  const n = points.length;
  const mx = points.reduce((s, p) => s + p.year, 0) / n;
  const my = points.reduce((s, p) => s + p.value, 0) / n;
  let num = 0;
  let den = 0;
  for (const p of points) {
    num += (p.year - mx) * (p.value - my);
    den += (p.year - mx) ** 2;
  }
  return num / den;
}

/** Years (fractional) from one date to another. */
function yearsBetween(from: string, to: string): number {
  return (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / (365.25 * 86_400_000);
}

function viDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

export function forecastTarget(f: ForecastInput): Forecast {
  const { goal, direction, current, say } = f;
  const closers = [...f.near].sort((a, b) => a.gap - b.gap || a.name.localeCompare(b.name, 'vi'));
  const sign = direction === 'at-least' ? 1 : -1;
  const clamp = (v: number) => Math.max(0, f.ceiling === undefined ? v : Math.min(f.ceiling, v));
  const withNear = clamp(current + sign * f.stepPerUnit * closers.length);
  const perYear = trendPerYear(f.history);
  if (f.asOf > f.deadline) {
    const ok = meets(current, goal, direction);
    return {
      status: ok ? 'achieved' : 'missed',
      projected: null,
      perYear,
      withNear,
      closers: ok ? [] : closers,
      reason: ok
        ? `Đã đạt: đến thời hạn ${viDate(f.deadline)} kết quả là ${say(current)}, chỉ tiêu ${say(goal)}.`
        : `Không đạt: đã quá thời hạn ${viDate(f.deadline)}, kết quả ${say(current)} so với chỉ tiêu ${say(goal)}.`,
    };
  }
  if (meets(current, goal, direction))
    return { status: 'achieved', projected: current, perYear, withNear, closers: [], reason: `Đã đạt trước thời hạn: ${say(current)}, chỉ tiêu ${say(goal)}.` };
  const left = yearsBetween(f.asOf, f.deadline);
  const projected = clamp(current + (perYear ?? 0) * left);
  const trend =
    perYear === null
      ? (f.trendNote ?? 'chưa đủ hai năm số liệu để tính xu hướng')
      : `theo xu hướng ${f.history[0]!.year}–${f.history[f.history.length - 1]!.year} (${perYear >= 0 ? '+' : ''}${formatNumber(perYear)}/năm)`;
  if (perYear !== null && meets(projected, goal, direction))
    return {
      status: 'on-track',
      projected,
      perYear,
      withNear,
      closers,
      reason: `Đúng tiến độ: ${trend}, đến ${viDate(f.deadline)} dự kiến ${say(projected)}, chỉ tiêu ${say(goal)}.`,
    };
  const nearText =
    closers.length === 0
      ? 'không có đơn vị nào chỉ còn thiếu 1–2 tiêu chí'
      : `${closers.length} đơn vị chỉ còn thiếu 1–2 tiêu chí, nếu đạt cả thì được ${say(withNear)}`;
  if (meets(withNear, goal, direction))
    return {
      status: 'at-risk',
      projected,
      perYear,
      withNear,
      closers,
      reason: `Có nguy cơ không đạt: ${trend}, đến ${viDate(f.deadline)} dự kiến ${say(projected)}, chỉ tiêu ${say(goal)}; ${nearText}.`,
    };
  return {
    status: 'off-track',
    projected,
    perYear,
    withNear,
    closers,
    reason: `Chậm tiến độ: ${trend}, đến ${viDate(f.deadline)} dự kiến ${say(projected)}, chỉ tiêu ${say(goal)}; ${nearText}.`,
  };
}

/** A number the Vietnamese way: comma for decimals, at most two of them. */
const VI_NUMBER = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });
export function formatNumber(v: number): string {
  return VI_NUMBER.format(Math.round(v * 100) / 100);
}
