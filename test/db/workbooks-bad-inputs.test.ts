/**
 * Every bad workbook upload gets a clear report naming the place, and stores nothing (issue 8, "Bad input"):
 * corrupt or non-xlsx files, a file whose content is not its extension, another template, unit or year, text in
 * a numeric cell, a formula, values out of range, an extra or missing sheet, an unknown indicator code, a file over
 * 20 MB, a zip bomb, a sheet of a unit out of scope, a stale or a locked assessment.
 */
import zlib from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import type ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.ts';
import { findUnitAsOf } from '../../src/db/repos/units.ts';
import { COLUMNS } from '../../src/interchange/assessments/layout.ts';
import { buildAssessment, buildUser } from '../factories.ts';
import { backends } from './backends.ts';
import { expectError, login, startApp } from './http.ts';
import { editWorkbook, rowOf, uploadRequest, writtenCounts } from './workbook-files.ts';

const FAMILY = 'xa-ntm-2021-2025';
const url = (code: string, year = 2025) => `/api/workbooks/assessments/${code}/${FAMILY}/${year}?asOf=2025-07-01`;
type Problem = { sheet: string | null; row: number | null; column: string | null; message: string };

/** A zip whose one entry claims a small size but inflates to 300 MB of zeros. */
function zipBomb(): Buffer {
  const data = zlib.deflateRawSync(Buffer.alloc(300 * 1024 * 1024));
  const name = Buffer.from('xl/workbook.xml');
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(1000, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(1000, 24);
  central.writeUInt16LE(name.length, 28);
  central.writeUInt32LE(0, 42);
  const dirOffset = local.length + name.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + name.length, 12);
  end.writeUInt32LE(dirOffset, 16);
  return Buffer.concat([local, name, data, central, name, end]);
}

