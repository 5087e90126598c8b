/**
 * Progress of a plan's targets as of any date, computed live from approved evaluations (through the overview,
 * cached per data revision) and from recognition decisions, with the forecast of each. A target keeps the
 * meaning it had when it was set: its units are those in force on its `unitsAsOf` date (the plan's date), and a
 * unit named by a plan is followed through the 1/7/2025 lineage, which the answer explains.
 */
import type { Db } from '../../db/client.ts';
import { valuesForView } from '../../db/repos/assessments.ts';
import { listDossiers, stepsOf } from '../../db/repos/recognition.ts';
import { findUnitAsOf, lineageOf, listUnitsAsOf, type UnitWithParent } from '../../db/repos/units.ts';
import type { Tier } from '../../domain/criteria/schema.ts';
import { forecastTarget, formatNumber, type Forecast, type HistoryPoint, type NearUnit } from '../../domain/plans/forecast.ts';
import { goalOf, targetUnitsAsOf, targetUnitTypes, type CountBasis, type PlanDocument, type Target } from '../../domain/plans/targets.ts';
import { recognisedAsOf, tierRank, viDate, type RecordedStep } from '../../domain/recognition/rules.ts';
import { TIER_LABELS, type RecognitionTier } from '../../domain/recognition/steps.ts';
import { cachedOverview } from '../evaluation/overview-cache.ts';
import { evaluateUnit, overview, type OverviewRow } from '../evaluation/service.ts';
import { recordedSteps } from '../recognition/present.ts';

const LEVEL_NOUN: Record<string, string> = { commune: 'xã', district: 'đơn vị cấp huyện', hamlet: 'xóm', province: 'tỉnh' };

/** Candidates whose gap is worked out one by one (the full evaluation): a bound on the cost of a forecast. */
const MAX_CANDIDATES = 60;

export interface UnitLink {
  code: string;
  name: string;
  parentName: string | null;
}

export interface TargetProgress {
  key: string;
  kind: Target['kind'];
  sentence: string;
  deadline: string;
  counts: CountBasis;
  note: string | null;
  parentKey: string | null;
  goal: number;
  direction: 'at-least' | 'at-most';
  /** The figure as of the date, in the target's terms (units, percent, times the baseline); null without data. */
  current: number | null;
  /** "12/50 xã", "35 %"… */
  currentText: string;
  goalText: string;
  /** The same figure on the other basis (evaluation when the target counts recognition), to compare. */
  other: { basis: CountBasis; value: number; text: string } | null;
  /** Units the figure is made of (the units counted) and the units of the scope, for the lists behind the numbers. */
  counted: UnitLink[];
  total: number | null;
  history: HistoryPoint[];
  forecast: Forecast | null;
  /** What happened to the units it names since the plan (mergers, wards where commune sets no longer apply). */
  lineage: string[];
  /** Why there is no figure (no baseline recorded…), or null. */
  missing: string | null;
}

interface Standing {
  unit: UnitWithParent;
  /** Of the latest year up to the one asked that has approved values. */
  row: OverviewRow | null;
  year: number | null;
  recognised: RecognitionTier | null;
}

const endOfYear = (y: number, asOf: string) => (`${y}-12-31` < asOf ? `${y}-12-31` : asOf);
const yearOf = (d: string) => Number(d.slice(0, 4));

/** What the targets of one plan share while their progress is computed: units per date, dossiers, overviews. */
class Memo {
  private units = new Map<string, Promise<UnitWithParent[]>>();
  private rows = new Map<string, Promise<Map<number, OverviewRow>>>();
  private dossiers: Promise<Map<number, { tier: RecognitionTier; steps: RecordedStep[] }[]>> | null = null;
  constructor(private db: Db) {}
  unitsOn(date: string): Promise<UnitWithParent[]> {
    let p = this.units.get(date);
    if (!p) this.units.set(date, (p = listUnitsAsOf(this.db, date)));
    return p;
  }
  overviewRows(asOf: string, year: number, level: string): Promise<Map<number, OverviewRow>> {
    const key = `${asOf}|${year}|${level}`;
    let p = this.rows.get(key);
    if (!p) {
      const db = this.db;
      p = cachedOverview(db, { asOf, year, level, basis: 'approved' }, () => overview(db, asOf, year, level, 'approved')).then(
        (o) => new Map(o.rows.map((r) => [r.id, r])),
      );
      this.rows.set(key, p);
    }
    return p;
  }
  allDossiers() {
    return (this.dossiers ??= dossierSteps(this.db));
  }
}

