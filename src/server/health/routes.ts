import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { pingDatabase } from '../../db/repos/health.ts';
import type { AppContext } from '../context.ts';
import { errorResponses } from '../contracts.ts';
import { healthResponse } from './schema.ts';

export function healthRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/health',
      {
        config: { access: 'public' },
        schema: {
          summary: 'Tình trạng máy chủ và cơ sở dữ liệu',
          description: 'Trả lời khi máy chủ chạy và truy vấn được cơ sở dữ liệu; dùng cho giám sát và cân bằng tải.',
          tags: ['hệ thống'],
          response: { 200: healthResponse, ...errorResponses(503) },
        },
      },
      async () => {
        await pingDatabase(ctx.database.db);
        return { status: 'ok' as const, database: ctx.database.kind, time: new Date().toISOString() };
      },
    );
  };
}
