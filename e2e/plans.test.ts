import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { pdfText } from '../test/pdf-text.ts';
import { blockingViolations, describeE2E, settled, login, newPage, resultPath, ROOT, useAppAndBrowser } from './harness.ts';

const PHONE = { width: 360, height: 740 };
const DESKTOP = { width: 1366, height: 900 };

interface PlanFile {
  number: string;
  targets: { key: string }[];
}
const planFile = (file: string) => JSON.parse(fs.readFileSync(path.join(ROOT, 'data', 'plans', file), 'utf8')) as PlanFile;
const PLAN_2452 = planFile('kh-2452-2022.json');
const PLAN_313 = planFile('kh-313-2022.json');

interface Progress {
  targets: { key: string; current: number | null; missing: string | null; forecast: { status: string } | null }[];
}
const STATUS_TEXT: Record<string, string> = {
  achieved: 'Đã đạt',
  'on-track': 'Đúng tiến độ',
  'at-risk': 'Có nguy cơ',
  'off-track': 'Chậm tiến độ',
  missed: 'Không đạt',
};

async function fitsAndPassesAxe(page: Page, shot: string): Promise<void> {
  await settled(page, '[data-testid="progress-loading"]', 60_000);
  const width = await page.evaluate(() => document.scrollingElement!.scrollWidth);
  expect(width, 'page wider than the screen').toBeLessThanOrEqual(page.viewportSize()!.width);
  expect(await blockingViolations(page)).toEqual([]);
  await page.screenshot({ path: resultPath(shot), fullPage: true });
}

/** Opens a plan from the list and checks every target of its data file is shown with its progress and forecast as the API computes them. */
async function openPlanAndCheckTargets(page: Page, plan: PlanFile): Promise<Progress> {
  await page.goto('/ke-hoach');
  const card = page.locator(`[data-plan="${plan.number}"]`);
  expect(await card.getByTestId('target-count').innerText()).toBe(String(plan.targets.length));
  await card.getByRole('link', { name: `Số hiệu ${plan.number}` }).click();
  await page.getByRole('heading', { level: 1, name: `Số hiệu ${plan.number}` }).waitFor();
  const id = /\/ke-hoach\/(\d+)/.exec(page.url())![1];
  await page.getByTestId('targets').waitFor({ timeout: 60_000 });
  const cards = page.locator('[data-testid="targets"] li.cs-plan-target');
  expect(await cards.count()).toBe(plan.targets.length);
  const res = await page.request.get(`/api/plans/${id}/progress`);
  expect(res.status(), await res.text()).toBe(200);
  const progress = (await res.json()) as Progress;
  for (const target of plan.targets) {
    const c = page.locator(`li.cs-plan-target[data-key="${target.key}"]`);
    const p = progress.targets.find((x) => x.key === target.key)!;
    expect(p, target.key).toBeTruthy();
    if (p.current !== null) expect(await c.getByTestId('progress').first().isVisible(), `${target.key}: progress bar`).toBe(true);
    if (p.forecast) expect(await c.getByTestId('forecast-status').first().innerText(), `${target.key}: status`).toBe(STATUS_TEXT[p.forecast.status]);
    // No forecast: the card says what is missing (e.g. the base year value) instead.
    else expect(await c.getByText(p.missing!).count(), `${target.key}: what is missing`).toBeGreaterThan(0);
  }
  return progress;
}

