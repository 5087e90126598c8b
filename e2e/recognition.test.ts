import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { blockingViolations, describeE2E, settled, login, newPage, resultPath, useAppAndBrowser } from './harness.ts';

const PHONE = { width: 360, height: 740 };
const DESKTOP = { width: 1366, height: 900 };

interface Dossier {
  id: number;
  unit: { code: string };
  tier: string;
  year: number;
  version: number;
  status: string;
}

async function dossierOf(page: Page, code: string, tier: string, year: number): Promise<Dossier> {
  const res = await page.request.get(`/api/recognitions?year=${year}&tier=${tier}`);
  expect(res.status(), await res.text()).toBe(200);
  const found = ((await res.json()) as { dossiers: Dossier[] }).dossiers.find((d) => d.unit.code === code);
  expect(found, `the demo dossier of ${code}`).toBeTruthy();
  return found!;
}

async function fitsAndPassesAxe(page: Page, shot: string): Promise<void> {
  await settled(page);
  const width = await page.evaluate(() => document.scrollingElement!.scrollWidth);
  expect(width, 'page wider than the screen').toBeLessThanOrEqual(page.viewportSize()!.width);
  expect(await blockingViolations(page)).toEqual([]);
  await page.screenshot({ path: resultPath(shot), fullPage: true });
}

