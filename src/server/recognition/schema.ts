import { z } from 'zod';
import { DOSSIER_STATUSES, type DossierStatus } from '../../domain/recognition/rules.ts';
import { RECOGNITION_TIERS, STEP_KINDS } from '../../domain/recognition/steps.ts';
import { isoDateParam, yearParam } from '../contracts.ts';
import { unitSummary } from '../units/schema.ts';

export const recognitionTier = z.enum(RECOGNITION_TIERS, { message: 'hạng công nhận phải là ntm, nang-cao, kieu-mau hoặc hoan-thanh' });
const stepKind = z.enum(STEP_KINDS);
const dossierStatus = z.enum(DOSSIER_STATUSES as [DossierStatus, ...DossierStatus[]], {
  message: 'trạng thái phải là in-progress, recognised hoặc revoked',
});
const text = (max: number, what: string) => z.string().trim().min(1, `${what} không được để trống`).max(max, `${what} dài quá ${max} ký tự`);
const version = z.number({ message: 'thiếu phiên bản (version) của hồ sơ' }).int().min(1, 'phiên bản (version) không hợp lệ');

export const registerQuery = z.object({
  asOf: isoDateParam.optional().describe('ngày xét trạng thái (mặc định hôm nay)'),
  tier: recognitionTier.optional(),
  status: dossierStatus.optional().describe('in-progress: đang xét; recognised: đã công nhận; revoked: đã thu hồi (vào ngày asOf)'),
  year: yearParam.optional(),
});
export const dossierParams = z.object({ id: z.coerce.number({ message: 'mã hồ sơ không hợp lệ' }).int().min(1, 'mã hồ sơ không hợp lệ') });
export const dossierQuery = z.object({ asOf: isoDateParam.optional() });

export const newDossierBody = z.object({
  unitCode: z.string().regex(/^[0-9A-Za-z-]{2,20}$/, 'mã đơn vị không hợp lệ'),
  /** Which period of the code: by default the one in force during `year` (the latest). */
  asOf: isoDateParam.optional(),
  tier: recognitionTier,
  year: yearParam,
  note: text(2000, 'ghi chú').optional(),
});

export const newStepBody = z.object({
  version,
  kind: stepKind.exclude(['revocation'], { message: 'bước không hợp lệ (thu hồi dùng /revoke)' }),
  date: isoDateParam,
  reference: text(200, 'số văn bản').optional(),
  issuer: text(200, 'người ký').optional(),
  note: text(2000, 'ghi chú').optional(),
});

export const revokeBody = z.object({
  version,
  reason: z.string({ message: 'thu hồi phải có lý do' }).trim().min(1, 'thu hồi phải có lý do').max(2000, 'lý do dài quá 2000 ký tự'),
  date: isoDateParam,
  reference: text(200, 'số quyết định thu hồi').optional(),
  issuer: text(200, 'người ký').optional(),
});

export const unitRecognitionParams = z.object({ code: z.string().regex(/^[0-9A-Za-z-]{2,20}$/, 'mã đơn vị không hợp lệ') });
export const disagreementsQuery = z.object({ asOf: isoDateParam.optional(), year: yearParam.optional() });

const unitRef = unitSummary.extend({ parentName: z.string().nullable() });

const decision = z.object({ number: z.string(), date: z.string(), issuer: z.string() }).describe('quyết định công nhận: số, ngày (yyyy-mm-dd), người ký');
const revocation = z.object({ reason: z.string(), date: z.string(), number: z.string().nullable(), issuer: z.string().nullable() });

export const stepSchema = z.object({
  kind: z.enum(['create', ...STEP_KINDS]),
  label: z.string(),
  date: z.string().nullable().describe('ngày của văn bản (yyyy-mm-dd)'),
  reference: z.string().nullable().describe('số văn bản, số quyết định'),
  issuer: z.string().nullable(),
  note: z.string().nullable(),
  reason: z.string().nullable(),
  recordedBy: z.string().nullable().describe('tài khoản đã ghi'),
  recordedAt: z.string().describe('thời điểm ghi'),
  version: z.number().int(),
});

export const dossierSchema = z.object({
  id: z.number().int(),
  unit: unitRef,
  successors: z.array(unitRef).describe('đơn vị mà đơn vị này đã hợp vào (từ 01/07/2025): quyết định vẫn thuộc đơn vị cũ'),
  tier: recognitionTier,
  tierLabel: z.string(),
  year: z.number().int(),
  version: z.number().int(),
  sample: z.boolean().describe('dữ liệu mẫu: số quyết định không có thật'),
  asOf: z.string(),
  status: dossierStatus,
  procedure: z.enum(['commune-in-district', 'commune', 'district']),
  procedureSteps: z.array(z.object({ kind: stepKind, label: z.string(), actor: z.string(), fromText: z.boolean(), recorded: z.boolean() })),
  nextSteps: z.array(stepKind).describe('bước có thể ghi tiếp theo'),
  steps: z.array(stepSchema).describe('lịch sử hồ sơ, theo thứ tự ghi (bản ghi không sửa, không xoá)'),
  decision: decision.nullable(),
  revocation: revocation.nullable(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
});

export const registerResponse = z.object({ asOf: z.string(), dossiers: z.array(dossierSchema) }).describe('Sổ công nhận');

const held = z.object({ dossierId: z.number().int(), tier: recognitionTier, tierLabel: z.string(), year: z.number().int(), decision, sample: z.boolean() });

export const unitRecognitionResponse = z
  .object({
    asOf: z.string(),
    unit: unitRef,
    recognition: held.nullable().describe('hạng được công nhận vào ngày asOf (cao nhất), với quyết định'),
    dossiers: z.array(z.object({ id: z.number().int(), tier: recognitionTier, year: z.number().int(), status: dossierStatus })),
    predecessors: z.array(z.object({ unit: unitRef, recognition: held.nullable() })).describe('đơn vị cũ đã hợp thành đơn vị này và hạng chúng được công nhận'),
    successors: z.array(unitRef),
  })
  .describe('Hạng công nhận của một đơn vị vào một ngày');

export const disagreementRow = z.object({
  unit: unitRef,
  kind: z.enum(['recognised-not-reached', 'reached-not-recognised']),
  recognised: held.nullable(),
  computedTier: z.string().nullable().describe('hạng tính từ số liệu đã duyệt'),
  criteriaMet: z.number().int().nullable(),
  criteriaTotal: z.number().int().nullable(),
  sample: z.boolean().describe('số liệu hoặc quyết định là dữ liệu mẫu'),
  predecessors: z.array(z.object({ unit: unitRef, recognition: held })).describe('quyết định của các xã cũ hợp thành (không chuyển sang xã mới)'),
});

export const disagreementsResponse = z
  .object({
    asOf: z.string(),
    year: z.number().int(),
    basis: z.string().describe('giá trị được tính: approved (đã duyệt)'),
    rows: z.array(disagreementRow),
  })
  .describe('Đơn vị có hạng công nhận và kết quả tính không khớp');

export type DossierBody = z.infer<typeof dossierSchema>;
export type RegisterResponse = z.infer<typeof registerResponse>;
export type UnitRecognitionResponse = z.infer<typeof unitRecognitionResponse>;
export type DisagreementsResponse = z.infer<typeof disagreementsResponse>;
export type HeldRecognition = z.infer<typeof held>;
export type UnitRef = z.infer<typeof unitRef>;
