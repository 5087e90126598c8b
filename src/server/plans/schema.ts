import { z } from 'zod';
import { planSchema, TARGET_KINDS, COUNT_BASES } from '../../domain/plans/targets.ts';
import { isoDateParam, reportParams } from '../contracts.ts';

export const planParams = z.object({ id: z.coerce.number({ message: 'mã kế hoạch không hợp lệ' }).int().min(1, 'mã kế hoạch không hợp lệ') });
export const progressQuery = z.object({ asOf: isoDateParam.optional().describe('ngày tính tiến độ (mặc định hôm nay)') });
export const reportQuery = z.object({
  ...reportParams,
  asOf: isoDateParam.optional().describe('ngày tính tiến độ (mặc định hôm nay)'),
});

const note = z.string().trim().max(2000, 'ghi chú dài quá 2000 ký tự').optional();
export const newPlanBody = z.object({ plan: planSchema, note });
export const updatePlanBody = z.object({
  version: z.number({ message: 'thiếu phiên bản (version) của kế hoạch' }).int().min(1, 'phiên bản (version) không hợp lệ'),
  plan: planSchema,
  note,
});

const scopeRef = z.object({ code: z.string(), name: z.string() });
export const planSummary = z.object({
  id: z.number(),
  number: z.string(),
  date: z.string(),
  issuer: z.string(),
  title: z.string(),
  scope: scopeRef,
  period: z.object({ from: z.number(), to: z.number() }),
  implements: z.string().nullable(),
  targets: z.number().describe('số chỉ tiêu'),
  builtin: z.boolean(),
  sample: z.boolean(),
  version: z.number(),
  updatedAt: z.string(),
  updatedBy: z.string().nullable(),
});
export const planListResponse = z.object({ plans: z.array(planSummary) }).describe('Các kế hoạch');
export const planResponse = planSummary.extend({ document: planSchema }).describe('Kế hoạch và các chỉ tiêu');

const unitLink = z.object({ code: z.string(), name: z.string(), parentName: z.string().nullable() });
const near = z.object({ code: z.string(), name: z.string(), gap: z.number(), missing: z.array(z.string()) });
export const targetProgressSchema = z.object({
  key: z.string(),
  kind: z.enum(TARGET_KINDS),
  kindLabel: z.string(),
  sentence: z.string(),
  deadline: z.string(),
  counts: z.enum(COUNT_BASES),
  note: z.string().nullable(),
  parentKey: z.string().nullable(),
  goal: z.number(),
  direction: z.enum(['at-least', 'at-most']),
  current: z.number().nullable(),
  currentText: z.string(),
  goalText: z.string(),
  other: z.object({ basis: z.enum(COUNT_BASES), value: z.number(), text: z.string() }).nullable(),
  counted: z.array(unitLink),
  total: z.number().nullable(),
  history: z.array(z.object({ year: z.number(), value: z.number() })),
  forecast: z
    .object({
      status: z.enum(['achieved', 'on-track', 'at-risk', 'off-track', 'missed']),
      statusLabel: z.string(),
      projected: z.number().nullable(),
      perYear: z.number().nullable(),
      withNear: z.number(),
      reason: z.string(),
      closers: z.array(near),
    })
    .nullable(),
  lineage: z.array(z.string()),
  missing: z.string().nullable(),
});
export const progressResponse = z
  .object({ plan: planSummary, asOf: z.string(), basisNote: z.string(), targets: z.array(targetProgressSchema) })
  .describe('Tiến độ và dự báo từng chỉ tiêu');
export const revisionsResponse = z
  .object({
    revisions: z.array(
      z.object({
        version: z.number(),
        action: z.enum(['create', 'update']),
        note: z.string().nullable(),
        recordedBy: z.string().nullable(),
        recordedAt: z.string(),
        document: planSchema,
      }),
    ),
  })
  .describe('Các lần lưu kế hoạch, mới nhất trước');
export const savedPlanResponse = z.object({ id: z.number(), version: z.number() }).describe('Đã lưu');
