import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import multipart from '@fastify/multipart';
import { cleanFileName } from '../../domain/evidence/names.ts';
import { DomainError } from '../../domain/errors.ts';
import { resolveAssessment, type EntrySource } from '../assessments/service.ts';
import { sessionUser } from '../auth/guard.ts';
import type { AppContext } from '../context.ts';
import { errorResponses } from '../contracts.ts';
import { checkEvidenceFile } from './check.ts';
import { chunkStream, contentDisposition } from './download.ts';
import { EVIDENCE_LIMITS, type EvidenceLimits } from './limits.ts';
import { removeTemp } from './receive.ts';
import {
  assessmentEvidenceParams,
  evidenceChangeResponse,
  evidenceDownload,
  evidenceIdParams,
  removeEvidenceParams,
  removeEvidenceQuery,
  uploadEvidenceQuery,
} from './schema.ts';
import { assertEvidenceCode, attachEvidence, detachEvidence, evidenceForDownload } from './service.ts';
import { multipartLimits, readEvidenceUpload } from './upload.ts';

const TAGS = ['minh chứng'];

/** The entry screen says so (as for values); a page of this site also sends Sec-Fetch-Site, a program does not. */
const sourceOf = (req: FastifyRequest): EntrySource => ({
  kind: req.headers['x-entry-source'] === 'screen' || req.headers['sec-fetch-site'] === 'same-origin' ? 'screen' : 'api',
});

export function evidenceRoutes(ctx: AppContext, limits: EvidenceLimits = EVIDENCE_LIMITS): FastifyPluginAsyncZod {
  return async (app) => {
    const db = ctx.database.db;
    // The parts are read in the handler, after the onRequest access check: an anonymous upload is never read.
    await app.register(multipart, { limits: multipartLimits(limits), throwFileSizeLimit: true });
    app.post(
      '/api/assessments/:unitCode/:family/:year/evidence',
      {
        config: { access: 'evidence:upload' },
        schema: {
          summary: 'Tải lên một tệp minh chứng cho một chỉ tiêu hoặc tiêu chí của đánh giá',
          description:
            'multipart/form-data: trường "code" (mã chỉ tiêu hoặc tiêu chí của phiên bản bộ tiêu chí mà đánh giá dùng) và "version" (phiên bản của đánh giá) TRƯỚC, rồi tệp ở trường "file" (tối đa 20 MB; PDF, ảnh PNG/JPEG/GIF/WebP, .docx, .xlsx, .pptx, .odt, .ods, .doc, .xls; loại được kiểm tra theo nội dung và phải khớp với đuôi tệp). Tệp chỉ được ghi khi đã nhận đủ và kiểm tra xong.',
          consumes: ['multipart/form-data'],
          tags: TAGS,
          params: assessmentEvidenceParams,
          querystring: uploadEvidenceQuery,
          response: { 201: evidenceChangeResponse, ...errorResponses(400, 401, 403, 404, 409, 413, 500) },
        },
      },
      async (req, reply) => {
        const user = sessionUser(req);
        const key = { unitCode: req.params.unitCode, family: req.params.family, year: req.params.year, ...(req.query.asOf ? { asOf: req.query.asOf } : {}) };
        const authorize = (unitId: number) => req.authorizeResource({ kind: 'unit', unitId });
        const upload = await readEvidenceUpload(req, limits, async ({ code }) => {
          const resolved = await resolveAssessment(db, key);
          authorize(resolved.unit.id);
          assertEvidenceCode(resolved.set, code);
        });
        try {
          const name = cleanFileName(upload.file.rawName, limits.nameChars);
          if (!name) throw new DomainError('VALIDATION', 'Tệp tải lên không có tên', { field: 'file' });
          const kind = await checkEvidenceFile(upload.file, name);
          const saved = await attachEvidence(
            db,
            user,
            { key, code: upload.code, version: upload.version, file: upload.file, name, kind, source: sourceOf(req) },
            authorize,
            limits.chunkBytes,
          );
          return await reply.code(201).send(saved);
        } finally {
          await removeTemp(upload.file.path);
        }
      },
    );
    app.delete(
      '/api/assessments/:unitCode/:family/:year/evidence/:fileId',
      {
        config: { access: 'evidence:upload' },
        schema: {
          summary: 'Gỡ một tệp minh chứng khỏi chỉ tiêu hoặc tiêu chí (tệp vẫn được lưu vì lịch sử nhắc đến nó)',
          tags: TAGS,
          params: removeEvidenceParams,
          querystring: removeEvidenceQuery,
          response: { 200: evidenceChangeResponse, ...errorResponses(400, 401, 403, 404, 409, 500) },
        },
      },
      async (req) => {
        const { fileId, ...key } = req.params;
        return detachEvidence(db, sessionUser(req), { key, code: req.query.code, version: req.query.version, fileId, source: sourceOf(req) }, (unitId) =>
          req.authorizeResource({ kind: 'unit', unitId }),
        );
      },
    );
    app.get(
      '/api/evidence/:id',
      {
        config: { access: 'evidence:read' },
        // Stored files are PDFs, images and zipped office documents: compressing them again gains nothing.
        compress: false,
        schema: {
          summary: 'Tải về một tệp minh chứng (người được xem đơn vị của tệp)',
          tags: TAGS,
          params: evidenceIdParams,
          response: { 200: evidenceDownload, ...errorResponses(400, 401, 403, 404, 500) },
        },
      },
      async (req, reply) => {
        const file = await evidenceForDownload(db, req.params.id, (unitId) => req.authorizeResource({ kind: 'unit', unitId }));
        void reply
          .header('Content-Type', file.type)
          .header('Content-Length', String(file.size))
          .header('Content-Disposition', contentDisposition(file.name))
          .header('X-Content-Type-Options', 'nosniff')
          .header('ETag', `"${file.sha256}"`)
          .header('Cache-Control', 'private');
        return reply.send(chunkStream(db, file));
      },
    );
  };
}
