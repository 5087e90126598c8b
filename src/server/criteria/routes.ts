import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import multipart from '@fastify/multipart';
import { sessionUser } from '../auth/guard.ts';
import type { AppContext } from '../context.ts';
import { loadPendingAnnexes } from '../../interchange/criteria/files.ts';
import { closeParsePool, parseInWorker } from '../../interchange/criteria/parse-pool.ts';
import { presentSet, presentSetSummary } from './present.ts';
import { getCatalog, importSet, watchCriteriaSets, withdrawSet } from './service.ts';
import { importedSetResponse, setDetailResponse, setListResponse, setParams, withdrawBody } from './schema.ts';
import { MULTIPART_LIMITS, readImportUpload } from './upload.ts';
import { errorResponses } from '../contracts.ts';

export function criteriaRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    // Only the import route reads multipart bodies; the parts are read in the handler, after the onRequest access check.
    await app.register(multipart, { limits: MULTIPART_LIMITS, throwFileSizeLimit: true });
    app.addHook('onClose', closeParsePool);
    // Versions added or withdrawn by another server or the command line are seen at once.
    const unwatch = await watchCriteriaSets(ctx.database);
    app.addHook('onClose', unwatch);
    app.get(
      '/api/sets',
      {
        config: { access: 'public' },
        schema: { summary: 'Các bộ tiêu chí (mọi phiên bản)', tags: ['bộ tiêu chí'], response: { 200: setListResponse, ...errorResponses(400) } },
      },
      async () => {
        const catalog = await getCatalog(ctx.database.db);
        return { sets: catalog.list().map((e) => presentSetSummary(e, catalog.registry)), pending: loadPendingAnnexes() };
      },
    );
    app.get(
      '/api/sets/:id',
      {
        config: { access: 'public' },
        schema: {
          summary: 'Một bộ tiêu chí với mọi chỉ tiêu và ngưỡng',
          tags: ['bộ tiêu chí'],
          params: setParams,
          response: { 200: setDetailResponse, ...errorResponses(400, 404) },
        },
      },
      async (req) => {
        const catalog = await getCatalog(ctx.database.db);
        const entry = catalog.entry(req.params.id);
        return presentSet(entry.set, catalog.registry, entry.withdrawn, entry.origin);
      },
    );
    app.post(
      '/api/sets/import',
      {
        config: { access: 'set:import' },
        schema: {
          summary: 'Nạp một phiên bản bộ tiêu chí (JSON hoặc Excel)',
          description:
            'multipart/form-data: tệp .json hoặc .xlsx ở trường "file" (tối đa 10 MB), ghi chú ở trường "note" (không bắt buộc). Tệp được kiểm tra trong một luồng riêng; không có gì được ghi khi tệp còn lỗi.',
          consumes: ['multipart/form-data'],
          tags: ['bộ tiêu chí'],
          response: { 201: importedSetResponse, ...errorResponses(400, 401, 403, 409, 413, 422, 503) },
        },
      },
      async (req, reply) => {
        const upload = await readImportUpload(req);
        const set = await parseInWorker(upload.bytes, upload.file);
        const registry = await importSet(ctx.database.db, set, sessionUser(req).id, upload.note);
        // The summary, not the whole set: the new version is read with GET /api/sets/:id.
        return reply.code(201).send(presentSetSummary({ set: registry.get(set.id), withdrawn: null }, registry));
      },
    );
    app.post(
      '/api/sets/:id/withdraw',
      {
        config: { access: 'set:withdraw' },
        schema: {
          summary: 'Rút một phiên bản đã nạp (ghi lý do); phiên bản vẫn còn trong lịch sử nhưng không còn hiệu lực',
          tags: ['bộ tiêu chí'],
          params: setParams,
          body: withdrawBody,
          response: { 200: setDetailResponse, ...errorResponses(400, 401, 403, 404, 409, 422) },
        },
      },
      async (req) => {
        const catalog = await withdrawSet(ctx.database.db, req.params.id, sessionUser(req).id, req.body.reason);
        const entry = catalog.entry(req.params.id);
        return presentSet(entry.set, catalog.registry, entry.withdrawn, entry.origin);
      },
    );
  };
}