describeE2E('plan screens', () => {
  const env = useAppAndBrowser();

  it('a province officer opens Plan 2452 and Plan 313 and sees every target with its progress, forecast and the Hưng Đạo lineage', async () => {
    const { context, page } = await newPage(env.browser, env.app.baseUrl, DESKTOP);
    await login(page, 'tinh');
    await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Kế hoạch' }).click();
    await page.getByRole('heading', { level: 1, name: 'Kế hoạch xây dựng nông thôn mới' }).waitFor();
    await page.getByTestId('create-plan').waitFor();
    expect(await page.locator(`[data-plan="${PLAN_2452.number}"]`).innerText()).toMatch(/Có sẵn[\s\S]*UBND tỉnh Cao Bằng/);
    await fitsAndPassesAxe(page, 'plans-desktop.png');

    await openPlanAndCheckTargets(page, PLAN_2452);
    await fitsAndPassesAxe(page, 'plan-2452-desktop.png');

    await openPlanAndCheckTargets(page, PLAN_313);
    const hd = page.locator('li.cs-plan-target[data-key="hung-dao-nang-cao"]');
    expect(await hd.getByTestId('lineage').innerText()).toMatch(/Phường Thục Phán \(01273\)[\s\S]*bộ tiêu chí xã không áp dụng cho phường/);
    // The units behind a figure open from the card and link to their scorecards.
    const counted = page.locator('li.cs-plan-target[data-key="xa-nang-cao"] [data-testid="counted"]');
    await counted.locator('summary').click();
    const links = counted.getByRole('link');
    if ((await links.count()) > 0) expect(await links.first().getAttribute('href')).toMatch(/^\/don-vi\/\d+/);
    await fitsAndPassesAxe(page, 'plan-313-desktop.png');

    await page.setViewportSize(PHONE);
    await fitsAndPassesAxe(page, 'plan-313-360.png');
    await context.close();
  });

  it('the province downloads Plan 2452’s progress report as PDF and Excel from the plan page, and the communes’ results from the overview', async () => {
    const { context, page } = await newPage(env.browser, env.app.baseUrl, DESKTOP);
    await login(page, 'tinh');
    await page.goto('/ke-hoach/1?asOf=2025-06-30');
    await page.getByTestId('targets').waitFor({ timeout: 60_000 });
    const reports = page.getByRole('navigation', { name: 'Tải báo cáo tiến độ kế hoạch' });
    const [pdf] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), reports.getByRole('link', { name: 'Báo cáo PDF' }).click()]);
    expect(pdf.suggestedFilename()).toMatch(/\.pdf$/);
    const text = (await pdfText(fs.readFileSync(await pdf.path()))).join('\n').replace(/\s+/g, ' ');
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain(`Tiến độ thực hiện Kế hoạch số ${PLAN_2452.number}`);
    expect(text).toContain('tính đến ngày 30/06/2025');
    const [xlsx] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), reports.getByRole('link', { name: 'Báo cáo Excel' }).click()]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(await xlsx.path());
    const cells: string[] = [];
    wb.worksheets[0]!.eachRow((row) => row.eachCell((c) => cells.push(c.text)));
    expect(cells).toContain('ỦY BAN NHÂN DÂN TỈNH CAO BẰNG');
    expect(cells.filter((c) => c.includes('“')).length).toBe(PLAN_2452.targets.length);

    await page.goto('/tong-quan?asOf=2025-06-01&year=2025');
    const overviewReports = page.getByRole('navigation', { name: 'Tải báo cáo kết quả các xã' });
    const [results] = await Promise.all([
      page.waitForEvent('download', { timeout: 60_000 }),
      overviewReports.getByRole('link', { name: 'Báo cáo Excel' }).click(),
    ]);
    const rwb = new ExcelJS.Workbook();
    await rwb.xlsx.readFile(await results.path());
    let communes = 0;
    rwb.worksheets[0]!.eachRow((row) => void (/\(\d{5}\)/.test(row.getCell(2).text) && communes++));
    const overview = (await (await page.request.get('/api/overview?asOf=2025-06-01&year=2025')).json()) as { rows: unknown[] };
    expect(communes).toBe(overview.rows.length);
    await context.close();
  });

  it('commune staff and viewers see the plans without the create button; district staff may create', async () => {
    for (const [username, allowed] of [
      ['xa.hoaan', false],
      ['xem', false],
      ['huyen.hoaan', true],
    ] as const) {
      const { context, page } = await newPage(env.browser, env.app.baseUrl, PHONE);
      await login(page, username);
      await page.goto('/ke-hoach');
      await page.locator(`[data-plan="${PLAN_2452.number}"]`).waitFor();
      expect(await page.getByTestId('create-plan').count(), username).toBe(allowed ? 1 : 0);
      await context.close();
    }
  });

  it('the province creates a 2026–2030 plan; a stale version, a deadline before the plan date and a share above its target are refused with the reason', async () => {
    const { context, page } = await newPage(env.browser, env.app.baseUrl, DESKTOP);
    await login(page, 'tinh');
    await page.goto('/ke-hoach');
    await page.getByTestId('create-plan').click();
    const dialog = page.getByRole('dialog');
    const number = `${Date.now() % 100_000}/KH-UBND`;
    await dialog.getByLabel('Số hiệu').fill(number);
    await dialog.getByLabel('Ngày ban hành').fill('15/01/2026');
    await dialog.getByLabel('Từ năm').fill('2026');
    await dialog.getByLabel('Đến năm').fill('2030');
    await dialog.getByLabel('Tên kế hoạch').fill('Kế hoạch xây dựng nông thôn mới giai đoạn 2026–2030 (thử)');
    await dialog.getByLabel('Cơ quan ban hành').fill('UBND tỉnh Cao Bằng');
    await dialog.getByLabel('Mã đơn vị của địa bàn').fill('04');
    await dialog.getByTestId('add-target').click();
    const target = dialog.getByTestId('target-0');
    await target.getByLabel('Mã chỉ tiêu', { exact: true }).fill('xa-ntm-2030');
    await target.getByLabel('Thời hạn').fill('31/12/2030');
    await target.getByLabel('Câu trong kế hoạch (nguyên văn)').fill('Phấn đấu đến năm 2030 có thêm 10 xã đạt chuẩn nông thôn mới');
    await target.getByLabel('Mã địa bàn').fill('04');
    await target.getByLabel('Số đơn vị').fill('10');
    await fitsAndPassesAxe(page, 'plan-create-desktop.png');
    await dialog.getByTestId('save-plan').click();
    await page.getByRole('heading', { level: 1, name: `Số hiệu ${number}` }).waitFor();
    await page.getByTestId('targets').waitFor({ timeout: 60_000 });
    expect(await page.locator('li.cs-plan-target').count()).toBe(1);
    expect(await page.locator('li.cs-plan-target').innerText()).toContain('Phấn đấu đến năm 2030 có thêm 10 xã');
    const id = /\/ke-hoach\/(\d+)/.exec(page.url())![1];

    // Someone else saves the plan while the form is open: the save is refused and the current version offered.
    await page.getByTestId('edit-plan').click();
    const current = (await (await page.request.get(`/api/plans/${id}`)).json()) as { version: number; document: Record<string, unknown> };
    const other = await page.request.put(`/api/plans/${id}`, { data: { version: current.version, plan: current.document, note: 'lưu song song' } });
    expect(other.status(), await other.text()).toBe(200);
    await dialog.getByTestId('save-plan').click();
    await dialog.getByText(/vừa được người khác sửa/).waitFor();
    await dialog.getByTestId('reload-plan').click();

    // A deadline before the plan's date: the server's message under the deadline.
    await target.getByLabel('Thời hạn').fill('31/12/2025');
    await dialog.getByTestId('save-plan').click();
    await target
      .locator('.ant-form-item-explain-error')
      .filter({ hasText: /trước ngày ban hành kế hoạch 15\/01\/2026/ })
      .waitFor();

    // Sharing the target out: a share above the target is refused under its number of units.
    await target.getByLabel('Thời hạn').fill('31/12/2030');
    await target.getByTestId('cascade').click();
    const share = dialog.getByTestId('target-1');
    expect(await share.getByLabel('Phân bổ từ chỉ tiêu (mã)').inputValue()).toBe('xa-ntm-2030');
    await share.getByLabel('Mã địa bàn').fill('01654');
    await share.getByLabel('Số đơn vị').fill('11');
    await dialog.getByTestId('save-plan').click();
    await share
      .locator('.ant-form-item-explain-error')
      .filter({ hasText: /vượt chỉ tiêu 10/ })
      .waitFor();
    await page.setViewportSize(PHONE);
    await fitsAndPassesAxe(page, 'plan-edit-360.png');
    await context.close();
  });
});
