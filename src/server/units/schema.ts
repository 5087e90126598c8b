import { z } from 'zod';
import { isoDateParam } from '../contracts.ts';

export const unitLevel = z.enum(['province', 'district', 'commune', 'hamlet'], { message: 'cấp phải là province, district, commune hoặc hamlet' });

export const listUnitsQuery = z.object({
  asOf: isoDateParam.optional(),
  level: unitLevel.optional(),
  /** Name search, insensitive to case, tone marks and where the tone mark sits (Hoà = Hòa = hoa). */
  q: z.string().trim().min(1).max(100).optional(),
});
export const unitParams = z.object({ code: z.string().regex(/^[0-9A-Za-z-]{2,20}$/, 'mã đơn vị không hợp lệ') });
export const unitQuery = z.object({ asOf: isoDateParam.optional() });

export const newHamletBody = z.object({
  parentCode: z.string().min(2, 'chưa chọn xã'),
  name: z.string().trim().min(2, 'tên xóm quá ngắn').max(120),
  type: z.enum(['Xóm', 'Thôn', 'Bản', 'Tổ dân phố']).default('Xóm'),
  code: z
    .string()
    .regex(/^[0-9A-Za-z-]{2,20}$/, 'mã xóm chỉ gồm chữ, số, dấu gạch ngang')
    .optional(),
  validFrom: isoDateParam,
  legalBasis: z.string().trim().min(3, 'cần ghi căn cứ pháp lý (số quyết định)').max(300),
});

export const unitSummary = z.object({
  code: z.string().describe('mã đơn vị (mã GSO; xóm: mã xã + số thứ tự)'),
  name: z.string().describe('tên đầy đủ, ví dụ "Xã Hòa An"'),
  type: z.string().describe('Tỉnh, Huyện, Thành phố, Xã, Phường, Thị trấn, Xóm…'),
  level: unitLevel,
  parentCode: z.string().nullable(),
  validFrom: z.string().nullable().describe('hiệu lực từ (yyyy-mm-dd); null: trước khi có dữ liệu'),
  validTo: z.string().nullable().describe('hiệu lực đến (yyyy-mm-dd); null: còn hiệu lực'),
});

export const unitDetail = unitSummary.extend({
  shortName: z.string(),
  nameEn: z.string().nullable(),
  region: z.string().nullable().describe('vùng kinh tế - xã hội (TDMNPB…)'),
  legalBasis: z.string().nullable().describe('văn bản thành lập hoặc sắp xếp'),
  sample: z.boolean().describe('dữ liệu mẫu (không phải dữ liệu chính thức)'),
});

export const unitListResponse = z.object({ asOf: z.string(), units: z.array(unitSummary) }).describe('Các đơn vị có hiệu lực vào ngày asOf, theo mã');

export const unitDetailResponse = z
  .object({
    asOf: z.string(),
    unit: unitDetail,
    predecessors: z.array(unitSummary).describe('các đơn vị đã hợp thành đơn vị này'),
    successors: z.array(unitSummary).describe('các đơn vị đơn vị này đã hợp vào'),
    history: z.array(unitSummary).describe('mọi thời kỳ của cùng mã'),
    children: z.array(unitSummary).describe('đơn vị trực thuộc vào ngày asOf'),
  })
  .describe('Một đơn vị vào ngày asOf, với nguồn gốc sáp nhập');

export const createdHamletResponse = z.object({ id: z.number().int(), code: z.string(), fullName: z.string() }).describe('Đã thêm xóm');
