import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../context.ts';

export function healthRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/health',
      {
        config: { access: 'public' },
        schema: {
          summary: 'Tình trạng máy chủ và cơ sở dữ liệu',
          tags: ['hệ thống'],
          response: { 200: z.object({ status: z.literal('ok'), database: z.string(), time: z.string() }) },
        },
      },
      async () => {
        await ctx.database.db.execute(sql`SELECT 1`);
        return { status: 'ok' as const, database: ctx.database.kind, time: new Date().toISOString() };
      },
    );
  };
}