describe.each(backends)('bad workbook uploads on $name', (backend) => {
  let app: FastifyInstance;
  let database: Database;
  let commune: Record<string, string>;
  let province: Record<string, string>;
  let hoaAn: Buffer;

  beforeAll(async () => {
    database = await backend.shared();
    app = await startApp(database);
    const unit = (await findUnitAsOf(database.db, '01654', '2025-07-01'))!;
    const c = await buildUser(database.db, { role: 'commune', unit });
    const p = await buildUser(database.db, { role: 'province', unit: (await findUnitAsOf(database.db, '04', '2025-07-01'))! });
    commune = await login(app, c.username, c.password);
    province = await login(app, p.username, p.password);
    hoaAn = (await app.inject({ url: url('01654'), cookies: commune })).rawPayload;
  }, 300_000);

  /** Uploads, asserts the status and code, that nothing was written, and returns the listed problems. */
  async function refused(file: string, bytes: Buffer, status: number, code: string, fields: Record<string, string> = {}, who = commune): Promise<Problem[]> {
    const before = await writtenCounts(database.db);
    const err = expectError(await app.inject({ ...(await uploadRequest(file, bytes, fields)), cookies: who }), status, code);
    expect(await writtenCounts(database.db)).toEqual(before);
    return (err.details as { problems?: Problem[] } | undefined)?.problems ?? [];
  }

  const typed = (edit: (ws: ExcelJS.Worksheet) => void) => editWorkbook(hoaAn, (wb) => edit(wb.worksheets[1]!));

  it('refuses a corrupt file, a non-xlsx file and a file whose content is not its extension', async () => {
    expect((await refused('phieu.xlsx', Buffer.from('PK\u0003\u0004 không phải bảng tính'), 400, 'WORKBOOK_INVALID'))[0]!.message).toMatch(/hỏng/);
    expect((await refused('phieu.xlsx', hoaAn.subarray(0, hoaAn.length - 300), 400, 'WORKBOOK_INVALID'))[0]!.message).toMatch(/hỏng|chưa tải lên hết/);
    expect((await refused('phieu.csv', Buffer.from('ma,gia tri\n2.1,90\n'), 400, 'WORKBOOK_INVALID'))[0]!.message).toMatch(/đuôi .xlsx/);
    expect((await refused('phieu.xlsx', Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n'), 400, 'WORKBOOK_INVALID'))[0]!.message).toMatch(/là tài liệu PDF/);
    expect((await refused('phieu.pdf', hoaAn, 400, 'WORKBOOK_INVALID'))[0]!.message).toMatch(/đuôi .xlsx/);
  });

  it('refuses a workbook of another template, another unit or another year', async () => {
    const other = await editWorkbook(hoaAn, (wb) => {
      wb.removeWorksheet(wb.worksheets[0]!.id);
      wb.worksheets[0]!.getColumn(12).eachCell((c) => (c.value = null));
    });
    const template = await refused('mau-khac.xlsx', other, 400, 'WORKBOOK_INVALID');
    expect(template.map((p) => p.message).join('\n')).toMatch(/Thiếu trang "Hướng dẫn"[\s\S]*không thuộc phiếu/);
    expect((await refused('phieu.xlsx', hoaAn, 400, 'WORKBOOK_INVALID', { scope: '01657' }))[0]!.message).toMatch(/mã 01654, không phải mã 01657/);
    expect((await refused('phieu.xlsx', hoaAn, 400, 'WORKBOOK_INVALID', { year: '2024' }))[0]!.message).toMatch(/năm 2025, không phải năm 2024/);
    expect((await refused('phieu.xlsx', hoaAn, 400, 'WORKBOOK_INVALID', { family: 'xa-nang-cao-2021-2025' }))[0]!.message).toMatch(/xa-ntm-2021-2025/);
  });

  it('lists every bad cell by sheet, row and column: text in a number, a formula, 140 %, a negative count, an unknown code', async () => {
    const file = await typed((ws) => {
      rowOf(ws, '2.1').getCell(COLUMNS.newValue).value = 'chín mươi';
      rowOf(ws, '2.2').getCell(COLUMNS.newValue).value = { formula: 'A1*2', result: 4 };
      rowOf(ws, '2.3').getCell(COLUMNS.newValue).value = 140;
      rowOf(ws, '10').getCell(COLUMNS.newValue).value = -5;
      rowOf(ws, '11').getCell(COLUMNS.code).value = '11.9';
    });
    const problems = await refused('phieu.xlsx', file, 400, 'WORKBOOK_INVALID');
    const sheet = '01654 Hòa An';
    expect(problems).toHaveLength(5);
    const byCode = (code: string) => problems.find((p) => p.message.startsWith(`Chỉ tiêu ${code}:`) || p.message.includes(`"${code}"`));
    expect(byCode('2.1')).toMatchObject({ sheet, column: 'H', message: 'Chỉ tiêu 2.1: "chín mươi" không phải là số' });
    expect(byCode('2.2')).toMatchObject({ sheet, column: 'H', message: expect.stringContaining('công thức') as string });
    expect(byCode('2.3')).toMatchObject({ sheet, column: 'H', message: 'Chỉ tiêu 2.3: tỷ lệ phải từ 0 đến 100 %, nhận được 140' });
    expect(byCode('10')).toMatchObject({ sheet, column: 'H', message: 'Chỉ tiêu 10: không được âm' });
    expect(byCode('11.9')).toMatchObject({ sheet, column: 'B', message: 'Mã chỉ tiêu "11.9" không có trong bộ tiêu chí xa-ntm-2024' });
    expect(problems.every((p) => typeof p.row === 'number' && p.row > 8)).toBe(true);
  });

  it('refuses an extra sheet and a missing one', async () => {
    const extra = await editWorkbook(hoaAn, (wb) => wb.addWorksheet('Trang thêm').addRow(['2.1', 90]));
    expect((await refused('phieu.xlsx', extra, 400, 'WORKBOOK_INVALID'))[0]).toMatchObject({
      sheet: 'Trang thêm',
      message: expect.stringContaining('không thuộc phiếu') as string,
    });
    const missing = await editWorkbook(hoaAn, (wb) => wb.removeWorksheet(wb.worksheets[1]!.id));
    expect((await refused('phieu.xlsx', missing, 400, 'WORKBOOK_INVALID'))[0]).toMatchObject({ sheet: null, message: 'Thiếu trang tính của đơn vị mã 01654' });
  });

  it('refuses a file over 20 MB while it streams in, and a zip bomb from its directory', async () => {
    const big = Buffer.concat([hoaAn, Buffer.alloc(21 * 1024 * 1024)]);
    await refused('lon.xlsx', big, 413, 'FILE_TOO_LARGE');
    await refused('bom.xlsx', zipBomb(), 413, 'FILE_TOO_LARGE');
  });

  it('refuses the whole file with 403 when a sheet is for a unit out of the uploader’s scope', async () => {
    const other = (await app.inject({ url: url('01290'), cookies: province })).rawPayload;
    const problems = await refused('xa-khac.xlsx', other, 403, 'FORBIDDEN');
    expect(problems[0]).toMatchObject({ sheet: '01290 Bảo Lâm', message: expect.stringContaining('ngoài phạm vi') as string });
  });

  it('refuses a stale workbook (409 naming the sheet) and one for a locked assessment', async () => {
    const unit = (await findUnitAsOf(database.db, '01294', '2025-07-01'))!;
    const file = (await app.inject({ url: url('01294'), cookies: province })).rawPayload;
    await buildAssessment(database.db, { unit, family: FAMILY, year: 2025, values: { '2.1': 70 } });
    const stale = await refused('ly-bon.xlsx', file, 409, 'CONFLICT', {}, province);
    expect(stale[0]).toMatchObject({ sheet: '01294 Lý Bôn', message: expect.stringContaining('hãy tải phiếu mới') as string });
    await buildAssessment(database.db, { unit, family: FAMILY, year: 2025, values: { '2.1': 70 }, status: 'approved' });
    const fresh = (await app.inject({ url: url('01294'), cookies: province })).rawPayload;
    const locked = await refused('ly-bon.xlsx', fresh, 409, 'CONFLICT', {}, province);
    expect(locked[0]!.message).toContain('Đã phê duyệt');
  });
});
