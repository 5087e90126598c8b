import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sessionUser } from '../auth/guard.ts';
import type { AppContext } from '../context.ts';
import { errorResponses } from '../contracts.ts';
import { exportDataValues } from './export.ts';
import { importDataValues } from './import.ts';
import { loadMapping, type EffectiveMapping } from './mapping.ts';
import { presentMapping } from './present.ts';
import {
  dataValueSetBody,
  dataValueSetResponse,
  dataValueSetsQuery,
  importQuery,
  importSummary,
  mappingsQuery,
  mappingsResponse,
  replaceMappingsBody,
} from './schema.ts';
import { replaceMapping } from './service.ts';

const TAGS = ['DHIS2'];

function presentMappings(m: EffectiveMapping, q: { kind?: string; family?: string; generated?: string } = {}) {
  const rows = m.list.filter(
    (x) =>
      (!q.kind || x.kind === q.kind) &&
      (!q.family || (x.kind === 'dataElement' && x.family === q.family)) &&
      (!q.generated || String(x.generated) === q.generated),
  );
  return { mappings: rows.map(presentMapping) };
}

export function dhis2Routes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/dhis2/mappings',
      {
        config: { access: 'dhis2:mapping' },
        schema: {
          summary: 'Bảng ánh xạ mã nội bộ ↔ mã DHIS2',
          description:
            'Phần tử dữ liệu (dataElement): mã chỉ tiêu hoặc tiêu chí trong một họ bộ tiêu chí; đơn vị (orgUnit): một thời kỳ của đơn vị (unitId), vì mã đơn vị được dùng lại qua 01/07/2025. Dòng chưa lưu có mã sinh tự động, ổn định, từ mã nội bộ (generated: true).',
          tags: TAGS,
          querystring: mappingsQuery,
          response: { 200: mappingsResponse, ...errorResponses(400, 401, 403) },
        },
      },
      async (req) => presentMappings(await loadMapping(ctx.database.db), req.query),
    );
    app.put(
      '/api/dhis2/mappings',
      {
        config: { access: 'dhis2:mapping' },
        schema: {
          summary: 'Thay toàn bộ bảng ánh xạ DHIS2',
          description:
            'Tất cả hoặc không gì: một dòng sai (mã DHIS2 sai dạng, mã chỉ tiêu hay đơn vị không có, một mã dùng hai lần) thì không lưu gì, lỗi 400 DHIS2_MAPPING_INVALID nêu từng dòng (details.problems). Đơn vị ghi bằng unitId, hoặc mã kèm asOf (ngày trong thời kỳ). Dòng generated: true còn giữ mã sinh tự động thì không cần lưu. Trả về bảng ánh xạ mới.',
          tags: TAGS,
          body: replaceMappingsBody,
          response: { 200: mappingsResponse, ...errorResponses(400, 401, 403, 413) },
        },
      },
      async (req) => presentMappings(await replaceMapping(ctx.database.db, sessionUser(req), req.body.mappings)),
    );
    app.get(
      '/api/dataValueSets',
      {
        config: { access: 'dhis2:read' },
        schema: {
          summary: 'Xuất giá trị theo dạng dataValueSets của DHIS2',
          description:
            'dataSet: họ bộ tiêu chí; period: năm yyyy; orgUnit: mã DHIS2 của đơn vị (mỗi tham số có thể lặp lại); children=true thêm các đơn vị cấp dưới trong phạm vi của tài khoản. Mặc định xuất giá trị đang lưu, ở mọi trạng thái (như DHIS2); approvedOnly=true xuất bản chụp lúc phê duyệt gần nhất. Giá trị là chuỗi: true/false, số viết bằng dấu chấm, trạng thái met/basically-met/not-met; ghi chú là comment. Đơn vị ngoài phạm vi: 403; mã DHIS2 không có: 404.',
          tags: TAGS,
          querystring: dataValueSetsQuery,
          response: { 200: dataValueSetResponse, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (req) =>
        exportDataValues(
          ctx.database.db,
          {
            dataSets: req.query.dataSet,
            periods: req.query.period,
            orgUnits: req.query.orgUnit,
            children: req.query.children === 'true',
            approvedOnly: req.query.approvedOnly === 'true',
          },
          (unitId) => req.authorizeResource({ kind: 'unit', unitId }),
          (units) => req.visibleOnly(units, (u) => ({ kind: 'unit', unitId: u.id })),
        ),
    );
    app.post(
      '/api/dataValueSets',
      {
        config: { access: 'dhis2:write' },
        // A DHIS2 payload for every commune of the province runs to tens of thousands of values.
        bodyLimit: 50_000_000,
        schema: {
          summary: 'Nhập giá trị theo dạng dataValueSets của DHIS2',
          description:
            'Mỗi giá trị qua đúng các quy tắc như khi nhập trên màn hình: bảng ánh xạ tìm đơn vị, họ bộ tiêu chí và mã; phạm vi của tài khoản, trạng thái bản đánh giá (đã gửi, đã duyệt thì khoá) và giá trị (đọc như ô bảng tính) được kiểm tra; vi phạm là một xung đột (conflicts) nêu mã và lý do. atomicMode=ALL (mặc định): có xung đột thì không lưu gì (status ERROR); atomicMode=NONE: lưu các giá trị không xung đột (WARNING). dryRun=true: kiểm tra và đếm, không lưu. importStrategy: CREATE_AND_UPDATE (mặc định), CREATE (giữ giá trị đã có), UPDATE (chỉ sửa giá trị đã có), DELETE (xoá giá trị và ghi chú). Giá trị rỗng xoá giá trị đã lưu; comment là ghi chú. Đếm: imported (giá trị mới), updated (giá trị hoặc ghi chú khác), deleted, ignored (trùng giá trị đang lưu, hoặc xung đột). Thay đổi ghi vào lịch sử với nguồn dhis2 và mã lần nhập (reference).',
          tags: TAGS,
          querystring: importQuery,
          body: dataValueSetBody,
          response: { 200: importSummary, ...errorResponses(400, 401, 403, 413) },
        },
      },
      async (req) =>
        importDataValues(
          ctx.database.db,
          sessionUser(req),
          req.body,
          { dryRun: req.query.dryRun === 'true', strategy: req.query.importStrategy ?? 'CREATE_AND_UPDATE', atomic: req.query.atomicMode ?? 'ALL' },
          {
            visible: (unitIds) => new Set(req.visibleOnly(unitIds, (unitId) => ({ kind: 'unit', unitId }))),
            authorize: (unitId) => req.authorizeResource({ kind: 'unit', unitId }),
          },
        ),
    );
  };
}
