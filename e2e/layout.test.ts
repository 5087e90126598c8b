import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { blockingViolations, describeE2E, login, newPage, resultPath, useAppAndBrowser } from './harness.ts';

const PHONE = { width: 360, height: 740 };

async function checkPage(page: Page, what: string): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page
    .locator('.ant-spin-spinning')
    .first()
    .waitFor({ state: 'detached', timeout: 30_000 })
    .catch(() => undefined);
  const width = await page.evaluate(() => document.scrollingElement!.scrollWidth);
  expect(width, `${what}: page wider than the 360 px screen`).toBeLessThanOrEqual(PHONE.width);
  expect(await blockingViolations(page), `${what}: axe`).toEqual([]);
}

describeE2E('phone layout and accessibility (360 × 740)', () => {
  const env = useAppAndBrowser();

  it('every page fits 360 px and has no serious or critical axe violation', async () => {
    const { context, page } = await newPage(env.browser, env.app.baseUrl, PHONE);
    await page.goto('/dang-nhap');
    await page.getByRole('heading', { level: 1, name: 'Đăng nhập' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('vi');
    await checkPage(page, 'login');

    await login(page, 'tinh');
    await page.goto('/tong-quan?asOf=2025-06-30&year=2025');
    await page.locator('[data-testid="overview-table"] tr.cs-row').first().waitFor();
    await checkPage(page, 'overview');
    await page.screenshot({ path: resultPath('overview-360.png') });
    await page.screenshot({ path: resultPath('overview-360-full.png'), fullPage: true });

    await page.goto('/don-vi/01708?asOf=2025-07-01&year=2025');
    await page.getByRole('heading', { level: 1, name: 'Xã Bạch Đằng' }).waitFor();
    await page.getByTestId('toggle-all').click();
    await checkPage(page, 'scorecard');
    await page.screenshot({ path: resultPath('scorecard-360.png'), fullPage: true });

    await page.goto('/bo-tieu-chi');
    await page.getByRole('heading', { level: 1, name: 'Bộ tiêu chí' }).waitFor();
    await page.getByTestId('pending').waitFor();
    await checkPage(page, 'criteria sets');

    await page.goto('/bo-tieu-chi/xa-ntm-2024');
    await page.getByRole('heading', { level: 1 }).waitFor();
    await checkPage(page, 'criteria set detail');
    await page.screenshot({ path: resultPath('set-detail-360.png'), fullPage: true });
    await context.close();
  });
});
