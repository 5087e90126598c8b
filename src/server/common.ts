import { z } from 'zod';
import { isIsoDate } from '../domain/units/types.ts';

/** An ISO date query parameter (yyyy-mm-dd), checked as a real calendar date. */
export const isoDateParam = z.string().refine(isIsoDate, { message: 'ngày phải có dạng yyyy-mm-dd và là ngày có thật' });

export const yearParam = z.coerce.number().int().min(2000, 'năm không hợp lệ').max(2100, 'năm không hợp lệ');

/** Today's date in Vietnam (UTC+7), as yyyy-mm-dd. */
export function todayVn(now = new Date()): string {
  return new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}

export const errorBody = z.object({ error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }) });
