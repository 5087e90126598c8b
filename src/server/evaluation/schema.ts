import { VALUE_BASES } from '../../domain/assessments/workflow.ts';
/**
 * Request and response contracts of the evaluation routes. Responses are serialised through these schemas, and
 * the web infers its types from them (`import type`). Imports only zod, the domain and other contracts.
 */
import { z } from 'zod';
import { communeGroupSchema, regionCodeSchema, tierSchema } from '../../domain/criteria/schema.ts';
import type { Evaluation } from '../../domain/evaluation/types.ts';
import { isoDateParam, yearParam } from '../common.ts';
import { reportParams } from '../contracts.ts';
import { unitDetail } from '../units/schema.ts';

const status = z.enum(['met', 'basically-met', 'not-met', 'no-data']);
const inputValue = z.union([z.number(), z.boolean(), z.string(), z.null()]);
const noDataReason = z.enum(['no-value', 'no-threshold', 'awaiting-direct']);

export const evaluateBody = z.object({
  set: z.string().min(1, 'chưa chọn bộ tiêu chí'),
  year: z.number().int().min(2000).max(2100),
  region: regionCodeSchema.optional(),
  group: communeGroupSchema.optional(),
  values: z.record(z.string(), z.union([inputValue, z.record(z.string(), inputValue)])),
});
export type EvaluateBody = z.infer<typeof evaluateBody>;

/** Which stored values count: approved (default), including submitted ones, or every value including drafts. */
export const basisParam = z
  .enum(VALUE_BASES, { message: 'basis phải là approved, submitted hoặc all' })
  .optional()
  .describe(
    'số liệu tính: approved (đã phê duyệt, mặc định), submitted (gồm cả đã gửi), all (gồm cả bản nháp); cán bộ xã mặc định xem cả bản nháp của xã mình',
  );
export const overviewQuery = z.object({
  asOf: isoDateParam.optional(),
  year: yearParam.optional(),
  level: z.enum(['commune', 'hamlet']).optional(),
  basis: basisParam,
});
export const overviewReportQuery = z.object({ asOf: isoDateParam.optional(), year: yearParam.optional(), basis: basisParam, ...reportParams });
export const unitEvaluationParams = z.object({ code: z.string().min(2).max(20) });
export const unitEvaluationQuery = z.object({ asOf: isoDateParam.optional(), year: yearParam.optional(), set: z.string().optional(), basis: basisParam });

export const indicatorResultSchema = z.object({
  code: z.string(),
  name: z.string(),
  criterion: z.string(),
  kind: z.string(),
  unit: z.string().nullable(),
  status,
  value: inputValue,
  threshold: z.union([z.number(), z.boolean(), z.null()]),
  basicallyMet: z.number().optional(),
  confirmed: z.boolean().describe('ngưỡng đã đọc từ văn bản chính thức'),
  source: z.string().nullable(),
  reason: z.enum(['no-value', 'no-threshold']).optional(),
});

export const criterionResultSchema = z.object({
  code: z.string(),
  name: z.string(),
  status,
  indicatorsMet: z.number(),
  indicatorsTotal: z.number(),
  indicatorsLoaded: z.number(),
  indicatorsDeclared: z.number().nullable(),
  indicatorsIncomplete: z.boolean().describe('ít chỉ tiêu hơn văn bản quy định: cần ghi kết quả tiêu chí trực tiếp'),
  direct: z.boolean(),
  awaitingDirect: z.boolean().describe('đang chờ ghi kết quả tiêu chí trực tiếp: chưa thể đạt'),
  reason: noDataReason.optional(),
  earlierRecord: z.object({ value: inputValue, storedUnder: z.string() }).nullable().describe('kết quả ghi trực tiếp trước khi phiên bản có chỉ tiêu'),
});

export const gapItemSchema = z.object({
  criterion: z.string(),
  indicator: z.string().nullable(),
  name: z.string(),
  status,
  value: inputValue,
  threshold: z.union([z.number(), z.boolean(), z.null()]),
  difference: z.number().nullable(),
  confirmed: z.boolean(),
  reason: noDataReason.optional(),
});

