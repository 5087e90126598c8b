import type { FastifyRequest } from 'fastify';
import { findUnitById, listUnitsAsOf } from '../../db/repos/units.ts';
import { DomainError } from '../../domain/errors.ts';
import { renderReport } from '../../reports/pool.ts';
import { sessionUser } from '../auth/guard.ts';
import { reportFile } from '../contracts.ts';
import { sendReport } from '../reports.ts';
import { overviewReportData } from './report.ts';
import type { ValueBasis } from '../../domain/assessments/workflow.ts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorBody, todayVn } from '../common.ts';
import type { AppContext } from '../context.ts';
import { getRegistry } from '../criteria/service.ts';
import { presentUnitDetail } from '../units/present.ts';
import { cachedOverview } from './overview-cache.ts';
import { evaluateUnit, evaluateValues, overview } from './service.ts';
import {
  evaluateBody,
  evaluationSchema,
  overviewQuery,
  overviewReportQuery,
  overviewResponse,
  unitEvaluationParams,
  unitEvaluationQuery,
  unitEvaluationResponse,
  type EvaluateBody,
} from './schema.ts';

/**
 * The values a staff view counts: as asked, else approved ones; a commune officer sees their own unit's draft by
 * default (their scope is their commune and its hamlets).
 */
function basisFor(req: FastifyRequest & { query: { basis?: ValueBasis | undefined } }): ValueBasis {
  return req.query.basis ?? (req.user?.role === 'commune' ? 'all' : 'approved');
}

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody };

/** Splits the body's values into the flat map and the per-set maps (an object under a set's id or family). */
function splitValues(values: EvaluateBody['values']) {
  const flat: Record<string, string | number | boolean | null> = {};
  const bySet: Record<string, Record<string, string | number | boolean | null>> = {};
  for (const [k, v] of Object.entries(values)) {
    if (v !== null && typeof v === 'object') bySet[k] = v;
    else flat[k] = v;
  }
  return { values: flat, bySet };
}

