/**
 * Plans (kế hoạch) and their targets (chỉ tiêu của kế hoạch) as data: the kinds of target the two source plans use
 * (Plan 2452/KH-UBND of the province and Plan 313/KH-UBND of the city), and the rules a plan must keep. Pure
 * schemas and functions, no I/O; the checks that need the database (units in force, numbers already used) take
 * their facts from the caller.
 */
import { z } from 'zod';
import { DomainError } from '../errors.ts';
import { RECOGNITION_TIERS } from '../recognition/steps.ts';
import { viDate } from '../recognition/rules.ts';

export const TARGET_KINDS = ['units-reach-tier', 'unit-reaches-tier', 'share-reaches-tier', 'min-criteria', 'indicator-factor'] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];

/** What a target counts: recognition decisions (the legal act) or the computed evaluation of approved values. */
export const COUNT_BASES = ['recognition', 'evaluation'] as const;
export type CountBasis = (typeof COUNT_BASES)[number];

/** Vietnamese names of the kinds, for screens and reports. */
export const TARGET_KIND_LABELS: Record<TargetKind, string> = {
  'units-reach-tier': 'Số đơn vị đạt chuẩn',
  'unit-reaches-tier': 'Đơn vị cụ thể đạt chuẩn',
  'share-reaches-tier': 'Tỷ lệ đơn vị đạt chuẩn',
  'min-criteria': 'Không còn đơn vị dưới số tiêu chí',
  'indicator-factor': 'Chỉ tiêu tăng so với năm gốc',
};

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'phải có dạng yyyy-mm-dd');
const unitCode = z.string().regex(/^\d{2,6}$/, 'mã đơn vị hành chính gồm 2–6 chữ số');
const key = z.string().regex(/^[a-z0-9][a-z0-9-]{0,59}$/, 'chỉ gồm chữ thường không dấu, số và dấu gạch ngang (tối đa 60 ký tự)');
const text = (max: number) => z.string().trim().min(1, 'không được để trống').max(max, `tối đa ${max} ký tự`);
const tier = z.enum(RECOGNITION_TIERS, { error: 'phải là một trong: ntm, nang-cao, kieu-mau, hoan-thanh' });

const common = {
  key,
  /** The sentence of the plan the target comes from, verbatim. */
  sentence: text(2000),
  deadline: isoDate,
  counts: z.enum(COUNT_BASES, { error: 'phải là "recognition" (quyết định công nhận) hoặc "evaluation" (kết quả đánh giá)' }),
  /**
   * The date whose administrative units give the target its meaning (the plan's date by default): "50 xã" of a
   * 2022 plan counts the xã of the pre-1/7/2025 hierarchy, and a named unit is the one in force then.
   */
  unitsAsOf: isoDate.optional(),
  /** A cascaded target names the target it is a share of (its quota counts toward that target). */
  parentKey: key.nullable().optional(),
  /** The types of unit counted (by default Xã for communes, Huyện for districts: the types the sets are for). */
  unitTypes: z.array(z.string().trim().min(1).max(40)).min(1).max(10).optional(),
  note: z.string().trim().max(2000).nullable().optional(),
};

export const targetSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('units-reach-tier'),
    ...common,
    scope: unitCode,
    level: z.enum(['commune', 'district']),
    tier,
    count: z.number().int().min(1, 'phải từ 1 trở lên').max(100_000),
  }),
  z.object({ kind: z.literal('unit-reaches-tier'), ...common, unit: unitCode, tier }),
  z.object({
    kind: z.literal('share-reaches-tier'),
    ...common,
    scope: unitCode,
    level: z.enum(['hamlet', 'commune']),
    tier,
    percent: z.number().gt(0, 'phải lớn hơn 0').max(100, 'tỷ lệ không được vượt quá 100 %'),
  }),
  z.object({
    kind: z.literal('min-criteria'),
    ...common,
    scope: unitCode,
    level: z.literal('commune'),
    minCriteria: z.number().int().min(1).max(30),
  }),
  z.object({
    kind: z.literal('indicator-factor'),
    ...common,
    scope: unitCode,
    level: z.literal('commune'),
    family: z.string().min(1).max(100),
    indicator: z.string().min(1).max(20),
    factor: z.number().gt(0, 'phải lớn hơn 0').max(100),
    baselineYear: z.number().int().min(2000).max(2100),
    /** The baseline value, when known, with where it comes from; null until staff record it. */
    baselineValue: z.number().positive('phải lớn hơn 0').nullable(),
    baselineSource: z.string().trim().max(500).nullable().optional(),
    baselineSample: z.boolean().optional(),
  }),
]);
export type Target = z.infer<typeof targetSchema>;

export const planSchema = z
  .object({
    /** The official number, e.g. "2452/KH-UBND". */
    number: text(60),
    date: isoDate,
    issuer: text(200),
    title: text(500),
    /** The unit the plan is for (the province, the city…). */
    scope: unitCode,
    period: z.object({ from: z.number().int().min(2000).max(2100), to: z.number().int().min(2000).max(2100) }),
    /** The plan it implements, by number (Plan 313 implements Plan 2452). */
    implements: z.string().trim().max(60).nullable().optional(),
    source: z.string().trim().max(1000).nullable().optional(),
    sample: z.boolean().optional(),
    targets: z.array(targetSchema).max(200),
  })
  .strict();
export type PlanDocument = z.infer<typeof planSchema>;

