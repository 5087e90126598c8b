import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { planRevisionsOf } from '../../db/repos/plans.ts';
import { FORECAST_LABELS } from '../../domain/plans/forecast.ts';
import { TARGET_KIND_LABELS, type PlanDocument } from '../../domain/plans/targets.ts';
import { sessionUser } from '../auth/guard.ts';
import { todayVn } from '../common.ts';
import type { AppContext } from '../context.ts';
import { errorResponses } from '../contracts.ts';
import { cachedOverview } from '../evaluation/overview-cache.ts';
import { closeReportPool, renderReport } from '../../reports/pool.ts';
import { reportFile } from '../contracts.ts';
import { sendReport } from '../reports.ts';
import { planProgress } from './progress.ts';
import { planReportData } from './report.ts';
import {
  newPlanBody,
  planListResponse,
  planParams,
  planResponse,
  progressQuery,
  progressResponse,
  reportQuery,
  revisionsResponse,
  savedPlanResponse,
  updatePlanBody,
} from './schema.ts';
import { allPlans, createPlan, loadPlan, presentPlan, presentSummary, savePlan } from './service.ts';

const TAGS = ['kế hoạch'];

const BASIS_NOTE =
  'Chỉ tiêu "đạt chuẩn" tính theo quyết định công nhận hoặc theo kết quả đánh giá số liệu đã duyệt, tùy chỉ tiêu (ghi ở từng chỉ tiêu); số liệu nháp và chờ duyệt không được tính.';

