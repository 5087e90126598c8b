/** Contracts of the audit trail of a unit (every recorded change of its assessments and recognition dossiers). Imports only zod and contracts. */
import { z } from 'zod';
import { isoDateParam, yearParam } from '../contracts.ts';
import { unitSummary } from '../units/schema.ts';

export const historyParams = z.object({ code: z.string().regex(/^[0-9A-Za-z-]{2,20}$/, 'mã đơn vị không hợp lệ') });

export const historyQuery = z.object({
  asOf: isoDateParam.optional().describe('ngày chọn thời kỳ của đơn vị (mã đơn vị được dùng lại qua 01/07/2025); mặc định hôm nay'),
  from: isoDateParam.optional().describe('từ ngày (giờ Việt Nam), tính cả ngày này'),
  to: isoDateParam.optional().describe('đến ngày (giờ Việt Nam), tính cả ngày này'),
  family: z.string().max(100).optional(),
  year: yearParam.optional(),
  field: z.string().max(100).optional().describe('chỉ các thay đổi của một mã chỉ tiêu hoặc tiêu chí'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type HistoryQuery = z.infer<typeof historyQuery>;

export const EVENT_ACTIONS = [
  'create',
  'value',
  'criterion',
  'note',
  'evidence-add',
  'evidence-remove',
  'submit',
  'review',
  'approve',
  'return',
  'reopen',
] as const;
export type EventAction = (typeof EVENT_ACTIONS)[number];

export const historyItem = z.object({
  id: z.number().int(),
  at: z.string().describe('thời điểm (ISO 8601)'),
  user: z.object({ username: z.string(), fullName: z.string() }).nullable(),
  action: z
    .string()
    .describe(
      'create, value, criterion, note, evidence-add, evidence-remove, submit, review, approve, return, reopen; hồ sơ công nhận: recognition.create, recognition.proposal, recognition.public-posting, recognition.district-appraisal, recognition.province-appraisal, recognition.ministry-appraisal, recognition.decision, recognition.revocation',
    ),
  family: z.string().nullable().describe('họ bộ tiêu chí của bản đánh giá; null với bước của hồ sơ công nhận'),
  year: z.number().int(),
  code: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  reason: z.string().nullable(),
  source: z.string().describe('screen, import, api, dhis2 hoặc system'),
  sourceRef: z.string().nullable().describe('tệp đã nhập, mã lần nhập DHIS2'),
  version: z.number().int(),
  recognition: z
    .object({
      dossierId: z.number().int(),
      tier: z.string(),
      date: z.string().nullable().describe('ngày của bước (yyyy-mm-dd); null khi lập hồ sơ'),
      reference: z.string().nullable().describe('số văn bản, số quyết định'),
      issuer: z.string().nullable(),
      note: z.string().nullable(),
    })
    .nullable()
    .describe('bước của hồ sơ công nhận (đề nghị, thẩm định, quyết định, thu hồi…); null với thay đổi của bản đánh giá'),
});
export type HistoryItem = z.infer<typeof historyItem>;

export const historyResponse = z
  .object({
    unit: unitSummary,
    total: z.number().int(),
    limit: z.number().int(),
    offset: z.number().int(),
    items: z.array(historyItem),
  })
  .describe('Các thay đổi, mới nhất trước');
export type HistoryResponse = z.infer<typeof historyResponse>;