/** The date whose units a target means. */
export function targetUnitsAsOf(t: Target, plan: Pick<PlanDocument, 'date'>): string {
  return t.unitsAsOf ?? plan.date;
}

const DEFAULT_TYPES: Record<string, readonly string[] | null> = { commune: ['Xã'], district: ['Huyện'], hamlet: null };

/** The types of unit a target counts (null: every unit of its level). */
export function targetUnitTypes(t: Target): readonly string[] | null {
  if (t.unitTypes) return t.unitTypes;
  return t.kind === 'unit-reaches-tier' ? null : (DEFAULT_TYPES[t.level] ?? null);
}

/** The number a target must reach and the direction of the comparison. */
export function goalOf(t: Target): { goal: number; direction: 'at-least' | 'at-most' } {
  switch (t.kind) {
    case 'units-reach-tier':
      return { goal: t.count, direction: 'at-least' };
    case 'unit-reaches-tier':
      return { goal: 1, direction: 'at-least' };
    case 'share-reaches-tier':
      return { goal: t.percent, direction: 'at-least' };
    case 'min-criteria':
      return { goal: 0, direction: 'at-most' };
    case 'indicator-factor':
      return { goal: t.factor, direction: 'at-least' };
  }
}

/** The units a target names (scope or unit), to be checked in force at their date by the caller. */
export function namedUnit(t: Target): string {
  return t.kind === 'unit-reaches-tier' ? t.unit : t.scope;
}

/**
 * The rules of a plan that need no database: the period, each deadline not before the plan's date and within
 * reason, keys unique, cascades naming a target of the same kind and their quotas not exceeding it. Throws a
 * DomainError naming the field (`targets[2].deadline`…).
 */
export function checkPlan(p: PlanDocument): void {
  const fail = (field: string, message: string): never => {
    throw new DomainError('VALIDATION', message, { field });
  };
  if (p.period.to < p.period.from) fail('period.to', `Giai đoạn kết thúc (${p.period.to}) trước khi bắt đầu (${p.period.from})`);
  const keys = new Map<string, number>();
  p.targets.forEach((t, i) => {
    const at = `targets[${i}]`;
    if (keys.has(t.key)) fail(`${at}.key`, `Chỉ tiêu thứ ${i + 1}: mã "${t.key}" trùng với chỉ tiêu thứ ${keys.get(t.key)! + 1}`);
    keys.set(t.key, i);
    if (t.deadline < p.date) fail(`${at}.deadline`, `Chỉ tiêu thứ ${i + 1}: thời hạn ${viDate(t.deadline)} trước ngày ban hành kế hoạch ${viDate(p.date)}`);
    if (t.unitsAsOf && t.unitsAsOf > t.deadline)
      fail(`${at}.unitsAsOf`, `Chỉ tiêu thứ ${i + 1}: ngày xác định đơn vị ${viDate(t.unitsAsOf)} sau thời hạn ${viDate(t.deadline)}`);
    if (t.kind === 'indicator-factor' && t.baselineYear >= Number(t.deadline.slice(0, 4)))
      fail(`${at}.baselineYear`, `Chỉ tiêu thứ ${i + 1}: năm gốc ${t.baselineYear} phải trước năm của thời hạn`);
  });
  p.targets.forEach((t, i) => {
    if (!t.parentKey) return;
    const at = `targets[${i}].parentKey`;
    const pi = keys.get(t.parentKey);
    if (pi === undefined) fail(at, `Chỉ tiêu thứ ${i + 1}: không có chỉ tiêu mã "${t.parentKey}" để phân bổ từ đó`);
    const parent = p.targets[pi!]!;
    if (parent.parentKey) fail(at, `Chỉ tiêu thứ ${i + 1}: chỉ phân bổ một cấp (chỉ tiêu "${parent.key}" đã là phần phân bổ)`);
    if (parent.kind !== t.kind || parent.kind !== 'units-reach-tier' || t.kind !== 'units-reach-tier')
      fail(at, `Chỉ tiêu thứ ${i + 1}: chỉ phân bổ được chỉ tiêu "số đơn vị đạt chuẩn" thành chỉ tiêu cùng loại`);
    const p2 = parent as Extract<Target, { kind: 'units-reach-tier' }>;
    const c = t as Extract<Target, { kind: 'units-reach-tier' }>;
    if (c.tier !== p2.tier || c.level !== p2.level)
      fail(at, `Chỉ tiêu thứ ${i + 1}: phần phân bổ phải cùng cấp đơn vị và mức đạt chuẩn với chỉ tiêu "${parent.key}"`);
    if (c.deadline > p2.deadline) fail(`targets[${i}].deadline`, `Chỉ tiêu thứ ${i + 1}: thời hạn sau thời hạn của chỉ tiêu "${parent.key}"`);
  });
  for (const [pk, pi] of keys) {
    const parent = p.targets[pi]!;
    if (parent.kind !== 'units-reach-tier') continue;
    const quotas = p.targets.filter((t) => t.parentKey === pk) as Extract<Target, { kind: 'units-reach-tier' }>[];
    const sum = quotas.reduce((s, t) => s + t.count, 0);
    if (sum > parent.count) {
      const last = p.targets.lastIndexOf(quotas[quotas.length - 1]!);
      fail(
        `targets[${last}].count`,
        `Tổng các phần phân bổ của chỉ tiêu "${pk}" là ${sum}, vượt chỉ tiêu ${parent.count} (${quotas.map((q) => `${q.scope}: ${q.count}`).join(', ')})`,
      );
    }
  }
}
