/**
 * Request and response contracts of the criteria routes (`/api/sets…`). Imports only zod, the domain and the
 * shared contracts, so the web can `import type` from it.
 */
import { z } from 'zod';
import { indicatorSchema, ruleKindSchema, thresholdSchema, tierSchema, unitLevelSchema } from '../../domain/criteria/schema.ts';

export const setParams = z.object({ id: z.string().min(1).max(100) });

export const withdrawBody = z.object({
  reason: z.string().trim().min(1, 'cần ghi lý do rút phiên bản').max(1000, 'lý do dài quá 1.000 ký tự'),
});

export const withdrawalSchema = z
  .object({
    at: z.string().describe('thời điểm rút (ISO 8601)'),
    by: z.string().nullable().describe('tài khoản đã rút; null khi rút bằng dòng lệnh'),
    reason: z.string().describe('lý do rút'),
  })
  .nullable()
  .describe('null: phiên bản chưa bị rút; đã rút thì vẫn còn trong lịch sử nhưng không bao giờ có hiệu lực');

export const setSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  decision: z.string().describe('số hiệu quyết định'),
  effectiveFrom: z.string().describe('hiệu lực từ (yyyy-mm-dd)'),
  effectiveTo: z.string().nullable().describe('hiệu lực đến, kể cả khi phiên bản sau thay thế; null: còn hiệu lực'),
  unitLevel: unitLevelSchema,
  criteriaCount: z.number().int(),
  indicatorCount: z.number().int(),
  confirmedCount: z.number().int().describe('số chỉ tiêu có ngưỡng đã đối chiếu với văn bản chính thức'),
});

export const setListItemSchema = setSummarySchema.extend({
  family: z.string().describe('nhóm bộ: các phiên bản nối tiếp nhau'),
  sample: z.boolean().describe('dữ liệu mẫu, không phải quy định'),
  indicatorsPending: z.boolean().describe('bảng chỉ tiêu chưa nạp đủ'),
  tier: tierSchema,
  withdrawn: withdrawalSchema,
});

export const pendingAnnexSchema = z.object({
  annex: z.string(),
  title: z.string(),
  decision: z.string(),
  legalSource: z.string(),
  effectiveFrom: z.string(),
  status: z.string(),
  source: z.string().optional(),
});

export const setListResponse = z
  .object({ sets: z.array(setListItemSchema), pending: z.array(pendingAnnexSchema).describe('phụ lục đã biết nhưng chưa nạp') })
  .describe('Mọi phiên bản bộ tiêu chí: các phiên bản có hiệu lực theo nhóm bộ và ngày, rồi các phiên bản đã rút');

const { relative, derive } = indicatorSchema.shape;

export const setIndicatorSchema = z.object({
  code: z.string(),
  name: z.string(),
  unit: z.string().nullable(),
  kind: ruleKindSchema,
  thresholds: z.array(thresholdSchema).describe('ngưỡng theo vùng/nhóm xã/năm; value null: chưa đọc được văn bản'),
  confirmed: z.boolean().describe('mọi ngưỡng đã đối chiếu với văn bản chính thức'),
  nameConfirmed: z.boolean(),
  relative: relative.unwrap().nullable(),
  requiresTier: z.string().nullable(),
  derive: derive.unwrap().nullable(),
  source: z.string().nullable(),
  note: z.string().nullable(),
});

export const setCriterionSchema = z.object({
  code: z.string(),
  name: z.string(),
  group: z.string().nullable(),
  nameConfirmed: z.boolean(),
  source: z.string().nullable(),
  note: z.string().nullable(),
  direct: z.boolean().describe('cần ghi trực tiếp kết quả của tiêu chí (chưa nạp đủ chỉ tiêu)'),
  indicatorsIncomplete: z.boolean(),
  indicatorsLoaded: z.number().int(),
  indicatorsDeclared: z.number().int().nullable(),
  indicators: z.array(setIndicatorSchema),
});

export const setDetailResponse = setSummarySchema
  .extend({
    withdrawn: withdrawalSchema,
    origin: z.enum(['builtin', 'import']).describe('builtin: phiên bản đi kèm phần mềm (theo tệp dữ liệu, không rút được); import: do tỉnh nạp'),
    family: z.string(),
    legalSource: z.string(),
    amends: z.string().nullable().describe('phiên bản mà phiên bản này sửa đổi, thay thế'),
    period: z.object({ from: z.number().int(), to: z.number().int() }),
    unitTypes: z.array(z.string()).nullable(),
    dimension: z.enum(['region', 'group', 'none']),
    tier: tierSchema,
    requiresTier: z.string().nullable(),
    allowsBasicallyMet: z.boolean(),
    sample: z.boolean(),
    indicatorsPending: z.boolean(),
    declaredIndicatorCount: z.number().int().nullable(),
    incompleteCriteria: z.array(z.string()),
    carriedNote: z.string().nullable().describe('giá trị chép từ văn bản trước, chưa đối chiếu văn bản của phiên bản này'),
    note: z.string().nullable(),
    criteria: z.array(setCriterionSchema),
  })
  .describe('Một phiên bản bộ tiêu chí với mọi tiêu chí, chỉ tiêu và ngưỡng (số chỉ tiêu giới hạn khi nạp: tối đa 1.000)');

export const importedSetResponse = setListItemSchema.describe('Đã nạp phiên bản mới (tóm tắt; xem GET /api/sets/{id})');

export type SetSummaryJson = z.infer<typeof setSummarySchema>;
export type SetListItem = z.infer<typeof setListItemSchema>;
export type SetListResponse = z.infer<typeof setListResponse>;
export type SetDetail = z.infer<typeof setDetailResponse>;
export type Withdrawal = z.infer<typeof withdrawalSchema>;
