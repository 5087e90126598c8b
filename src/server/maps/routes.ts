import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { errorResponses } from '../contracts.ts';
import { communeMapResponse } from './schema.ts';
import { servedCommuneMap } from './service.ts';

/** Commune boundaries for the dashboard's map: public data, built once and cached by browsers (ETag, one day). */
export function mapRoutes(_ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/maps/communes',
      {
        config: { access: 'public' },
        schema: {
          summary: 'Bản đồ ranh giới các xã, phường (GeoJSON)',
          description:
            'Ranh giới 56 xã, phường từ 01/7/2025, đã giản lược (toạ độ làm tròn 4 chữ số thập phân, khoảng 11 m); formedFrom: mã các xã, phường trước 01/7/2025 hợp thành. Có ETag: trả 304 khi không đổi.',
          tags: ['đơn vị'],
          response: { 200: communeMapResponse, 304: z.null().describe('Không đổi so với bản trình duyệt đang giữ (ETag)'), ...errorResponses(400) },
        },
      },
      async (req, reply) => {
        const map = servedCommuneMap();
        reply.header('cache-control', 'public, max-age=86400').header('etag', map.etag);
        if (req.headers['if-none-match'] === map.etag) return reply.code(304).send(null);
        // Already serialised once: a JSON string is sent as it is (the schema above describes it).
        return reply.type('application/json; charset=utf-8').send(map.json as never);
      },
    );
  };
}
