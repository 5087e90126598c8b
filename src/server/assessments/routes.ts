import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { sessionUser } from '../auth/guard.ts';
import type { AppContext } from '../context.ts';
import { errorResponse, errorResponses } from '../contracts.ts';
import { assessmentBody, assessmentParams, assessmentQuery, historyBody, putAssessmentBody, savedBody, transitionBody, transitionedBody } from './schema.ts';
import { getAssessment, history, saveAssessment, transition, type EntrySource } from './service.ts';

const TAGS = ['đánh giá'];

/** The entry screen says so in a header; anything else is a program using the API. */
function sourceOf(req: FastifyRequest): EntrySource {
  return { kind: req.headers['x-entry-source'] === 'screen' ? 'screen' : 'api' };
}

export function assessmentRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const db = ctx.database.db;
    const key = (req: { params: { unitCode: string; family: string; year: number }; query: { asOf?: string | undefined } }) => ({
      ...req.params,
      asOf: req.query.asOf,
    });

    app.get(
      '/api/assessments/:unitCode/:family/:year',
      {
        config: { access: 'assessment:read' },
        schema: {
          summary: 'Bản đánh giá của một đơn vị theo bộ tiêu chí và năm',
          description: 'Đơn vị chưa có bản đánh giá: status "draft", version 0, chưa có giá trị.',
          tags: TAGS,
          params: assessmentParams,
          querystring: assessmentQuery,
          response: { 200: assessmentBody, ...errorResponses(400, 401, 403, 404, 500) },
        },
      },
      async (req) => getAssessment(db, key(req), (unitId) => req.authorizeResource({ kind: 'unit', unitId }), req.user),
    );

    app.put(
      '/api/assessments/:unitCode/:family/:year',
      {
        config: { access: 'assessment:write' },
        schema: {
          summary: 'Lưu giá trị, trạng thái tiêu chí và ghi chú',
          description:
            'Gửi kèm version đã đọc. Version cũ: 409 CONFLICT, details.current là bản hiện tại. Bản đã gửi hoặc đã phê duyệt: 409 LOCKED. Giá trị sai: 400 VALIDATION, details.problems nêu từng mã.',
          tags: TAGS,
          params: assessmentParams,
          querystring: assessmentQuery,
          body: putAssessmentBody,
          response: {
            200: savedBody,
            ...errorResponses(400, 401, 403, 404, 500),
            409: errorResponse('CONFLICT: đã có thay đổi mới hơn (details.current); LOCKED: bản đánh giá không còn sửa được'),
          },
        },
      },
      async (req) => saveAssessment(db, sessionUser(req), key(req), req.body, sourceOf(req), (unitId) => req.authorizeResource({ kind: 'unit', unitId })),
    );

    app.post(
      '/api/assessments/:unitCode/:family/:year/transitions',
      {
        config: { access: 'assessment:transition' },
        schema: {
          summary: 'Chuyển bước: gửi, thẩm định (huyện, trước 01/07/2025), phê duyệt, trả lại, mở lại',
          description: 'Trả lại và mở lại cần lý do (400). Vai trò không được làm: 403; trạng thái không cho phép hoặc version cũ: 409.',
          tags: TAGS,
          params: assessmentParams,
          querystring: assessmentQuery,
          body: transitionBody,
          response: {
            200: transitionedBody,
            ...errorResponses(400, 401, 403, 404, 500),
            409: errorResponse('INVALID_TRANSITION: trạng thái hiện tại không cho phép; CONFLICT: version cũ (details.current)'),
          },
        },
      },
      async (req) => transition(db, sessionUser(req), key(req), req.body, (unitId) => req.authorizeResource({ kind: 'unit', unitId }), sourceOf(req)),
    );

    app.get(
      '/api/assessments/:unitCode/:family/:year/history',
      {
        config: { access: 'assessment:read' },
        schema: {
          summary: 'Mọi thay đổi của bản đánh giá, cũ trước',
          tags: TAGS,
          params: assessmentParams,
          querystring: assessmentQuery,
          response: { 200: historyBody, ...errorResponses(400, 401, 403, 404, 500) },
        },
      },
      async (req) => history(db, key(req), (unitId) => req.authorizeResource({ kind: 'unit', unitId })),
    );
  };
}