export const notInVersionSchema = z.object({
  code: z.string(),
  value: inputValue,
  storedUnder: z.string(),
  reason: z.enum(['unknown-code', 'wrong-kind']),
});

export const evaluationSchema = z.object({
  set: z.string(),
  family: z.string(),
  decision: z.string(),
  setName: z.string(),
  year: z.number(),
  region: regionCodeSchema.nullable(),
  group: communeGroupSchema.nullable(),
  tier: tierSchema.nullable(),
  setTier: tierSchema,
  setTierReached: z.boolean(),
  criteriaMet: z.number(),
  criteriaTotal: z.number(),
  criteria: z.record(z.string(), criterionResultSchema),
  indicators: z.record(z.string(), indicatorResultSchema),
  gap: z.array(gapItemSchema),
  prerequisites: z.array(z.object({ set: z.string(), tier: tierSchema, reached: z.boolean().nullable() })),
  sample: z.boolean(),
  indicatorsPending: z.boolean(),
  indicatorsLoaded: z.number(),
  indicatorsDeclared: z.number().nullable(),
  notInVersion: z.array(notInVersionSchema).describe('giá trị đã lưu có mã không có trong phiên bản này (bỏ qua khi đánh giá)'),
});
export type EvaluationResponse = z.infer<typeof evaluationSchema>;
// The domain result and the contract must stay the same shape.
const _sameShape: (e: Evaluation) => EvaluationResponse = (e) => e;
void _sameShape;

export const explanationSchema = z.object({ code: z.enum(['NO_SET_FOR_UNIT', 'NO_SET_FOR_YEAR', 'GROUP_MISSING']), message: z.string() });

export const overviewRowSchema = z.object({
  code: z.string(),
  name: z.string(),
  fullName: z.string(),
  type: z.string(),
  parentCode: z.string().nullable(),
  parentName: z.string().nullable(),
  group: z.string().nullable(),
  groupSample: z.boolean(),
  set: z.string().nullable(),
  criteriaMet: z.number().nullable(),
  criteriaTotal: z.number().nullable(),
  criteriaNoData: z.number().nullable(),
  criteriaNoThreshold: z.number().nullable(),
  tier: z.string().nullable(),
  sample: z.boolean(),
  hasValues: z.boolean(),
  explanation: z.string().nullable(),
});

const basisShown = z.enum(VALUE_BASES).describe('số liệu được tính trong kết quả này');
export const overviewResponse = z.object({
  asOf: z.string(),
  year: z.number(),
  basis: basisShown,
  years: z.array(z.number()).describe('các năm có bộ tiêu chí cho cấp này (để chọn năm)'),
  sets: z.array(z.string()),
  rows: z.array(overviewRowSchema),
  notice: explanationSchema.nullable(),
});
export type OverviewResponse = z.infer<typeof overviewResponse>;

export const unitEvaluationResponse = z.object({
  asOf: z.string(),
  year: z.number(),
  basis: basisShown,
  years: z.array(z.number()),
  unit: unitDetail,
  group: z.object({ value: z.string(), sample: z.boolean(), source: z.string().nullable() }).nullable(),
  valuesSample: z.boolean(),
  hasValues: z.boolean(),
  setInfo: z
    .object({
      id: z.string(),
      name: z.string(),
      decision: z.string(),
      legalSource: z.string(),
      sample: z.boolean(),
      indicatorsPending: z.boolean(),
      note: z.string().nullable(),
      carriedNote: z.string().nullable().describe('giá trị chép từ văn bản trước, chưa đối chiếu văn bản sửa đổi'),
    })
    .nullable(),
  evaluation: evaluationSchema.nullable(),
  highest: evaluationSchema.nullable(),
  explanation: explanationSchema.nullable().describe('vì sao không có kết quả đánh giá'),
});
export type UnitEvaluationResponse = z.infer<typeof unitEvaluationResponse>;