/** The units of a level under a scope unit on a date (the scope itself for a named unit). */
async function unitsUnder(memo: Memo, scope: UnitWithParent, level: string, asOf: string, types: readonly string[] | null): Promise<UnitWithParent[]> {
  if (scope.level === level) return [scope];
  const all = await memo.unitsOn(asOf);
  const parent = new Map(all.map((u) => [u.id, u.parentId]));
  const under = (id: number): boolean => {
    for (let p = parent.get(id); p; p = parent.get(p)) if (p === scope.id) return true;
    return false;
  };
  return all.filter((u) => u.level === level && (!types || types.includes(u.type)) && under(u.id));
}

/** Overview rows by unit id for the years asked, the units being those of `unitsAsOf`. */
async function rowsByYear(memo: Memo, unitsAsOf: string, level: string, years: number[]): Promise<Map<number, Map<number, OverviewRow>>> {
  const out = new Map<number, Map<number, OverviewRow>>();
  for (const y of years) out.set(y, await memo.overviewRows(unitsAsOf, y, level));
  return out;
}

/** Every dossier of the register with its dated steps, by unit id. */
async function dossierSteps(db: Db): Promise<Map<number, { tier: RecognitionTier; steps: RecordedStep[] }[]>> {
  const rows = await listDossiers(db);
  const steps = await stepsOf(
    db,
    rows.map((r) => r.id),
  );
  const out = new Map<number, { tier: RecognitionTier; steps: RecordedStep[] }[]>();
  for (const r of rows) out.set(r.unitId, [...(out.get(r.unitId) ?? []), { tier: r.tier as RecognitionTier, steps: recordedSteps(steps.get(r.id) ?? []) }]);
  return out;
}

/** Each unit's standing at the end of a year: its latest evaluated year up to then, and what it is recognised at. */
function standingsAt(
  units: UnitWithParent[],
  rows: Map<number, Map<number, OverviewRow>>,
  dossiers: Map<number, { tier: RecognitionTier; steps: RecordedStep[] }[]>,
  year: number,
  date: string,
): Standing[] {
  return units.map((u) => {
    let row: OverviewRow | null = null;
    let at: number | null = null;
    for (let y = year; y >= Math.min(...rows.keys()) && !row; y--) {
      const r = rows.get(y)?.get(u.id);
      if (r?.hasValues && r.set) {
        row = r;
        at = y;
      }
    }
    const held = recognisedAsOf(dossiers.get(u.id) ?? [], u.validTo && u.validTo < date ? u.validTo : date);
    return { unit: u, row, year: at, recognised: held?.tier ?? null };
  });
}

const reaches = (s: Standing, tier: RecognitionTier, basis: CountBasis) =>
  tierRank(basis === 'recognition' ? s.recognised : ((s.row?.tier as Tier | null) ?? null)) >= tierRank(tier);

const link = (u: UnitWithParent, parentName: string | null = null): UnitLink => ({ code: u.code, name: u.fullName, parentName });

/** Units within one or two criteria of a tier, with what they lack (a full evaluation of the tier's set each). */
async function nearUnits(db: Db, standings: Standing[], tier: RecognitionTier, basis: CountBasis, asOf: string): Promise<NearUnit[]> {
  const out: NearUnit[] = [];
  const open = standings.filter((s) => !reaches(s, tier, basis) && s.row && s.year !== null);
  for (const s of open) {
    // Reached by the evaluation, not yet by a decision: only the recognition is missing.
    if (basis === 'recognition' && reaches(s, tier, 'evaluation'))
      out.push({ code: s.unit.code, name: s.unit.fullName, gap: 0, missing: ['chưa có quyết định công nhận'] });
  }
  const rank = tierRank(tier);
  const candidates = open
    .filter((s) => !out.some((o) => o.code === s.unit.code))
    .filter((s) => tierRank((s.row!.tier as Tier | null) ?? null) === rank - 1)
    .filter((s) => rank > 1 || s.row!.criteriaTotal! - s.row!.criteriaMet! <= 2)
    .slice(0, MAX_CANDIDATES);
  for (const s of candidates) {
    const unitAsOf = s.unit.validTo && s.unit.validTo < asOf ? s.unit.validTo : asOf;
    const e = await evaluateUnit(db, s.unit.code, unitAsOf, s.year!, undefined, undefined, 'approved');
    const evaluation = [e.evaluation, e.highest].find((x) => x?.setTier === tier) ?? (rank > 1 ? await tierEvaluation(db, s, tier, unitAsOf) : e.evaluation);
    if (!evaluation) continue;
    const missing = Object.values(evaluation.criteria).filter((c) => c.status !== 'met' && c.status !== 'basically-met');
    if (missing.length >= 1 && missing.length <= 2)
      out.push({ code: s.unit.code, name: s.unit.fullName, gap: missing.length, missing: missing.map((c) => `${c.code}. ${c.name}`) });
  }
  return out;
}

