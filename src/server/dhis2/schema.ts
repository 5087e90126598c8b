/**
 * Contracts of the DHIS2 interchange: the mapping between local codes and DHIS2 identifiers, and DHIS2's own
 * `dataValueSets` shapes (JSON), so that DHIS2 tools and scripts written for DHIS2 work against Chung Sức.
 * Imports only zod, the domain and other contracts.
 */
import { z } from 'zod';
import { isoDateParam } from '../contracts.ts';

/** DHIS2's identifier: a letter, then ten letters or digits. */
export const DHIS2_UID_PATTERN = /^[A-Za-z][A-Za-z0-9]{10}$/;

const kind = z.enum(['dataElement', 'orgUnit']);

export const mappingRow = z.object({
  kind,
  uid: z.string().describe('mã DHIS2 (11 ký tự: một chữ cái rồi 10 chữ cái hoặc chữ số)'),
  code: z.string().describe('mã chỉ tiêu / tiêu chí trong họ bộ tiêu chí (dataElement) hoặc mã đơn vị (orgUnit)'),
  family: z.string().nullable().describe('họ bộ tiêu chí của phần tử dữ liệu (null với orgUnit)'),
  name: z.string().nullable(),
  unitId: z.number().int().nullable().describe('đơn vị trong một thời kỳ (mã đơn vị được dùng lại qua 01/07/2025)'),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  generated: z.boolean().describe('true: mã sinh tự động từ mã nội bộ (chưa có dòng ánh xạ được lưu)'),
});

export const mappingsQuery = z.object({
  kind: kind.optional(),
  family: z.string().max(100).optional(),
  generated: z.enum(['true', 'false']).optional(),
});

export const mappingsResponse = z.object({ mappings: z.array(mappingRow) });
export type MappingsResponse = z.infer<typeof mappingsResponse>;

export const mappingInput = z.object({
  kind,
  uid: z.string().max(100),
  code: z.string().min(1).max(100),
  family: z.string().max(100).nullish(),
  /** The unit's period, when known (GET gives it); otherwise `asOf` (or `validFrom`) picks the period in force. */
  unitId: z.number().int().positive().nullish(),
  asOf: isoDateParam.nullish(),
  validFrom: isoDateParam.nullish(),
  generated: z.boolean().optional(),
});
export type MappingInput = z.infer<typeof mappingInput>;

export const replaceMappingsBody = z.object({ mappings: z.array(mappingInput).max(100_000) });

const many = z.union([z.string(), z.array(z.string())]).transform((v) => (Array.isArray(v) ? v : [v]));

export const dataValueSetsQuery = z.object({
  dataSet: many.describe('họ bộ tiêu chí (vd. xa-ntm-2021-2025); có thể lặp lại'),
  period: many.describe('năm (yyyy); có thể lặp lại'),
  orgUnit: many.describe('mã DHIS2 của đơn vị; có thể lặp lại'),
  children: z.enum(['true', 'false']).optional().describe('true: cả các đơn vị cấp dưới'),
  approvedOnly: z.enum(['true', 'false']).optional().describe('true: giá trị đã phê duyệt (bản chụp lúc phê duyệt) thay vì giá trị đang lưu'),
});

export const dataValue = z.object({
  dataElement: z.string(),
  period: z.string(),
  orgUnit: z.string(),
  value: z.string(),
  comment: z.string().optional(),
  storedBy: z.string().optional(),
  lastUpdated: z.string().optional(),
  followup: z.boolean(),
});

export const dataValueSetResponse = z.object({
  dataSet: z.string().optional(),
  period: z.string().optional(),
  orgUnit: z.string().optional(),
  dataValues: z.array(dataValue),
});
export type DataValueSet = z.infer<typeof dataValueSetResponse>;

const scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);

export const importedValue = z.object({
  dataElement: z.string().optional(),
  period: z.union([z.string(), z.number()]).optional(),
  orgUnit: z.string().optional(),
  value: scalar.optional(),
  comment: z.string().nullish(),
  categoryOptionCombo: z.string().optional(),
  attributeOptionCombo: z.string().optional(),
  storedBy: z.string().optional(),
  followup: z.boolean().optional(),
});
export type ImportedValue = z.infer<typeof importedValue>;

export const dataValueSetBody = z.object({
  dataSet: z.string().optional(),
  period: z.union([z.string(), z.number()]).optional(),
  orgUnit: z.string().optional(),
  completeDate: z.string().optional(),
  dataValues: z.array(importedValue).max(200_000),
});
export type DataValueSetBody = z.infer<typeof dataValueSetBody>;

export const IMPORT_STRATEGIES = ['CREATE_AND_UPDATE', 'CREATE', 'UPDATE', 'DELETE'] as const;
export type ImportStrategy = (typeof IMPORT_STRATEGIES)[number];

export const importQuery = z.object({
  dryRun: z.enum(['true', 'false']).optional(),
  importStrategy: z.enum(IMPORT_STRATEGIES).optional(),
  atomicMode: z.enum(['ALL', 'NONE']).optional(),
});

export const importCount = z.object({ imported: z.number().int(), updated: z.number().int(), ignored: z.number().int(), deleted: z.number().int() });
export type ImportCount = z.infer<typeof importCount>;

export const importConflict = z.object({
  object: z.string().describe('mã DHIS2 hoặc giá trị gây xung đột'),
  value: z.string().describe('lý do, bằng tiếng Việt'),
  indexes: z.array(z.number().int()).describe('vị trí (từ 0) của các giá trị trong dataValues'),
  errorCode: z.string(),
});
export type ImportConflict = z.infer<typeof importConflict>;

export const importSummary = z.object({
  responseType: z.literal('ImportSummary'),
  status: z.enum(['SUCCESS', 'WARNING', 'ERROR']),
  description: z.string(),
  importOptions: z.object({ dryRun: z.boolean(), importStrategy: z.enum(IMPORT_STRATEGIES), atomicMode: z.enum(['ALL', 'NONE']) }),
  importCount,
  conflicts: z.array(importConflict),
  reference: z.string().nullable().describe('mã của lần nhập (ghi vào lịch sử thay đổi; null khi chạy thử hoặc không ghi gì)'),
  dataSetComplete: z.literal('false'),
});
export type ImportSummary = z.infer<typeof importSummary>;