describeE2E('recognition register', () => {
  const env = useAppAndBrowser();

  it('a province officer opens the register and a dossier, records the next step and sees it listed', async () => {
    const { context, page } = await newPage(env.browser, env.app.baseUrl, DESKTOP);
    await login(page, 'tinh');
    await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Công nhận' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sổ công nhận nông thôn mới' }).waitFor();
    await page.locator('.ant-table-row').first().waitFor();
    // The filters live in the address: the step reached, then a unit search.
    await page.getByLabel('Bước hiện tại').selectOption('public-posting');
    await page.waitForURL(/step=public-posting/);
    await page.getByLabel('Tìm đơn vị (tên hoặc mã)').fill('01654');
    await page.waitForURL(/q=01654/);
    const rows = page.locator('.ant-table-row');
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().innerText()).toMatch(/Xã Hòa An[\s\S]*Đạt chuẩn NTM[\s\S]*2025[\s\S]*Công khai, lấy ý kiến nhân dân[\s\S]*Đang xét/);
    await fitsAndPassesAxe(page, 'recognition-register-desktop.png');

    await rows.first().getByRole('link', { name: 'Xã Hòa An' }).click();
    await page.getByRole('heading', { level: 1, name: /Xã Hòa An — đạt chuẩn nông thôn mới 2025/ }).waitFor();
    const steps = page.getByTestId('steps');
    expect(await steps.locator('[data-kind="public-posting"]').getAttribute('data-state')).toBe('done');
    expect(await steps.locator('[data-kind="province-appraisal"]').getAttribute('data-state')).toBe('next');
    expect(await steps.locator('[data-kind="district-appraisal"]').count()).toBe(0);
    await page.getByRole('heading', { name: /^Ghi bước: Hội đồng thẩm định tỉnh thẩm định/ }).waitFor();
    await fitsAndPassesAxe(page, 'recognition-dossier-desktop.png');

    // A date before the previous step's is refused by the server, its message under the date.
    await page.getByLabel('Ngày', { exact: true }).fill('2025-09-01');
    await page.getByTestId('record-step').click();
    await page
      .locator('.ant-form-item-explain-error')
      .filter({ hasText: /không được trước ngày của bước/ })
      .waitFor();
    await page.getByLabel('Ngày', { exact: true }).fill('2025-10-20');
    await page.getByLabel('Số văn bản').fill('12/BC-HĐTĐ');
    await page.getByTestId('record-step').click();
    await page.getByText('Đã ghi bước "Hội đồng thẩm định tỉnh thẩm định"').waitFor();
    const done = steps.locator('[data-kind="province-appraisal"]');
    await expect.poll(() => done.getAttribute('data-state')).toBe('done');
    expect(await done.innerText()).toMatch(/20\/10\/2025[\s\S]*12\/BC-HĐTĐ[\s\S]*Ghi bởi tinh/);
    expect(await steps.locator('[data-kind="decision"]').getAttribute('data-state')).toBe('next');

    await page.getByRole('link', { name: 'Về sổ công nhận' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sổ công nhận nông thôn mới' }).waitFor();
    await page.getByLabel('Bước hiện tại').selectOption('province-appraisal');
    await page.waitForURL(/step=province-appraisal/);
    await expect.poll(() => page.locator('.ant-table-row').filter({ hasText: 'Xã Hòa An' }).count()).toBe(1);

    // The unit's change log lists the step with who recorded it.
    await page.goto('/nhat-ky/01654?asOf=2026-01-01&year=2025');
    await page.locator('.ant-table-row').first().waitFor();
    await settled(page);
    expect(await page.locator('.ant-table-row').first().innerText()).toMatch(/Hồ sơ công nhận: tỉnh thẩm định[\s\S]*12\/BC-HĐTĐ/);
    await context.close();
  });

  it('refuses a revocation without a reason with the server message, then revokes with one', async () => {
    const { context, page } = await newPage(env.browser, env.app.baseUrl, DESKTOP);
    await login(page, 'tinh');
    const dossier = await dossierOf(page, '01687', 'nang-cao', 2024);
    await page.goto(`/cong-nhan/${dossier.id}`);
    await page.getByRole('heading', { name: 'Thu hồi công nhận', level: 2 }).waitFor();
    await page.getByTestId('revoke').click();
    await page.locator('.ant-form-item-explain-error').filter({ hasText: 'thu hồi phải có lý do' }).waitFor();
    expect((await dossierOf(page, '01687', 'nang-cao', 2024)).status).toBe('recognised');
    await page.getByLabel('Ngày quyết định thu hồi').fill('2025-03-01');
    await page.getByLabel('Lý do').fill('Tiêu chí Thu nhập không còn đạt');
    await page.getByTestId('revoke').click();
    await page.getByText('Thu hồi ngày 01/03/2025: Tiêu chí Thu nhập không còn đạt').waitFor();
    expect((await dossierOf(page, '01687', 'nang-cao', 2024)).status).toBe('revoked');
    await context.close();
  });

  it('shows the recognised status beside the evaluation on the scorecard, and warns where they disagree', async () => {
    const { context, page } = await newPage(env.browser, env.app.baseUrl, DESKTOP);
    await login(page, 'tinh');
    // A commune formed on 1/7/2025, recognised NTM in the demo by a decision of 19/12/2025.
    await page.goto('/don-vi/01304?asOf=2026-01-01&year=2025');
    const card = page.getByTestId('recognition-card');
    await card.getByTestId('recognised').waitFor();
    expect(await card.innerText()).toMatch(/Đạt chuẩn NTM|đạt chuẩn nông thôn mới/);
    expect(await card.innerText()).toMatch(/Quyết định số MẪU-\S+ ngày 19\/12\/2025, Chủ tịch UBND tỉnh Cao Bằng/);
    expect(await page.getByRole('heading', { name: 'Kết quả', level: 2 }).count()).toBe(1);
    await fitsAndPassesAxe(page, 'recognition-scorecard-desktop.png');

    // A unit listed among the disagreements shows the warning on its scorecard.
    await page.goto('/cong-nhan?tab=disagreements&year=2025');
    const first = page.getByTestId('disagreements').locator('li').first();
    await first.waitFor({ timeout: 60_000 });
    await first.getByRole('link').first().click();
    await page.getByTestId('recognition-differs').waitFor();
    await context.close();
  });

  it('fits a 360 px phone: the register from the menu, a dossier and a scorecard pass axe', async () => {
    const { context, page } = await newPage(env.browser, env.app.baseUrl, PHONE);
    await login(page, 'tinh');
    await page.getByTestId('menu-button').click();
    await page.getByRole('dialog').getByRole('link', { name: 'Công nhận' }).click();
    await page.waitForURL(/\/cong-nhan$/);
    await page.locator('.cs-rec-card').first().waitFor();
    await fitsAndPassesAxe(page, 'recognition-register-360.png');
    const dossier = await dossierOf(page, '01304', 'ntm', 2025);
    await page.goto(`/cong-nhan/${dossier.id}`);
    await page.getByTestId('steps').waitFor();
    await fitsAndPassesAxe(page, 'recognition-dossier-360.png');
    await page.goto('/don-vi/01304?asOf=2026-01-01&year=2025');
    await page.getByTestId('recognition-card').getByTestId('recognised').waitFor();
    await fitsAndPassesAxe(page, 'recognition-scorecard-360.png');
    await context.close();
  });
});
