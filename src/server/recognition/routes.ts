import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { statusAsOf } from '../../domain/recognition/rules.ts';
import { sessionUser } from '../auth/guard.ts';
import { todayVn } from '../common.ts';
import type { AppContext } from '../context.ts';
import { errorResponses } from '../contracts.ts';
import { presentDossier, recordedSteps } from './present.ts';
import {
  disagreementsQuery,
  disagreementsResponse,
  dossierParams,
  dossierQuery,
  dossierSchema,
  newDossierBody,
  newStepBody,
  registerQuery,
  registerResponse,
  revokeBody,
  unitRecognitionParams,
  unitRecognitionResponse,
} from './schema.ts';
import { createDossier, listRegister, loadDossier, recordStep } from './service.ts';
import { disagreements, unitRecognition } from './standing.ts';

const TAGS = ['công nhận'];

/** The recognition register (QĐ 18/2022/QĐ-TTg): dossiers, their steps, decisions and revocations. */
export function recognitionRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const db = ctx.database.db;
    app.get(
      '/api/recognitions',
      {
        config: { access: 'recognition:read' },
        schema: {
          summary: 'Sổ công nhận: hồ sơ xét công nhận nông thôn mới',
          description: 'Trạng thái tính vào ngày `asOf` (mặc định hôm nay). Chỉ gồm đơn vị trong phạm vi của tài khoản.',
          tags: TAGS,
          querystring: registerQuery,
          response: { 200: registerResponse, ...errorResponses(400, 401, 403) },
        },
      },
      async (req) => {
        const asOf = req.query.asOf ?? todayVn();
        const views = req.visibleOnly(await listRegister(db, { tier: req.query.tier, year: req.query.year }), (v) => ({ kind: 'unit', unitId: v.row.unitId }));
        const status = req.query.status;
        return { asOf, dossiers: views.filter((v) => !status || statusAsOf(recordedSteps(v.steps), asOf) === status).map((v) => presentDossier(v, asOf)) };
      },
    );
    app.get(
      '/api/recognitions/disagreements',
      {
        config: { access: 'recognition:read' },
        schema: {
          summary: 'Đơn vị có hạng công nhận khác kết quả tính từ số liệu đã duyệt',
          description:
            'recognised-not-reached: đã công nhận nhưng số liệu năm `year` không còn đạt hạng đó; reached-not-recognised: số liệu đạt một hạng chưa có quyết định công nhận. Quyết định của xã trước sắp xếp (01/07/2025) thuộc xã cũ; xã mới được nêu kèm các quyết định đó.',
          tags: TAGS,
          querystring: disagreementsQuery,
          response: { 200: disagreementsResponse, ...errorResponses(400, 401, 403) },
        },
      },
      async (req) => {
        const asOf = req.query.asOf ?? todayVn();
        const year = req.query.year ?? Number(asOf.slice(0, 4));
        const rows = req.visibleOnly(await disagreements(db, asOf, year), (r) => ({ kind: 'unit', unitId: r.unitId }));
        return { asOf, year, basis: 'approved', rows: rows.map(({ unitId: _id, ...r }) => r) };
      },
    );
    app.get(
      '/api/recognitions/:id',
      {
        config: { access: 'recognition:read' },
        schema: {
          summary: 'Một hồ sơ công nhận với các bước đã ghi',
          tags: TAGS,
          params: dossierParams,
          querystring: dossierQuery,
          response: { 200: dossierSchema, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (req) => {
        const view = await loadDossier(db, req.params.id, (unitId) => req.authorizeResource({ kind: 'unit', unitId }));
        return presentDossier(view, req.query.asOf ?? todayVn());
      },
    );
    app.post(
      '/api/recognitions',
      {
        config: { access: 'recognition:write' },
        schema: {
          summary: 'Lập hồ sơ công nhận cho một đơn vị, hạng và năm',
          description: 'Cho tài khoản tỉnh. `asOf` chọn thời kỳ của mã đơn vị (mặc định: thời kỳ mới nhất trong năm).',
          tags: TAGS,
          body: newDossierBody,
          response: { 201: dossierSchema, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (req, reply) => {
        const authorize = (unitId: number) => req.authorizeResource({ kind: 'unit', unitId });
        const id = await createDossier(db, sessionUser(req), req.body, authorize);
        return reply.code(201).send(presentDossier(await loadDossier(db, id, authorize), todayVn()));
      },
    );
    app.post(
      '/api/recognitions/:id/steps',
      {
        config: { access: 'recognition:write' },
        schema: {
          summary: 'Ghi bước tiếp theo của hồ sơ (đề nghị, thông báo công khai, thẩm tra, thẩm định, quyết định)',
          description:
            'Bước chỉ ghi được khi các bước trước đã ghi, ngày không trước ngày bước trước. Quyết định cần số (`reference`) và người ký (`issuer`). `version` là phiên bản hồ sơ đã đọc: khác phiên bản hiện tại thì 409 CONFLICT với `details.current`.',
          tags: TAGS,
          params: dossierParams,
          body: newStepBody,
          response: { 200: dossierSchema, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (req) => {
        const authorize = (unitId: number) => req.authorizeResource({ kind: 'unit', unitId });
        const today = todayVn();
        await recordStep(db, sessionUser(req), req.params.id, req.body, today, authorize);
        return presentDossier(await loadDossier(db, req.params.id, authorize), today);
      },
    );
    app.post(
      '/api/recognitions/:id/revoke',
      {
        config: { access: 'recognition:write' },
        schema: {
          summary: 'Thu hồi công nhận (lý do bắt buộc, số và ngày quyết định thu hồi)',
          tags: TAGS,
          params: dossierParams,
          body: revokeBody,
          response: { 200: dossierSchema, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (req) => {
        const authorize = (unitId: number) => req.authorizeResource({ kind: 'unit', unitId });
        const today = todayVn();
        await recordStep(db, sessionUser(req), req.params.id, { ...req.body, kind: 'revocation' }, today, authorize);
        return presentDossier(await loadDossier(db, req.params.id, authorize), today);
      },
    );
    app.get(
      '/api/units/:code/recognition',
      {
        config: { access: 'recognition:read' },
        schema: {
          summary: 'Hạng được công nhận của một đơn vị vào một ngày, với quyết định',
          tags: TAGS,
          params: unitRecognitionParams,
          querystring: dossierQuery,
          response: { 200: unitRecognitionResponse, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (req) => unitRecognition(db, req.params.code, req.query.asOf ?? todayVn(), (unitId) => req.authorizeResource({ kind: 'unit', unitId })),
    );
  };
}
