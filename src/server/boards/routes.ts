import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { todayVn } from '../common.ts';
import type { AppContext } from '../context.ts';
import { errorResponses } from '../contracts.ts';
import { BULK_MAX_ITEMS } from './schema.ts';
import { sessionUser } from '../auth/guard.ts';
import { boardRows } from './board.ts';
import { bulkTransition } from './bulk.ts';
import { getDeadlines, setDeadlines } from './deadlines.ts';
import { presentBoard, presentDeadline } from './present.ts';
import { boardQuery, boardResponse, bulkBody, bulkResponse, deadlinesBody, deadlinesParams, deadlinesQuery, deadlinesResponse } from './schema.ts';

/** The date a board lists units on when none is given: today within the year, else the year's last day. */
function defaultAsOf(year: number | undefined, today: string): string {
  if (year === undefined || String(year) === today.slice(0, 4)) return today;
  return year < Number(today.slice(0, 4)) ? `${year}-12-31` : `${year}-01-01`;
}

export function boardRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/deadlines',
      {
        config: { access: 'session' },
        schema: {
          summary: 'Hạn gửi, thẩm định, phê duyệt bản đánh giá theo năm',
          description: 'Mỗi dòng áp dụng cho một họ bộ tiêu chí (hoặc mọi bộ: null) và một cấp (hoặc mọi cấp: null); dòng cụ thể nhất được dùng.',
          tags: ['theo dõi'],
          querystring: deadlinesQuery,
          response: { 200: deadlinesResponse, ...errorResponses(400, 401) },
        },
      },
      async (req) => ({ deadlines: (await getDeadlines(ctx.database.db, req.query.year)).map(presentDeadline) }),
    );
    app.put(
      '/api/deadlines/:year',
      {
        config: { access: 'deadline:set' },
        schema: {
          summary: 'Đặt hạn của một năm (thay toàn bộ hạn của năm đó)',
          description: 'Chỉ cấp tỉnh. Danh sách rỗng xoá hạn của năm. Được ghi vào nhật ký (trước và sau).',
          tags: ['theo dõi'],
          params: deadlinesParams,
          body: deadlinesBody,
          response: { 200: deadlinesResponse, ...errorResponses(400, 401, 403, 409) },
        },
      },
      async (req) => {
        const rows = await setDeadlines(ctx.database.db, sessionUser(req), req.params.year, req.body.deadlines);
        return { deadlines: rows.map(presentDeadline) };
      },
    );
    app.get(
      '/api/boards',
      {
        config: { access: 'assessment:board' },
        schema: {
          summary: 'Bảng theo dõi: trạng thái, hạn gửi, mức đầy đủ của các bản đánh giá',
          description:
            'Các đơn vị trong phạm vi của tài khoản mà bộ tiêu chí của năm áp dụng. tab: all, not-submitted (chưa gửi), late (quá hạn hoặc gửi muộn), my-review (chờ tôi thẩm định/phê duyệt), returned (bị trả lại), changed (đã thay đổi sau lần phê duyệt gần nhất); counts đếm mọi tab.',
          tags: ['theo dõi'],
          querystring: boardQuery,
          response: { 200: boardResponse, ...errorResponses(400, 401, 403) },
        },
      },
      async (req) => {
        const user = sessionUser(req);
        const today = todayVn();
        const asOf = req.query.asOf ?? defaultAsOf(req.query.year, today);
        const year = req.query.year ?? Number(asOf.slice(0, 4));
        const level = req.query.level ?? 'commune';
        const rows = await boardRows(ctx.database.db, { asOf, year, level, family: req.query.family, parentCode: req.query.parentCode, today });
        const visible = req.visibleOnly(rows, (r) => ({ kind: 'unit', unitId: r.unitId }));
        return presentBoard({ asOf, year, level, today }, visible, user.role, req.query.tab ?? 'all');
      },
    );
    app.post(
      '/api/boards/bulk',
      {
        config: { access: 'assessment:bulk' },
        schema: {
          summary: 'Phê duyệt, thẩm định hoặc trả lại nhiều bản đánh giá cùng lúc',
          description: `Tối đa ${BULK_MAX_ITEMS} mục. Mỗi mục được xử lý như một lần chuyển bước riêng (phạm vi, vai trò, trạng thái, version), trong giao dịch riêng: một mục bị từ chối không làm dừng các mục khác. Trả lại cần lý do (400, không mục nào được xử lý). results có một kết quả cho mỗi mục, cùng thứ tự; httpStatus là mã mà mục đó nhận được nếu gửi riêng.`,
          tags: ['theo dõi'],
          body: bulkBody,
          response: { 200: bulkResponse, ...errorResponses(400, 401, 403) },
        },
      },
      async (req) => {
        const source = { kind: req.headers['x-entry-source'] === 'screen' ? ('screen' as const) : ('api' as const) };
        const out = await bulkTransition(
          ctx.database.db,
          sessionUser(req),
          req.body,
          (unitId) => req.authorizeResource({ kind: 'unit', unitId }),
          source,
          req.log,
        );
        // Every item was checked against its own unit (a refused or unknown one is reported in its result, not shown).
        req.accessChecked = true;
        return out;
      },
    );
  };
}