/** Plans and their targets: list, read, create, edit, revisions, and progress with the forecast as of a date. */
export function planRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const db = ctx.database.db;
    app.addHook('onClose', closeReportPool);
    // Served again while the data revision is unchanged (a value, a decision or the plan saved moves it).
    const progressOf = (row: Awaited<ReturnType<typeof loadPlan>>, asOf: string) =>
      cachedOverview(db, { view: 'plan-progress', plan: row.id, version: row.version, asOf }, () => planProgress(db, row.document as PlanDocument, asOf));
    app.get(
      '/api/plans',
      {
        config: { access: 'plan:read' },
        schema: { summary: 'Các kế hoạch và số chỉ tiêu', tags: TAGS, response: { 200: planListResponse, ...errorResponses(401, 403) } },
      },
      async () => ({ plans: (await allPlans(db)).map(presentSummary) }),
    );
    app.get(
      '/api/plans/:id',
      {
        config: { access: 'plan:read' },
        schema: {
          summary: 'Một kế hoạch với các chỉ tiêu (kèm câu nguyên văn của kế hoạch)',
          tags: TAGS,
          params: planParams,
          response: { 200: planResponse, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (req) => presentPlan(await loadPlan(db, req.params.id)),
    );
    app.get(
      '/api/plans/:id/progress',
      {
        config: { access: 'plan:read' },
        schema: {
          summary: 'Tiến độ và dự báo từng chỉ tiêu của kế hoạch vào một ngày',
          description:
            'Tính trực tiếp từ số liệu đã duyệt và các quyết định công nhận vào ngày `asOf` (mặc định hôm nay). Đơn vị của chỉ tiêu là các đơn vị có hiệu lực vào ngày của chỉ tiêu (mặc định ngày ban hành kế hoạch); đơn vị đã sắp xếp được giải thích trong `lineage`.',
          tags: TAGS,
          params: planParams,
          querystring: progressQuery,
          response: { 200: progressResponse, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (req) => {
        const asOf = req.query.asOf ?? todayVn();
        const row = await loadPlan(db, req.params.id);
        const targets = await progressOf(row, asOf);
        return {
          plan: presentSummary(row),
          asOf,
          basisNote: BASIS_NOTE,
          targets: targets.map((t) => ({
            ...t,
            kindLabel: TARGET_KIND_LABELS[t.kind],
            forecast: t.forecast ? { ...t.forecast, statusLabel: FORECAST_LABELS[t.forecast.status] } : null,
          })),
        };
      },
    );
    app.get(
      '/api/plans/:id/report',
      {
        config: { access: 'plan:read' },
        schema: {
          summary: 'Báo cáo tiến độ thực hiện kế hoạch (PDF hoặc Excel, thể thức văn bản hành chính)',
          description:
            'Quốc hiệu, tiêu ngữ, cơ quan ban hành (UBND của đơn vị phạm vi kế hoạch), số hiệu (`number`, để trống thì chừa chỗ cho văn thư ghi), địa danh và ngày (`date`, mặc định hôm nay), từng chỉ tiêu với câu nguyên văn, mục tiêu, hiện đạt, dự báo đến hạn và đánh giá, khối chữ ký. Khổ A4; tệp được lập trong một luồng riêng.',
          tags: TAGS,
          params: planParams,
          querystring: reportQuery,
          response: { 200: reportFile, ...errorResponses(400, 401, 403, 404, 503) },
        },
      },
      async (req, reply) => {
        const asOf = req.query.asOf ?? todayVn();
        const row = await loadPlan(db, req.params.id);
        const targets = await progressOf(row, asOf);
        const data = planReportData(row, targets, {
          asOf,
          date: req.query.date ?? todayVn(),
          number: req.query.number ?? null,
          basisNote: BASIS_NOTE,
          now: new Date(),
        });
        const format = req.query.format;
        const bytes = await renderReport({ report: 'plan', format, data });
        return sendReport(reply, bytes, format, `Bao cao tien do ${row.number.replace(/[/\\]/g, '-')} den ${asOf}`);
      },
    );
    app.get(
      '/api/plans/:id/revisions',
      {
        config: { access: 'plan:read' },
        schema: {
          summary: 'Các lần lưu của kế hoạch',
          tags: TAGS,
          params: planParams,
          response: { 200: revisionsResponse, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (req) => {
        await loadPlan(db, req.params.id);
        const rows = await planRevisionsOf(db, req.params.id);
        return {
          revisions: rows.map((r) => ({
            version: r.version,
            action: r.action as 'create' | 'update',
            note: r.note,
            recordedBy: r.recordedByName ?? r.recordedBy,
            recordedAt: r.recordedAt.toISOString(),
            document: r.document as PlanDocument,
          })),
        };
      },
    );
    app.post(
      '/api/plans',
      {
        config: { access: 'plan:write' },
        schema: {
          summary: 'Lập kế hoạch mới với các chỉ tiêu',
          description:
            'Kiểm tra toàn bộ trước khi ghi: số hiệu chưa dùng, thời hạn không trước ngày ban hành, tỷ lệ không quá 100 %, đơn vị có hiệu lực vào ngày của chỉ tiêu, phần phân bổ không vượt chỉ tiêu gốc. Lỗi nêu trường (`details.field`).',
          tags: TAGS,
          body: newPlanBody,
          response: { 201: savedPlanResponse, ...errorResponses(400, 401, 403, 409) },
        },
      },
      async (req, reply) => {
        const saved = await createPlan(db, sessionUser(req), req.body, (unitId) => req.authorizeResource({ kind: 'unit', unitId }));
        return reply.code(201).send(saved);
      },
    );
    app.put(
      '/api/plans/:id',
      {
        config: { access: 'plan:write' },
        schema: {
          summary: 'Sửa kế hoạch (cả danh sách chỉ tiêu)',
          description:
            '`version` là phiên bản đã đọc: khác phiên bản hiện tại thì 409 CONFLICT với `details.current`. Mỗi lần lưu được giữ lại (GET …/revisions).',
          tags: TAGS,
          params: planParams,
          body: updatePlanBody,
          response: { 200: savedPlanResponse, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (req) => savePlan(db, sessionUser(req), req.params.id, req.body, (unitId) => req.authorizeResource({ kind: 'unit', unitId })),
    );
  };
}
