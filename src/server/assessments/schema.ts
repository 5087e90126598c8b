import { z } from 'zod';
import { ASSESSMENT_STATES, TRANSITION_ACTIONS } from '../../domain/assessments/workflow.ts';
import { isoDateParam, yearParam } from '../contracts.ts';
import { unitDetail } from '../units/schema.ts';

const code = z.string().min(1, 'mã chỉ tiêu trống').max(40, 'mã chỉ tiêu quá dài');

export const assessmentParams = z.object({
  unitCode: z.string().regex(/^[0-9A-Za-z-]{2,20}$/, 'mã đơn vị không hợp lệ'),
  family: z.string().regex(/^[a-z0-9][a-z0-9-]{0,80}$/, 'mã bộ tiêu chí không hợp lệ'),
  year: yearParam,
});
export const assessmentQuery = z.object({
  asOf: isoDateParam.optional().describe('chọn đơn vị khi mã được dùng lại qua đợt sắp xếp 01/07/2025; mặc định: hôm nay, trong năm đánh giá'),
});

export const inputValue = z.union([z.number(), z.boolean(), z.string().max(40), z.null()]);

export const putAssessmentBody = z.object({
  version: z.number().int().min(0).describe('phiên bản mà thay đổi dựa trên (0: chưa có bản đánh giá)'),
  values: z.record(code, inputValue).default({}).describe('mã chỉ tiêu → giá trị (null: xoá giá trị)'),
  criteria: z.record(code, inputValue).optional().describe('mã tiêu chí → trạng thái ghi trực tiếp: met, basically-met, not-met (null: xoá)'),
  notes: z.record(code, z.string().max(4000, 'ghi chú quá dài (tối đa 4000 ký tự)').nullable()).optional(),
});
export type PutAssessmentBody = z.infer<typeof putAssessmentBody>;

export const transitionBody = z.object({
  action: z.enum(TRANSITION_ACTIONS, { message: 'thao tác phải là submit, review, approve, return hoặc reopen' }),
  reason: z.string().trim().max(4000, 'lý do quá dài').optional(),
  version: z.number().int().min(0),
});

export const evidenceRef = z.object({ id: z.number().int(), name: z.string(), sha256: z.string(), size: z.number().int(), type: z.string() });

const entry = {
  note: z.string().nullable(),
  evidence: z.array(evidenceRef),
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable().describe('tên đăng nhập của người ghi gần nhất'),
};

export const assessmentState = z.enum(ASSESSMENT_STATES);

export const transitionRecord = z.object({
  action: z.enum(TRANSITION_ACTIONS),
  from: assessmentState,
  to: assessmentState,
  at: z.string(),
  user: z.string().nullable(),
  userName: z.string().nullable(),
  reason: z.string().nullable(),
});

export const assessmentBody = z.object({
  unit: unitDetail,
  family: z.string(),
  year: z.number().int(),
  setId: z.string().describe('phiên bản bộ tiêu chí mà bản đánh giá được nhập theo'),
  status: assessmentState,
  version: z.number().int().describe('0: chưa có bản đánh giá'),
  values: z.record(z.string(), z.object({ value: inputValue, ...entry })),
  criteria: z.record(z.string(), z.object({ status: inputValue, ...entry })),
  transitions: z.array(transitionRecord),
  editable: z.boolean().describe('giá trị còn sửa được (đang nhập hoặc bị trả lại)'),
  actions: z.array(z.enum(TRANSITION_ACTIONS)).describe('các thao tác tài khoản này làm được lúc này'),
  districtStep: z.boolean().describe('có bước thẩm định của huyện (đơn vị thuộc huyện, trước 01/07/2025)'),
  returnReason: z.string().nullable().describe('lý do trả lại hoặc mở lại gần nhất, khi bản đánh giá đang chờ sửa'),
  submittedAt: z.string().nullable(),
  approvedAt: z.string().nullable(),
  updatedAt: z.string().nullable(),
});
export type AssessmentBody = z.infer<typeof assessmentBody>;

export const savedBody = z.object({ version: z.number().int(), status: assessmentState, changed: z.number().int().describe('số mục thay đổi') });
export const transitionedBody = z.object({ status: assessmentState, version: z.number().int() });

export const historyEntry = z.object({
  at: z.string(),
  user: z.string().nullable(),
  userName: z.string().nullable(),
  action: z.string().describe('value, criterion, note, evidence-add, evidence-remove, submit, review, approve, return, reopen'),
  code: z.string().optional(),
  before: z.unknown().optional(),
  after: z.unknown().optional(),
  reason: z.string().optional(),
  source: z.string().describe('screen, import, api, dhis2'),
  sourceRef: z.string().optional().describe('tên tệp nhập, mã lần nhập DHIS2'),
  version: z.number().int(),
});
export const historyBody = z.array(historyEntry);
