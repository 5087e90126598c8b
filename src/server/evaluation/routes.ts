import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { communeGroupSchema, regionCodeSchema } from '../../domain/criteria/schema.ts';
import { isoDateParam, todayVn, yearParam } from '../common.ts';
import type { AppContext } from '../context.ts';
import { getRegistry } from '../criteria/service.ts';
import { presentUnitDetail } from '../units/present.ts';
import { evaluateUnit, evaluateValues, overview } from './service.ts';

const valueSchema = z.union([z.number(), z.boolean(), z.string(), z.null()]);
const evaluateBody = z.object({
  set: z.string().min(1, 'chưa chọn bộ tiêu chí'),
  year: z.number().int().min(2000).max(2100),
  region: regionCodeSchema.optional(),
  group: communeGroupSchema.optional(),
  values: z.record(z.string(), z.union([valueSchema, z.record(z.string(), valueSchema)])),
});

export function evaluationRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/api/evaluate',
      { config: { access: 'public' }, schema: { summary: 'Đánh giá một bộ giá trị theo bộ tiêu chí (không lưu)', tags: ['đánh giá'], body: evaluateBody } },
      async (req) => {
        const registry = await getRegistry(ctx.database.db);
        const flat: Record<string, z.infer<typeof valueSchema>> = {};
        const bySet: Record<string, Record<string, z.infer<typeof valueSchema>>> = {};
        for (const [k, v] of Object.entries(req.body.values)) {
          if (v !== null && typeof v === 'object') bySet[k] = v;
          else flat[k] = v;
        }
        return evaluateValues(registry, req.body.set, { year: req.body.year, region: req.body.region, group: req.body.group }, { values: flat, bySet });
      },
    );
    app.get(
      '/api/overview',
      {
        config: { access: 'overview:read' },
        schema: {
          summary: 'Tổng quan các xã: số tiêu chí đạt, mức đạt, nhóm',
          tags: ['đánh giá'],
          querystring: z.object({ asOf: isoDateParam.optional(), year: yearParam.optional(), level: z.enum(['commune', 'hamlet']).optional() }),
        },
      },
      async (req) => {
        const asOf = req.query.asOf ?? todayVn();
        const year = req.query.year ?? Number(asOf.slice(0, 4));
        const result = await overview(ctx.database.db, asOf, year, req.query.level);
        const rows = req.visibleOnly(result.rows, (r) => ({ kind: 'unit', unitId: r.id }));
        return { ...result, rows: rows.map(({ id: _id, ...r }) => r) };
      },
    );
    app.get(
      '/api/units/:code/evaluation',
      {
        config: { access: 'evaluation:read' },
        schema: {
          summary: 'Đánh giá một đơn vị theo bộ tiêu chí đang hiệu lực',
          tags: ['đánh giá'],
          params: z.object({ code: z.string().min(2).max(20) }),
          querystring: z.object({ asOf: isoDateParam.optional(), year: yearParam.optional(), set: z.string().optional() }),
        },
      },
      async (req) => {
        const asOf = req.query.asOf ?? todayVn();
        const year = req.query.year ?? Number(asOf.slice(0, 4));
        const result = await evaluateUnit(ctx.database.db, req.params.code, asOf, year, req.query.set, (unitId) =>
          req.authorizeResource({ kind: 'unit', unitId }),
        );
        const registry = await getRegistry(ctx.database.db);
        const set = registry.get(result.evaluation.set);
        return {
          asOf,
          unit: presentUnitDetail(result.unit),
          group: result.group,
          valuesSample: result.valuesSample,
          hasValues: result.hasValues,
          setInfo: {
            id: set.id,
            name: set.name,
            decision: set.decision,
            legalSource: set.legalSource,
            sample: set.sample,
            indicatorsPending: set.indicatorsPending,
            note: set.note ?? null,
          },
          evaluation: result.evaluation,
          highest: result.highest,
        };
      },
    );
  };
}
