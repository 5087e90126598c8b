import '../zod-locale.ts';
import { z } from 'zod';

/**
 * The seven socio-economic regions used as threshold columns by the 2021–2025 sets
 * (QĐ 318/QĐ-TTg). Cao Bằng is in TDMNPB (Trung du và miền núi phía Bắc).
 */
export const REGIONS = {
  TDMNPB: 'Trung du và miền núi phía Bắc',
  DBSH: 'Đồng bằng sông Hồng',
  BTB: 'Bắc Trung Bộ',
  DHNTB: 'Duyên hải Nam Trung Bộ',
  TN: 'Tây Nguyên',
  DNB: 'Đông Nam Bộ',
  DBSCL: 'Đồng bằng sông Cửu Long',
} as const;
export type RegionCode = keyof typeof REGIONS;
export const regionCodeSchema = z.enum(Object.keys(REGIONS) as [RegionCode, ...RegionCode[]]);
export const DEFAULT_REGION: RegionCode = 'TDMNPB';

/** Commune groups of QĐ 51/2025/QĐ-TTg (2026–2030), replacing regions. */
export const communeGroupSchema = z.enum(['1', '2', '3']);
export type CommuneGroup = z.infer<typeof communeGroupSchema>;

/**
 * Rule kinds:
 * - `boolean`: the value is true/false; met when true (threshold shown as "Đạt").
 * - `min`: numeric, met when value ≥ threshold; optional `basicallyMet` lower bound.
 * - `max`: numeric, met when value ≤ threshold; optional `basicallyMet` upper bound.
 * - `status`: a direct assessment recorded by an officer ("met" | "basically-met" | "not-met", or true/false),
 *   for indicators judged by a guidance document rather than a number.
 * - `tier`: met when the unit reaches the tier of another set family (e.g. model commune KM.1 requires advanced).
 * - `min-relative`: numeric, met when value ≥ factor × the threshold of an indicator in another set family
 *   (e.g. model commune KM.2: income ≥ 110 % of the advanced-commune income threshold).
 */
export const ruleKindSchema = z.enum(['boolean', 'min', 'max', 'status', 'tier', 'min-relative']);
export type RuleKind = z.infer<typeof ruleKindSchema>;

export const thresholdSchema = z
  .object({
    region: regionCodeSchema.optional(),
    group: communeGroupSchema.optional(),
    year: z.number().int().min(2000).max(2100).optional(),
    /** null: the value is known to exist in the legal text but has not been read yet. */
    value: z.union([z.number(), z.boolean(), z.null()]),
    /** Bound for "cơ bản đạt", only used when the set allows it. */
    basicallyMet: z.number().optional(),
    /** true only when the value was read from the official text (or a faithful copy of it). */
    confirmed: z.boolean(),
    source: z.string().optional(),
    note: z.string().optional(),
  })
  .strict();
export type Threshold = z.infer<typeof thresholdSchema>;

export const indicatorSchema = z
  .object({
    code: z.string().min(1),
    name: z.string().min(1),
    nameEn: z.string().optional(),
    unit: z.string().nullable().default(null),
    kind: ruleKindSchema,
    thresholds: z.array(thresholdSchema).default([]),
    relative: z
      .object({ family: z.string().min(1), indicator: z.string().min(1), factor: z.number().positive() })
      .strict()
      .optional(),
    requiresTier: z
      .object({ family: z.string().min(1) })
      .strict()
      .optional(),
    /** How the server fills the value from other units (e.g. share of communes at NTM for a district). */
    derive: z
      .object({
        kind: z.literal('share-of-children-at-tier'),
        family: z.string().min(1),
        childTypes: z.array(z.string()).optional(),
      })
      .strict()
      .optional(),
    /** Whether the indicator's name and rule (not its threshold) were read from the official text. */
    nameConfirmed: z.boolean().default(false),
    source: z.string().optional(),
    note: z.string().optional(),
  })
  .strict();
export type Indicator = z.infer<typeof indicatorSchema>;