/** The evaluation of a unit on the set of one tier (advanced, model) for its latest year. */
async function tierEvaluation(db: Db, s: Standing, tier: RecognitionTier, asOf: string) {
  const first = await evaluateUnit(db, s.unit.code, asOf, s.year!, undefined, undefined, 'approved');
  const chain = [first.highest, first.evaluation].filter((x) => x !== null);
  for (const ev of chain) {
    if (ev.setTier === tier) return ev;
    for (const p of ev.prerequisites) if (p.tier === tier) return (await evaluateUnit(db, s.unit.code, asOf, s.year!, p.set, undefined, 'approved')).evaluation;
  }
  return null;
}

/** What became of a unit named by a plan: merged, or a ward where commune sets no longer apply; a district abolished. */
async function lineageNotes(db: Db, u: UnitWithParent): Promise<string[]> {
  if (!u.validTo) return [];
  const { successors } = await lineageOf(db, u.id);
  const day = new Date(`${u.validTo}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + 1);
  const from = viDate(day.toISOString().slice(0, 10));
  if (successors.length === 0)
    return [
      u.level === 'district'
        ? `${u.fullName} (${u.code}) không còn từ ${from} (bỏ cấp huyện); kết quả tính đến ${viDate(u.validTo)}.`
        : `${u.fullName} (${u.code}) không còn từ ${from}; kết quả tính đến ${viDate(u.validTo)}.`,
    ];
  return successors.map((s) => {
    const ward = s.type === 'Phường' && u.type !== 'Phường';
    return `${u.fullName} (${u.code}) đã trở thành một phần của ${s.fullName} (${s.code}) từ ${from}${
      ward
        ? '; bộ tiêu chí xã không áp dụng cho phường, nên kết quả của xã tính đến ' + viDate(u.validTo!)
        : '; kết quả của xã cũ tính đến ' + viDate(u.validTo!)
    }.`;
  });
}

/** Progress and forecast of every target of a plan as of a date. */
export async function planProgress(db: Db, plan: PlanDocument, asOf: string): Promise<TargetProgress[]> {
  const memo = new Memo(db);
  const out: TargetProgress[] = [];
  for (const t of plan.targets) out.push(await targetProgress(db, plan, t, asOf, memo));
  return out;
}

export async function targetProgress(db: Db, plan: PlanDocument, t: Target, asOf: string, memo = new Memo(db)): Promise<TargetProgress> {
  const unitsAsOf = targetUnitsAsOf(t, plan);
  const { goal, direction } = goalOf(t);
  const lastYear = Math.max(plan.period.from, Math.min(yearOf(asOf), yearOf(t.deadline)));
  const years: number[] = [];
  for (let y = plan.period.from; y <= lastYear; y++) years.push(y);
  const code = t.kind === 'unit-reaches-tier' ? t.unit : t.scope;
  const scope = await findUnitAsOf(db, code, unitsAsOf);
  const base: Omit<TargetProgress, 'current' | 'currentText' | 'goalText' | 'other' | 'counted' | 'total' | 'history' | 'forecast' | 'missing'> = {
    key: t.key,
    kind: t.kind,
    sentence: t.sentence,
    deadline: t.deadline,
    counts: t.counts,
    note: t.note ?? null,
    parentKey: t.parentKey ?? null,
    goal,
    direction,
    lineage: [],
  };
  if (!scope)
    return {
      ...base,
      current: null,
      currentText: '—',
      goalText: String(goal),
      other: null,
      counted: [],
      total: null,
      history: [],
      forecast: null,
      missing: `Không có đơn vị mã "${code}" vào ngày ${viDate(unitsAsOf)}`,
    };
  const level = t.kind === 'unit-reaches-tier' ? scope.level : t.level;
  const units = await unitsUnder(memo, scope, level, unitsAsOf, t.kind === 'unit-reaches-tier' ? null : targetUnitTypes(t));
  const parents = new Map((await memo.unitsOn(unitsAsOf)).map((u) => [u.id, u.fullName]));
  const linkOf = (u: UnitWithParent) => link(u, u.parentId ? (parents.get(u.parentId) ?? null) : null);
  const rows = await rowsByYear(memo, unitsAsOf, level, years);
  const dossiers = await memo.allDossiers();
  const at = (y: number) => standingsAt(units, rows, dossiers, y, endOfYear(y, asOf));
  const now = at(lastYear);
  const noun = LEVEL_NOUN[level] ?? 'đơn vị';
  // A year counts for the trend when there is something to count then: a decision, or approved values of that year.
  const hasData = (y: number, basis: CountBasis) => basis === 'recognition' || units.some((u) => rows.get(y)?.get(u.id)?.hasValues);
  const yearlyHistory = (value: (s: Standing[]) => number, basis: CountBasis = 'evaluation') =>
    years.filter((y) => hasData(y, basis)).map((y) => ({ year: y, value: value(at(y)) }));

  switch (t.kind) {
    case 'units-reach-tier':
    case 'share-reaches-tier': {
      const count = (ss: Standing[], basis: CountBasis) => ss.filter((s) => reaches(s, t.tier, basis)).length;
      const asShare = t.kind === 'share-reaches-tier';
      const figure = (n: number) => (asShare ? (units.length ? (100 * n) / units.length : 0) : n);
      const say = (v: number) => (asShare ? `${formatNumber(v)} %` : `${Math.round(v)} ${noun}`);
      const current = figure(count(now, t.counts));
      const otherBasis: CountBasis = t.counts === 'recognition' ? 'evaluation' : 'recognition';
      const otherValue = figure(count(now, otherBasis));
      const history = yearlyHistory((ss) => figure(count(ss, t.counts)), t.counts);
      const near = level === 'hamlet' ? [] : await nearUnits(db, now, t.tier, t.counts, asOf);
      return {
        ...base,
        current,
        currentText: asShare ? `${say(current)} (${count(now, t.counts)}/${units.length} ${noun})` : `${say(current)}/${t.count}`,
        goalText: asShare ? `${formatNumber(t.percent)} %` : `${t.count} ${noun}`,
        other: { basis: otherBasis, value: otherValue, text: say(otherValue) },
        counted: now.filter((s) => reaches(s, t.tier, t.counts)).map((s) => linkOf(s.unit)),
        total: units.length,
        history,
        forecast: forecastTarget({
          goal,
          direction,
          current,
          history,
          asOf,
          deadline: t.deadline,
          near,
          stepPerUnit: asShare ? 100 / Math.max(1, units.length) : 1,
          ceiling: asShare ? 100 : units.length,
          say,
        }),
        missing: units.length === 0 ? `Không có ${noun} nào thuộc ${scope.fullName} vào ngày ${viDate(unitsAsOf)}` : null,
      };
    }
    case 'unit-reaches-tier': {
      const s = now[0]!;
      const ok = (x: Standing, basis: CountBasis) => (reaches(x, t.tier, basis) ? 1 : 0);
      const current = ok(s, t.counts);
      const otherBasis: CountBasis = t.counts === 'recognition' ? 'evaluation' : 'recognition';
      const say = (v: number) => (v >= 1 ? TIER_LABELS[t.tier] : `chưa ${TIER_LABELS[t.tier]}`);
      const near = await nearUnits(db, now, t.tier, t.counts, asOf);
      const lineage = await lineageNotes(db, scope);
      return {
        ...base,
        lineage,
        current,
        currentText: `${scope.fullName}: ${say(current)}`,
        goalText: `${scope.fullName} ${TIER_LABELS[t.tier]}`,
        other: { basis: otherBasis, value: ok(s, otherBasis), text: say(ok(s, otherBasis)) },
        counted: current ? [linkOf(scope)] : [],
        total: 1,
        history: [],
        forecast: forecastTarget({
          goal,
          direction,
          current,
          history: [],
          asOf,
          deadline: t.deadline,
          near,
          stepPerUnit: 1,
          ceiling: 1,
          trendNote: s.row
            ? `theo đánh giá năm ${s.year}, ${scope.fullName} ${s.row.tier ? 'đạt mức "' + (TIER_LABELS[s.row.tier as RecognitionTier] ?? s.row.tier) + '"' : 'chưa đạt chuẩn'}`
            : `${scope.fullName} chưa có số liệu đã duyệt`,
          say,
        }),
        missing: null,
      };
    }
    case 'min-criteria': {
      const below = (ss: Standing[]) => ss.filter((s) => s.row && s.row.criteriaMet! < t.minCriteria);
      const current = below(now).length;
      const noData = now.filter((s) => !s.row).length;
      const history = yearlyHistory((ss) => below(ss).length);
      const near = below(now)
        .filter((s) => t.minCriteria - s.row!.criteriaMet! <= 2)
        .map((s) => ({
          code: s.unit.code,
          name: s.unit.fullName,
          gap: t.minCriteria - s.row!.criteriaMet!,
          missing: [`đạt ${s.row!.criteriaMet}/${s.row!.criteriaTotal} tiêu chí`],
        }));
      const say = (v: number) => `${Math.round(v)} ${noun}`;
      return {
        ...base,
        current,
        currentText: `${current} ${noun} dưới ${t.minCriteria} tiêu chí${noData ? ` (${noData} ${noun} chưa có số liệu đã duyệt)` : ''}`,
        goalText: `không còn ${noun} dưới ${t.minCriteria} tiêu chí`,
        other: null,
        counted: below(now).map((s) => linkOf(s.unit)),
        total: units.length,
        history,
        forecast: forecastTarget({ goal, direction, current, history, asOf, deadline: t.deadline, near, stepPerUnit: 1, ceiling: units.length, say }),
        missing: null,
      };
    }
    case 'indicator-factor': {
      const means: HistoryPoint[] = [];
      const counted: UnitLink[] = [];
      for (const y of years) {
        const values = await valuesForView(
          db,
          [t.family],
          y,
          units.map((u) => u.id),
          'approved',
        );
        const nums: number[] = [];
        for (const u of units) {
          const v = values.get(u.id)?.byFamily[t.family]?.[t.indicator];
          if (typeof v === 'number' && Number.isFinite(v)) {
            nums.push(v);
            if (y === lastYear) counted.push(linkOf(u));
          }
        }
        if (nums.length) means.push({ year: y, value: nums.reduce((a, b) => a + b, 0) / nums.length });
      }
      const baseline = t.baselineValue;
      const latest = means[means.length - 1];
      const missing =
        baseline === null
          ? `Chưa có giá trị năm gốc ${t.baselineYear}: cần nhập từ số liệu thống kê chính thức để tính tiến độ`
          : !latest
            ? `Chưa có số liệu đã duyệt của chỉ tiêu ${t.indicator}`
            : null;
      if (missing || baseline === null || !latest)
        return {
          ...base,
          current: null,
          currentText: latest ? `trung bình ${formatNumber(latest.value)} (năm ${latest.year})` : '—',
          goalText: `gấp ${formatNumber(t.factor)} lần năm ${t.baselineYear}`,
          other: null,
          counted,
          total: units.length,
          history: [],
          forecast: null,
          missing,
        };
      const history = means.map((m) => ({ year: m.year, value: m.value / baseline }));
      const current = latest.value / baseline;
      const say = (v: number) => `${formatNumber(v)} lần`;
      return {
        ...base,
        current,
        currentText: `${say(current)} năm ${t.baselineYear} (trung bình ${formatNumber(latest.value)} năm ${latest.year}, năm gốc ${formatNumber(baseline)})`,
        goalText: `gấp ${formatNumber(t.factor)} lần năm ${t.baselineYear}`,
        other: null,
        counted,
        total: units.length,
        history,
        forecast: forecastTarget({ goal, direction, current, history, asOf, deadline: t.deadline, near: [], stepPerUnit: 0, say }),
        missing: null,
      };
    }
  }
}
