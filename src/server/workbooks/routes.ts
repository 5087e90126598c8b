import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import multipart from '@fastify/multipart';
import { closeWorkbookPool } from '../../interchange/assessments/parse-pool.ts';
import { sessionUser } from '../auth/guard.ts';
import type { AppContext } from '../context.ts';
import { errorResponses } from '../contracts.ts';
import { buildWorkbook, type WorkbookFile } from './download.ts';
import { importWorkbook, scopeUnitId } from './import.ts';
import { importReport, scopeWorkbookParams, scopeWorkbookQuery, unitWorkbookParams, workbookFile, workbookQuery } from './schema.ts';
import { streamProgress, wantsProgress } from './stream.ts';
import { readWorkbookUpload, WORKBOOK_MULTIPART_LIMITS } from './upload.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function sendFile(reply: FastifyReply, f: WorkbookFile): FastifyReply {
  return reply
    .header('content-type', XLSX)
    .header('content-disposition', `attachment; filename="${f.fileName.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(f.fileName)}`)
    .header('cache-control', 'no-store')
    .send(f.bytes);
}

const DOWNLOAD_DESCRIPTION =
  'Phiếu Excel điền sẵn: trang "Hướng dẫn" rồi mỗi đơn vị một trang tính (tiêu chí, chỉ tiêu, đơn vị tính, ngưỡng và việc đã đối chiếu văn bản, giá trị hiện tại, cột giá trị mới và ghi chú). Các ô cấu trúc bị khoá (khoá trang tính không mật khẩu); in vừa khổ A4. Mỗi trang ghi phiên bản bản đánh giá để lần nạp lại biết số liệu có bị người khác sửa trong lúc đó không.';

export function workbookRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(multipart, { limits: WORKBOOK_MULTIPART_LIMITS, throwFileSizeLimit: true });
    app.addHook('onClose', closeWorkbookPool);
    const db = ctx.database.db;
    app.get(
      '/api/workbooks/assessments/:unitCode/:family/:year',
      {
        config: { access: 'workbook:export' },
        schema: {
          summary: 'Tải phiếu Excel đánh giá của một đơn vị (mã tỉnh hoặc huyện: mỗi xã một trang tính)',
          description: DOWNLOAD_DESCRIPTION,
          tags: ['nhập/xuất Excel'],
          params: unitWorkbookParams,
          querystring: workbookQuery,
          response: { 200: workbookFile, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (req, reply) => {
        const { unitCode, family, year } = req.params;
        const f = await buildWorkbook(db, sessionUser(req), { code: unitCode, family, year, asOf: req.query.asOf }, (unitId) =>
          req.authorizeResource({ kind: 'unit', unitId }),
        );
        return sendFile(reply, f);
      },
    );
    app.get(
      '/api/workbooks/assessments/:family/:year',
      {
        config: { access: 'workbook:export' },
        schema: {
          summary: 'Tải phiếu Excel đánh giá cho cả tỉnh hoặc một huyện (?scope=mã): mỗi xã một trang tính',
          description: `${DOWNLOAD_DESCRIPTION} Một huyện chỉ có trước 01/07/2025: khi đó cho asOf trước ngày này.`,
          tags: ['nhập/xuất Excel'],
          params: scopeWorkbookParams,
          querystring: scopeWorkbookQuery,
          response: { 200: workbookFile, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (req, reply) => {
        const { family, year } = req.params;
        const f = await buildWorkbook(db, sessionUser(req), { code: req.query.scope, family, year, asOf: req.query.asOf }, (unitId) =>
          req.authorizeResource({ kind: 'unit', unitId }),
        );
        return sendFile(reply, f);
      },
    );
    app.post(
      '/api/workbooks/assessments/import',
      {
        config: { access: 'workbook:import' },
        // Progress lines must reach the browser as they are written, not when a compressor's buffer fills.
        compress: false,
        schema: {
          summary: 'Nạp lại phiếu Excel đánh giá: kiểm tra toàn bộ, lưu mọi trang tính trong một giao dịch hoặc không lưu gì',
          description:
            'multipart/form-data: tệp .xlsx ở trường "file" (tối đa 20 MB); scope, family, year (không bắt buộc): đơn vị, bộ tiêu chí và năm mà người nạp chọn, để phát hiện phiếu nhầm. Tệp được đọc trong một luồng riêng. Lỗi: 400 WORKBOOK_INVALID với details.problems [{sheet, row, column, message}] (mọi lỗi, bằng tiếng Việt); 403 khi có trang tính của đơn vị ngoài phạm vi (cả tệp bị từ chối, details.problems nêu các trang đó); 409 CONFLICT khi bản đánh giá đã được lưu sau khi tải phiếu hoặc đã gửi/duyệt; 413 khi tệp quá lớn. Với Accept: application/x-ndjson, trả từng dòng tiến độ {stage: received|reading|checking|saving, done?, total?} rồi {stage: "done", report} hoặc {stage: "error", status, error}.',
          consumes: ['multipart/form-data'],
          tags: ['nhập/xuất Excel'],
          response: { 200: importReport, ...errorResponses(400, 401, 403, 404, 409, 413, 503) },
        },
      },
      async (req, reply) => {
        const user = sessionUser(req);
        const authorize = (unitId: number) => req.authorizeResource({ kind: 'unit', unitId });
        const upload = await readWorkbookUpload(req);
        if (!wantsProgress(req)) return importWorkbook(db, user, upload, authorize);
        // The stream answers 200 before the sheets are read: the unit the uploader chose is checked first.
        authorize(await scopeUnitId(db, upload.expect.scope));
        return streamProgress(req, reply, (progress) => importWorkbook(db, user, upload, authorize, progress));
      },
    );
  };
}
