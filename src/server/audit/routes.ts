import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../context.ts';
import { errorResponses } from '../contracts.ts';
import { presentUnit } from '../units/present.ts';
import { historyParams, historyQuery, historyResponse } from './schema.ts';
import { unitHistory } from './service.ts';

export function auditRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/units/:code/history',
      {
        config: { access: 'audit:read' },
        schema: {
          summary: 'Nhật ký thay đổi của một đơn vị',
          description:
            'Mọi thay đổi đã ghi của các bản đánh giá của đơn vị (giá trị, trạng thái tiêu chí, ghi chú, minh chứng, chuyển bước): ai, lúc nào, trước → sau, nguồn (màn hình, tệp nhập, API, DHIS2), lý do; các bước của hồ sơ công nhận (lập hồ sơ, đề nghị, thẩm định, quyết định, thu hồi) với số văn bản, ngày và người ký; mới nhất trước, theo trang (limit, offset). Lọc theo khoảng ngày (from, to: giờ Việt Nam), họ bộ tiêu chí, năm, mã chỉ tiêu (field); lọc theo họ bộ tiêu chí hoặc mã chỉ tiêu thì không gồm hồ sơ công nhận. Đơn vị ngoài phạm vi: 403.',
          tags: ['nhật ký'],
          params: historyParams,
          querystring: historyQuery,
          response: { 200: historyResponse, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (req) => {
        const h = await unitHistory(ctx.database.db, req.params.code, req.query, (unitId) => req.authorizeResource({ kind: 'unit', unitId }));
        return { unit: presentUnit(h.unit), total: h.total, limit: req.query.limit, offset: req.query.offset, items: h.items };
      },
    );
  };
}