export const criterionSchema = z
  .object({
    code: z.string().min(1),
    name: z.string().min(1),
    nameEn: z.string().optional(),
    group: z.string().optional(),
    /** Empty while the indicator table is still to be loaded: the criterion status is then recorded directly. */
    indicators: z.array(indicatorSchema).default([]),
    /**
     * Only part of the criterion's official indicators is loaded, how many the decision has being unknown: the
     * criterion is then "met" only when its status is also recorded directly (it can still fail on a loaded
     * indicator). When the count is known, give `indicatorsDeclared` instead (see `completeness.ts`).
     */
    indicatorsIncomplete: z.boolean().default(false),
    /** How many indicators the decision lists under this criterion, when known; fewer loaded means incomplete. */
    indicatorsDeclared: z.number().int().min(1).optional(),
    nameConfirmed: z.boolean().default(false),
    source: z.string().optional(),
    note: z.string().optional(),
  })
  .strict();
export type Criterion = z.infer<typeof criterionSchema>;

export const TIERS = ['ntm', 'nang-cao', 'kieu-mau', 'hoan-thanh', 'hien-dai'] as const;
/** ntm = new rural standard; nang-cao = advanced; kieu-mau = model; hoan-thanh = "completes the NTM task"; hien-dai = modern (2026–2030 pilot). */
export const tierSchema = z.enum(TIERS);
export type Tier = z.infer<typeof tierSchema>;

export const unitLevelSchema = z.enum(['province', 'district', 'commune', 'hamlet']);
export type UnitLevel = z.infer<typeof unitLevelSchema>;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'phải có dạng yyyy-mm-dd');

export const criteriaSetSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'chỉ gồm chữ thường không dấu, số và dấu gạch ngang'),
    /** Versions of one set share a family; evaluations pick the version in force. */
    family: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
    name: z.string().min(1),
    decision: z.string().min(1),
    legalSource: z.string().min(1),
    amends: z.string().optional(),
    effectiveFrom: isoDate,
    effectiveTo: isoDate.nullable().default(null),
    period: z.object({ from: z.number().int(), to: z.number().int() }).strict(),
    unitLevel: unitLevelSchema,
    unitTypes: z.array(z.string()).optional(),
    /** Which column of the threshold table applies: region (2021–2025), commune group (2026–2030) or none. */
    dimension: z.enum(['region', 'group', 'none']),
    tier: tierSchema,
    requiresTier: z
      .object({ family: z.string().min(1) })
      .strict()
      .optional(),
    allowsBasicallyMet: z.boolean().default(false),
    /** Sample data invented for the demo ("dữ liệu mẫu"), never an official set. */
    sample: z.boolean().default(false),
    /** The set's official indicator table has not been loaded yet (statuses are recorded per criterion). */
    indicatorsPending: z.boolean().default(false),
    declaredIndicatorCount: z.number().int().positive().optional(),
    /**
     * Said of a version whose values were carried over from an earlier text without checking them against its own
     * (e.g. the 2024 versions: "carried from the 2022 text, not checked against QĐ 211"); shown wherever it is used.
     */
    carriedNote: z.string().min(1).optional(),
    note: z.string().optional(),
    criteria: z.array(criterionSchema).min(1),
  })
  .strict()
  .superRefine((set, ctx) => {
    const seen = new Set<string>();
    set.criteria.forEach((c, ci) => {
      if (seen.has(`c:${c.code}`)) ctx.addIssue({ code: 'custom', path: ['criteria', ci, 'code'], message: `mã tiêu chí "${c.code}" bị trùng` });
      seen.add(`c:${c.code}`);
      if (c.indicators.length === 0 && !set.indicatorsPending)
        ctx.addIssue({
          code: 'custom',
          path: ['criteria', ci, 'indicators'],
          message: 'tiêu chí chưa có chỉ tiêu nào (đặt indicatorsPending nếu bảng chỉ tiêu chưa được nạp)',
        });
      if (c.indicatorsDeclared !== undefined && c.indicatorsDeclared < c.indicators.length)
        ctx.addIssue({
          code: 'custom',
          path: ['criteria', ci, 'indicatorsDeclared'],
          message: `tiêu chí có ${c.indicators.length} chỉ tiêu, nhiều hơn số chỉ tiêu theo văn bản (${c.indicatorsDeclared})`,
        });
      c.indicators.forEach((ind, ii) => {
        const path = ['criteria', ci, 'indicators', ii];
        if (seen.has(`i:${ind.code}`)) ctx.addIssue({ code: 'custom', path: [...path, 'code'], message: `mã chỉ tiêu "${ind.code}" bị trùng` });
        seen.add(`i:${ind.code}`);
        checkIndicator(set, ind, path, ctx);
      });
    });
    if (set.effectiveTo && set.effectiveTo < set.effectiveFrom)
      ctx.addIssue({ code: 'custom', path: ['effectiveTo'], message: 'ngày hết hiệu lực trước ngày có hiệu lực' });
    if (set.period.to < set.period.from) ctx.addIssue({ code: 'custom', path: ['period'], message: 'giai đoạn không hợp lệ' });
  });
