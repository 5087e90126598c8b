/**
 * The Excel round trip in the browser: a commune officer picks the unit, set and year, downloads the workbook,
 * fills it offline, uploads it with progress, sees the summary; a wrong file is reported row by row. At 360 px
 * and desktop, with no serious or critical axe violation.
 */
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { COLUMNS, HEADER_ROW } from '../src/interchange/assessments/layout.ts';
import { blockingViolations, describeE2E, login, newPage, resultPath, useAppAndBrowser } from './harness.ts';

const PHONE = { width: 360, height: 740 };

async function fits(page: Page, what: string, width: number): Promise<void> {
  const scroll = await page.evaluate(() => document.scrollingElement!.scrollWidth);
  expect(scroll, `${what}: page wider than the screen`).toBeLessThanOrEqual(width);
  expect(await blockingViolations(page), `${what}: axe`).toEqual([]);
}

async function pick(page: Page, label: string, option: string, search = true): Promise<void> {
  const box = page.getByRole('combobox', { name: label, exact: true });
  await box.click();
  if (search) await box.fill(option.slice(0, 6));
  // antd lists the options twice (an accessible listbox and the visible list): click the visible one.
  await page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title*="${option}"]`).first().click();
}

/** The downloaded workbook with every criterion's status set to Đạt. */
async function filled(bytes: Buffer): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const ws = wb.worksheets[1]!;
  for (let r = HEADER_ROW + 1; r <= ws.rowCount; r++) if (ws.getRow(r).getCell(COLUMNS.code).text) ws.getRow(r).getCell(COLUMNS.newValue).value = 'Đạt';
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describeE2E('Excel round trip page', () => {
  const env = useAppAndBrowser();

  for (const [name, viewport] of [
    ['360', PHONE],
    ['desktop', { width: 1280, height: 900 }],
  ] as const) {
    it(`downloads, uploads with a report of each problem, then stores a filled workbook (${name})`, async () => {
      const { context, page } = await newPage(env.browser, env.app.baseUrl, viewport);
      await login(page, 'xa.hoaan');
      // On a phone the sections open from the menu button.
      if (viewport.width < 720) await page.getByTestId('menu-button').click();
      await page.getByRole('link', { name: 'Nhập/xuất Excel' }).first().click();
      await page.getByRole('heading', { level: 1, name: 'Nhập/xuất phiếu Excel' }).waitFor();
      await page.waitForLoadState('networkidle');
      await fits(page, 'workbooks page', viewport.width);

      await pick(page, 'Đơn vị', 'Xã Hòa An (01654)');
      await pick(page, 'Bộ tiêu chí', 'xa-ntm-2026-2030', false);
      const href = await page.getByTestId('workbook-download').getAttribute('href');
      expect(href).toContain('/api/workbooks/assessments/01654/xa-ntm-2026-2030/2026');
      const download = await page.request.get(href!);
      expect(download.status()).toBe(200);
      const workbook = await download.body();

      await page
        .locator('input[type="file"]')
        .setInputFiles({ name: 'khong-phai.xlsx', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7\n1 0 obj\n') });
      await page.getByRole('button', { name: 'Nạp phiếu' }).click();
      const problems = page.getByTestId('workbook-problems');
      await problems.waitFor();
      expect(await problems.textContent()).toContain('là tài liệu PDF');
      await fits(page, 'problems report', viewport.width);
      await page.screenshot({ path: resultPath(`workbooks-problems-${name}.png`), fullPage: true });

      await page.locator('input[type="file"]').setInputFiles({
        name: `hoa-an-2026-${name}.xlsx`,
        mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        buffer: name === '360' ? await filled(workbook) : workbook,
      });
      await page.getByRole('button', { name: 'Nạp phiếu' }).click();
      const report = page.getByTestId('workbook-report');
      await report.waitFor({ timeout: 60_000 });
      expect(await report.textContent()).toContain(`Đã lưu phiếu "hoa-an-2026-${name}.xlsx" (1 trang tính)`);
      // The result appears with Ant Design's fade-in: axe reads colours once it has settled.
      await page.waitForLoadState('networkidle');
      await page.waitForTimeout(600);
      await fits(page, 'import summary', viewport.width);
      await page.screenshot({ path: resultPath(`workbooks-report-${name}.png`), fullPage: true });
      await context.close();
    });
  }
});
