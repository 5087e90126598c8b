import { z } from 'zod';

export const healthResponse = z
  .object({
    status: z.literal('ok'),
    database: z.enum(['pglite', 'postgres']).describe('pglite (nhúng) hoặc postgres'),
    time: z.string().describe('giờ máy chủ, ISO 8601'),
  })
  .describe('Máy chủ và cơ sở dữ liệu đang chạy');