export type CriteriaSet = z.infer<typeof criteriaSetSchema>;
export type CriteriaSetInput = z.input<typeof criteriaSetSchema>;

function checkIndicator(set: { dimension: string }, ind: Indicator, path: (string | number)[], ctx: z.RefinementCtx): void {
  const numeric = ind.kind === 'min' || ind.kind === 'max';
  ind.thresholds.forEach((t, ti) => {
    const tp = [...path, 'thresholds', ti];
    if (numeric && typeof t.value === 'boolean') ctx.addIssue({ code: 'custom', path: [...tp, 'value'], message: 'ngưỡng của chỉ tiêu số phải là số' });
    if (ind.kind === 'boolean' && typeof t.value === 'number')
      ctx.addIssue({ code: 'custom', path: [...tp, 'value'], message: 'ngưỡng của chỉ tiêu Đạt/Không đạt phải là true' });
    if (t.region && set.dimension !== 'region')
      ctx.addIssue({ code: 'custom', path: [...tp, 'region'], message: 'bộ tiêu chí này không phân ngưỡng theo vùng' });
    if (t.group && set.dimension !== 'group')
      ctx.addIssue({ code: 'custom', path: [...tp, 'group'], message: 'bộ tiêu chí này không phân ngưỡng theo nhóm xã' });
    if (t.confirmed && t.value === null)
      ctx.addIssue({ code: 'custom', path: [...tp, 'confirmed'], message: 'ngưỡng chưa có giá trị không thể là đã xác nhận' });
    if (t.basicallyMet !== undefined && typeof t.value === 'number') {
      const wrongSide = ind.kind === 'min' ? t.basicallyMet > t.value : t.basicallyMet < t.value;
      if (wrongSide) ctx.addIssue({ code: 'custom', path: [...tp, 'basicallyMet'], message: 'mức "cơ bản đạt" phải kém chặt hơn mức "đạt"' });
    }
  });
  if (ind.kind === 'min-relative' && !ind.relative)
    ctx.addIssue({ code: 'custom', path: [...path, 'relative'], message: 'chỉ tiêu min-relative cần trường "relative"' });
  if (ind.kind === 'tier' && !ind.requiresTier)
    ctx.addIssue({ code: 'custom', path: [...path, 'requiresTier'], message: 'chỉ tiêu tier cần trường "requiresTier"' });
  if (numeric && ind.thresholds.length === 0)
    ctx.addIssue({ code: 'custom', path: [...path, 'thresholds'], message: 'chỉ tiêu số cần ít nhất một ngưỡng (giá trị null nếu chưa đọc được văn bản)' });
}

/** An indicator counts as confirmed when every threshold it carries was read from the official text. */
export function isIndicatorConfirmed(ind: Indicator): boolean {
  if (ind.kind === 'tier') return ind.nameConfirmed;
  if (ind.thresholds.length === 0) return ind.kind === 'boolean' || ind.kind === 'status' ? ind.nameConfirmed : false;
  return ind.thresholds.every((t) => t.confirmed);
}

export function allIndicators(set: CriteriaSet): Indicator[] {
  return set.criteria.flatMap((c) => c.indicators);
}
