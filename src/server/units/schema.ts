import { z } from 'zod';
import { isoDateParam } from '../common.ts';

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
