import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { listUnitsAsOf } from '../../db/repos/units.ts';
import { searchKey } from '../../domain/units/names.ts';
import { sessionUser } from '../auth/guard.ts';
import { todayVn } from '../common.ts';
import type { AppContext } from '../context.ts';
import { presentUnit, presentUnitDetail } from './present.ts';
import { errorResponses } from '../contracts.ts';
import { createdHamletResponse, listUnitsQuery, newHamletBody, unitDetailResponse, unitListResponse, unitParams, unitQuery } from './schema.ts';
import { addHamlet, unitDetail } from './service.ts';

export function unitRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/units',
      {
        config: { access: 'public' },
        schema: {
          summary: 'Đơn vị hành chính có hiệu lực vào một ngày',
          description: 'Mặc định là hôm nay (giờ Việt Nam). `q` tìm theo tên, không phân biệt hoa thường, dấu và vị trí dấu thanh.',
          tags: ['đơn vị'],
          querystring: listUnitsQuery,
          response: { 200: unitListResponse, ...errorResponses(400) },
        },
      },
      async (req) => {
        const asOf = req.query.asOf ?? todayVn();
        const rows = await listUnitsAsOf(ctx.database.db, asOf, req.query.level);
        const q = req.query.q ? searchKey(req.query.q) : null;
        return { asOf, units: (q ? rows.filter((u) => searchKey(u.fullName).includes(q)) : rows).map(presentUnit) };
      },
    );
    app.get(
      '/api/units/:code',
      {
        config: { access: 'public' },
        schema: {
          summary: 'Một đơn vị, lịch sử và nguồn gốc sáp nhập',
          tags: ['đơn vị'],
          params: unitParams,
          querystring: unitQuery,
          response: { 200: unitDetailResponse, ...errorResponses(400, 404) },
        },
      },
      async (req) => {
        const asOf = req.query.asOf ?? todayVn();
        const d = await unitDetail(ctx.database.db, req.params.code, asOf);
        return {
          asOf,
          unit: presentUnitDetail(d.unit),
          predecessors: d.predecessors.map(presentUnit),
          successors: d.successors.map(presentUnit),
          history: d.history.map(presentUnit),
          children: d.children.map(presentUnit),
        };
      },
    );
    app.post(
      '/api/units',
      {
        config: { access: 'unit:create' },
        schema: {
          summary: 'Thêm xóm (thôn) vào một xã',
          description: 'Cho tài khoản tỉnh và quản trị; xã phải có hiệu lực vào ngày validFrom và nằm trong phạm vi của tài khoản.',
          tags: ['đơn vị'],
          body: newHamletBody,
          response: { 201: createdHamletResponse, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (req, reply) => {
        const created = await addHamlet(ctx.database.db, sessionUser(req), req.body, (parentId) => req.authorizeResource({ kind: 'unit', unitId: parentId }));
        return reply.code(201).send(created);
      },
    );
  };
}