export function evaluationRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  /** The overview as of the asked date and year (served from the shared cache), with the rows the reader may see. */
  const visibleOverview = async (
    req: FastifyRequest & { query: { asOf?: string | undefined; year?: number | undefined; basis?: ValueBasis | undefined } },
    level: 'commune' | 'hamlet' | undefined,
  ) => {
    const asOf = req.query.asOf ?? todayVn();
    const year = req.query.year ?? Number(asOf.slice(0, 4));
    const basis = basisFor(req);
    const result = await cachedOverview(ctx.database.db, { asOf, year, level, basis }, () => overview(ctx.database.db, asOf, year, level, basis));
    return { ...result, rows: req.visibleOnly(result.rows, (r) => ({ kind: 'unit', unitId: r.id })) };
  };
  return async (app) => {
    app.post(
      '/api/evaluate',
      {
        config: { access: 'public' },
        schema: {
          summary: 'Đánh giá một bộ giá trị theo bộ tiêu chí (không lưu)',
          description:
            'Giá trị do người gọi gửi nên được kiểm tra chặt: mã không có trong phiên bản là lỗi 400 UNKNOWN_INDICATOR, giá trị sai kiểu là INVALID_VALUE. (Giá trị đã lưu thì không bao giờ làm hỏng một trang: xem notInVersion.)',
          tags: ['đánh giá'],
          body: evaluateBody,
          response: { 200: evaluationSchema, ...errors },
        },
      },
      async (req) => {
        const registry = await getRegistry(ctx.database.db);
        return evaluateValues(registry, req.body.set, { year: req.body.year, region: req.body.region, group: req.body.group }, splitValues(req.body.values));
      },
    );
    app.get(
      '/api/overview',
      {
        config: { access: 'overview:read' },
        schema: {
          summary: 'Tổng quan các xã: số tiêu chí đạt, mức đạt, nhóm',
          description: 'Ngày (asOf) quyết định các đơn vị; năm (year) quyết định bộ tiêu chí và phiên bản. years: các năm có bộ tiêu chí.',
          tags: ['đánh giá'],
          querystring: overviewQuery,
          response: { 200: overviewResponse, ...errors },
        },
      },
      async (req) => {
        const result = await visibleOverview(req, req.query.level);
        return { ...result, rows: result.rows.map(({ id: _id, ...r }) => r) };
      },
    );
    app.get(
      '/api/overview/report',
      {
        config: { access: 'overview:read' },
        schema: {
          summary: 'Báo cáo kết quả bộ tiêu chí của các xã (PDF hoặc Excel, thể thức văn bản hành chính)',
          description:
            'Các xã trong phạm vi người xem, như trang tổng quan (asOf, year, basis), dưới tên UBND của đơn vị người lập; số hiệu (`number`) để trống thì chừa chỗ cho văn thư; ngày (`date`) mặc định hôm nay. Khổ A4; tệp được lập trong một luồng riêng.',
          tags: ['đánh giá'],
          querystring: overviewReportQuery,
          response: { 200: reportFile, ...errors },
        },
      },
      async (req, reply) => {
        // The overview page's own figures (and cache entry): the communes.
        const result = await visibleOverview(req, undefined);
        const { asOf, year } = result;
        const user = sessionUser(req);
        // An account without a unit (the administrator) reports in the name of the province.
        const own = user.unitId === null ? undefined : await findUnitById(ctx.database.db, user.unitId);
        const issuer = own ?? (await listUnitsAsOf(ctx.database.db, asOf)).find((u) => u.level === 'province');
        if (!issuer) throw new DomainError('UNIT_NOT_FOUND', 'Không tìm thấy đơn vị đứng tên báo cáo', { field: 'unit' });
        const data = overviewReportData(result, issuer, { date: req.query.date ?? todayVn(), number: req.query.number ?? null, now: new Date() });
        const format = req.query.format;
        const bytes = await renderReport({ report: 'table', format, data, sheet: `Kết quả ${year}` });
        return sendReport(reply, bytes, format, `Ket qua tieu chi cac xa ${year} den ${asOf}`);
      },
    );
    app.get(
      '/api/units/:code/evaluation',
      {
        config: { access: 'evaluation:read' },
        schema: {
          summary: 'Đánh giá một đơn vị theo bộ tiêu chí của năm',
          description: 'Không có bộ tiêu chí cho đơn vị hoặc năm, hay chưa có nhóm xã: evaluation là null và explanation nói lý do.',
          tags: ['đánh giá'],
          params: unitEvaluationParams,
          querystring: unitEvaluationQuery,
          response: { 200: unitEvaluationResponse, ...errors },
        },
      },
      async (req) => {
        const asOf = req.query.asOf ?? todayVn();
        const year = req.query.year ?? Number(asOf.slice(0, 4));
        const basis = basisFor(req);
        const result = await evaluateUnit(
          ctx.database.db,
          req.params.code,
          asOf,
          year,
          req.query.set,
          (unitId) => req.authorizeResource({ kind: 'unit', unitId }),
          basis,
        );
        const registry = await getRegistry(ctx.database.db);
        const set = result.evaluation ? registry.get(result.evaluation.set) : null;
        return {
          asOf,
          year,
          basis,
          years: result.years,
          unit: presentUnitDetail(result.unit),
          group: result.group,
          valuesSample: result.valuesSample,
          hasValues: result.hasValues,
          setInfo: set && {
            id: set.id,
            name: set.name,
            decision: set.decision,
            legalSource: set.legalSource,
            sample: set.sample,
            indicatorsPending: set.indicatorsPending,
            note: set.note ?? null,
            carriedNote: set.carriedNote ?? null,
          },
          evaluation: result.evaluation,
          highest: result.highest,
          explanation: result.explanation,
        };
      },
    );
  };
}
