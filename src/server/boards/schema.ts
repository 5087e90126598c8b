/**
 * Request and response contracts of the status boards, the deadlines and the bulk actions. The web infers its
 * types from them (`import type`). Imports only zod, the domain and other contracts.
 */
import { z } from 'zod';
import { ASSESSMENT_STATES, TRANSITION_ACTIONS } from '../../domain/assessments/workflow.ts';
import { errorCode, isoDateParam, yearParam } from '../contracts.ts';

export const BOARD_TABS = ['all', 'not-submitted', 'late', 'my-review', 'returned', 'changed'] as const;
export type BoardTab = (typeof BOARD_TABS)[number];
/** `on-time`/`late`: submitted by / after the deadline; `overdue`: not submitted and past it; `pending`: not yet due. */
export const TIMELINESS = ['on-time', 'late', 'overdue', 'pending', 'no-deadline'] as const;
export type Timeliness = (typeof TIMELINESS)[number];
export const DEADLINE_LEVELS = ['district', 'commune', 'hamlet'] as const;
/** Items one bulk request may carry. */
export const BULK_MAX_ITEMS = 500;

const day = isoDateParam.describe('yyyy-mm-dd');

export const deadlineSchema = z.object({
  year: z.number().int(),
  family: z.string().nullable().describe('họ bộ tiêu chí; null: mọi bộ tiêu chí của năm'),
  level: z.enum(DEADLINE_LEVELS).nullable().describe('cấp đơn vị; null: mọi cấp'),
  submitBy: z.string().describe('hạn gửi (xã gửi), tính cả ngày này theo giờ Việt Nam'),
  reviewBy: z.string().nullable().describe('hạn huyện thẩm định (trước 01/07/2025)'),
  approveBy: z.string().nullable().describe('hạn tỉnh phê duyệt'),
  note: z.string().nullable(),
  setAt: z.string(),
  setBy: z.string().nullable(),
});
export const deadlinesQuery = z.object({ year: yearParam.optional() });
export const deadlinesResponse = z.object({ deadlines: z.array(deadlineSchema) });
export const deadlinesParams = z.object({ year: yearParam });
export const deadlineInput = z.object({
  family: z.string().min(1).max(100).nullable().optional(),
  level: z.enum(DEADLINE_LEVELS).nullable().optional(),
  submitBy: day,
  reviewBy: day.nullable().optional(),
  approveBy: day.nullable().optional(),
  note: z.string().max(1000).nullable().optional(),
});
export const deadlinesBody = z.object({ deadlines: z.array(deadlineInput).max(200) });
export type DeadlinesBody = z.infer<typeof deadlinesBody>;

export const boardQuery = z.object({
  asOf: isoDateParam.optional(),
  year: yearParam.optional(),
  level: z.enum(['commune', 'hamlet']).optional(),
  family: z.string().min(1).max(100).optional(),
  tab: z.enum(BOARD_TABS).optional(),
  parentCode: z.string().min(2).max(20).optional().describe('chỉ các đơn vị trực thuộc đơn vị này (huyện, hoặc xã khi xem thôn)'),
});
export type BoardQuery = z.infer<typeof boardQuery>;

const transitionSchema = z.object({
  action: z.enum(TRANSITION_ACTIONS),
  at: z.string(),
  user: z.string().nullable(),
  reason: z.string().nullable(),
});

export const boardRowSchema = z.object({
  unit: z.object({ code: z.string(), name: z.string(), fullName: z.string(), parentCode: z.string().nullable(), parentName: z.string().nullable() }),
  family: z.string(),
  setId: z.string(),
  status: z.enum(ASSESSMENT_STATES),
  version: z.number().int().describe('0: chưa có bản đánh giá'),
  submittedAt: z.string().nullable(),
  approvedAt: z.string().nullable(),
  updatedAt: z.string().nullable(),
  deadline: z.object({ submitBy: z.string(), reviewBy: z.string().nullable(), approveBy: z.string().nullable() }).nullable(),
  timeliness: z.enum(TIMELINESS),
  completeness: z.object({ filled: z.number().int(), total: z.number().int() }).describe('số trường đã có giá trị / số trường của bộ tiêu chí'),
  lastTransition: transitionSchema.nullable(),
  returnReason: z.string().nullable().describe('lý do của lần trả lại gần nhất'),
  changedSinceApproval: z.boolean().describe('giá trị hiện tại khác với giá trị đã phê duyệt lần gần nhất'),
  underDistrict: z.boolean().describe('có bước thẩm định của huyện'),
  actions: z.array(z.enum(TRANSITION_ACTIONS)).describe('thao tác người gọi làm được lúc này'),
  tabs: z.array(z.enum(BOARD_TABS)),
});
export type BoardRowBody = z.infer<typeof boardRowSchema>;

export const boardResponse = z.object({
  asOf: z.string(),
  year: z.number().int(),
  level: z.enum(['commune', 'hamlet']),
  today: z.string(),
  tab: z.enum(BOARD_TABS),
  counts: z.object(Object.fromEntries(BOARD_TABS.map((t) => [t, z.number().int()])) as Record<BoardTab, z.ZodNumber>),
  rows: z.array(boardRowSchema),
});
export type BoardResponse = z.infer<typeof boardResponse>;

/** What the bulk route does to every item: the province approves, a district (before 1/7/2025) reviews, either returns. */
export const BULK_ACTIONS = ['approve', 'review', 'return'] as const;
export type BulkAction = (typeof BULK_ACTIONS)[number];

export const bulkItem = z.object({
  unit: z.string().min(2, 'mã đơn vị quá ngắn').max(20, 'mã đơn vị quá dài').describe('mã đơn vị'),
  family: z.string().min(1, 'thiếu họ bộ tiêu chí').max(100),
  year: yearParam,
  version: z.number().int().min(0).describe('version của bản đánh giá khi bảng được tải'),
});
export type BulkItem = z.infer<typeof bulkItem>;

export const bulkBody = z
  .object({
    action: z.enum(BULK_ACTIONS, { error: 'thao tác phải là approve (phê duyệt), review (thẩm định) hoặc return (trả lại)' }),
    reason: z.string().max(2000, 'lý do dài quá 2000 ký tự').optional().describe('bắt buộc khi trả lại; người gửi thấy lý do này'),
    items: z.array(bulkItem).min(1, 'chưa chọn bản đánh giá nào').max(BULK_MAX_ITEMS, `mỗi lần xử lý tối đa ${BULK_MAX_ITEMS} bản đánh giá`),
  })
  .superRefine((b, ctx) => {
    if (b.action === 'return' && !b.reason?.trim()) ctx.addIssue({ code: 'custom', path: ['reason'], message: 'cần ghi lý do trả lại' });
  });
export type BulkBody = z.infer<typeof bulkBody>;

export const bulkResultSchema = z.object({
  unit: z.string(),
  family: z.string(),
  year: z.number().int(),
  ok: z.boolean(),
  status: z.enum(ASSESSMENT_STATES).optional().describe('trạng thái mới (khi thành công)'),
  version: z.number().int().optional(),
  httpStatus: z.number().int().describe('mã HTTP mà thao tác này nhận được nếu gửi riêng'),
  error: z.object({ code: errorCode, message: z.string() }).optional(),
});
export type BulkResult = z.infer<typeof bulkResultSchema>;
export const bulkResponse = z.object({
  action: z.enum(BULK_ACTIONS),
  succeeded: z.number().int(),
  failed: z.number().int(),
  results: z.array(bulkResultSchema).describe('một kết quả cho mỗi mục, cùng thứ tự với items'),
});
export type BulkResponse = z.infer<typeof bulkResponse>;
