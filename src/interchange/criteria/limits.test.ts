import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { SetRegistry } from '../../domain/criteria/registry.ts';
import { checkNewVersion } from '../../domain/criteria/validate.ts';
import { DomainError } from '../../domain/errors.ts';
import { buildCriterion, buildIndicator, buildSet, buildThreshold } from '../../../test/factories.ts';
import { writeZip, zipBomb } from '../../../test/zip.ts';
import { parseSetBuffer } from './files.ts';
import { IMPORT_LIMITS } from './limits.ts';
import { GUIDE_LINES } from './workbook-guide.ts';
import { inWorkbookWords, setToWorkbook } from './workbook.ts';

async function refusal(buf: Buffer | string, file: string): Promise<DomainError> {
  const err = await parseSetBuffer(Buffer.isBuffer(buf) ? buf : Buffer.from(buf), file).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(DomainError);
  return err as DomainError;
}

describe('import limits', () => {
  it('refuses a zip bomb named .xlsx from its central directory, naming the file', async () => {
    const bomb = zipBomb(4);
    expect(bomb.length).toBeGreaterThan(3 * 1024 * 1024);
    const e = await refusal(bomb, 'bang-tinh.xlsx');
    expect(e.code).toBe('FILE_TOO_LARGE');
    expect(e.message).toContain('"bang-tinh.xlsx"');
    expect(e.details).toMatchObject({ file: 'bang-tinh.xlsx', limit: 'unzippedBytes' });
  });

  it('refuses a zip whose directory understates what an entry inflates to', async () => {
    const liar = writeZip([{ name: 'xl/workbook.xml', data: Buffer.alloc(2_000_000), declaredSize: 1_000 }]);
    const e = await refusal(liar, 'noi-doi.xlsx');
    expect(e.code).toBe('FILE_TOO_LARGE');
    expect(e.details).toMatchObject({ file: 'noi-doi.xlsx', entry: 'xl/workbook.xml' });
  });

  it('refuses a zip with more entries than a workbook has', async () => {
    const many = writeZip(Array.from({ length: IMPORT_LIMITS.zipEntries + 1 }, (_, i) => ({ name: `x${i}.xml`, data: Buffer.from('<a/>') })));
    const e = await refusal(many, 'nhieu.xlsx');
    expect(e.code).toBe('FILE_TOO_LARGE');
    expect(e.details).toMatchObject({ limit: 'zipEntries', count: IMPORT_LIMITS.zipEntries + 1 });
  });

  it('refuses a file over the size limit before reading it', async () => {
    const e = await refusal(Buffer.alloc(IMPORT_LIMITS.fileBytes + 1, 32), 'to.json');
    expect(e.code).toBe('FILE_TOO_LARGE');
    expect(e.details).toMatchObject({ file: 'to.json', limit: 'fileBytes' });
  });

  it('refuses a worksheet with more rows than the limit, naming the sheet', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await setToWorkbook(buildSet())) as unknown as ExcelJS.Buffer);
    const ws = wb.addWorksheet('Thừa');
    ws.getCell(IMPORT_LIMITS.sheetRows + 1, 1).value = 'x';
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    const e = await refusal(buf, 'dai.xlsx');
    expect(e.code).toBe('FILE_TOO_LARGE');
    expect(e.details).toMatchObject({ file: 'dai.xlsx', sheet: 'Thừa', limit: 'sheetRows' });
  });

  it('refuses JSON nested deeper than a set can be, before parsing it', async () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const e = await refusal(deep, 'sau.json');
    expect(e.code).toBe('FILE_TOO_LARGE');
    expect(e.details).toMatchObject({ file: 'sau.json', limit: 'jsonDepth' });
    // Brackets inside strings do not count.
    const set = buildSet({ note: '['.repeat(1000) });
    await expect(parseSetBuffer(Buffer.from(JSON.stringify(set)), 'ghi-chu.json')).resolves.toMatchObject({ id: set.id });
  });

  it('refuses a set with more indicators than the limit, and accepts one at the limit', async () => {
    const indicators = (n: number) => Array.from({ length: n }, (_, i) => buildIndicator({ code: `1.${i + 1}`, thresholds: [buildThreshold()] }));
    const over = { ...buildSet(), criteria: [buildCriterion({ code: '1', indicators: indicators(IMPORT_LIMITS.indicators + 1) })] };
    const e = await refusal(JSON.stringify(over), 'nhieu-chi-tieu.json');
    expect(e.code).toBe('FILE_TOO_LARGE');
    expect(e.details).toMatchObject({ limit: 'indicators', count: IMPORT_LIMITS.indicators + 1 });
    const at = { ...buildSet(), criteria: [buildCriterion({ code: '1', indicators: indicators(IMPORT_LIMITS.indicators) })] };
    await expect(parseSetBuffer(Buffer.from(JSON.stringify(at)), 'du.json')).resolves.toMatchObject({ id: at.id });
  });
});

describe('words a spreadsheet user understands', () => {
  it('the template guide says where to import in the application, not a command', () => {
    const text = GUIDE_LINES.join('\n');
    expect(text).not.toMatch(/npx|chungsuc sets|\bamends\b/);
    expect(text).toContain('Nạp phiên bản bộ tiêu chí');
    expect(text).toContain('"Sửa đổi"');
  });

  it('workbook errors name items and columns instead of JSON fields', () => {
    const relative = inWorkbookWords('chỉ tiêu min-relative cần trường "relative"');
    expect(relative).not.toMatch(/relative/);
    expect(relative).toContain('"Bộ tham chiếu"');
    const pending = inWorkbookWords('tiêu chí chưa có chỉ tiêu nào (đặt indicatorsPending nếu bảng chỉ tiêu chưa được nạp)');
    expect(pending).not.toContain('indicatorsPending');
    expect(pending).toContain('"Chưa nạp đủ bảng chỉ tiêu"');
  });

  it('a version clash says which item to fill, in the workbook and in JSON', () => {
    const old = buildSet({ id: 'cu', family: 'ho-trung', effectiveFrom: '2026-01-01' });
    const err = (() => {
      try {
        checkNewVersion(new SetRegistry([old]), buildSet({ id: 'moi', family: 'ho-trung', effectiveFrom: '2026-01-01' }));
      } catch (e) {
        return e as DomainError;
      }
      return null;
    })();
    expect(err?.code).toBe('CONFLICT');
    expect(err?.message).toContain('mục "Sửa đổi" (trang "Thông tin"');
  });
});
