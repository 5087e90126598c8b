import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { blockingViolations, describeE2E, settled, login, newPage, resultPath, useAppAndBrowser } from './harness.ts';

const PHONE = { width: 360, height: 740 };

async function checkPage(page: Page, what: string): Promise<void> {
  await settled(page);
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

    // dashboard
    await page.goto('/bang-dieu-khien?asOf=2025-06-30&year=2025');
    await page.getByTestId('commune-map').waitFor({ timeout: 60_000 });
    await checkPage(page, 'dashboard');

    await page.goto('/bo-tieu-chi');
    await page.getByRole('heading', { level: 1, name: 'Bộ tiêu chí' }).waitFor();
    await page.getByTestId('pending').waitFor();
    await checkPage(page, 'criteria sets');

    await page.goto('/bo-tieu-chi/xa-ntm-2024');
    await page.getByRole('heading', { level: 1 }).waitFor();
    await checkPage(page, 'criteria set detail');
    await page.screenshot({ path: resultPath('set-detail-360.png'), fullPage: true });

    await page.goto('/ke-hoach');
    await page.getByRole('heading', { level: 1, name: 'Kế hoạch xây dựng nông thôn mới' }).waitFor();
    await page.getByTestId('plan-list').locator('li').first().waitFor();
    await checkPage(page, 'plans');
    await page.screenshot({ path: resultPath('plans-360.png'), fullPage: true });

    // Plan 2452/KH-UBND of the province (the first built-in plan); its progress may take a few seconds when cold.
    await page.goto('/ke-hoach/1');
    await page.getByRole('heading', { level: 1, name: 'Số hiệu 2452/KH-UBND' }).waitFor();
    await page.getByTestId('targets').waitFor({ timeout: 60_000 });
    await checkPage(page, 'plan');
    await page.screenshot({ path: resultPath('plan-360.png'), fullPage: true });
    await context.close();
  });

  it('the entry screen, its unit picker and the navigation drawer fit 360 px and pass axe', async () => {
    const { context, page } = await newPage(env.browser, env.app.baseUrl, PHONE);
    await login(page, 'tinh');
    await page.goto('/nhap-lieu/01654/xa-ntm-2026-2030/2026');
    await page.getByTestId('live-result').waitFor();
    await checkPage(page, 'entry screen');
    await page.goto('/nhap-lieu');
    await page.getByRole('heading', { level: 1, name: 'Nhập số liệu' }).waitFor();
    await checkPage(page, 'entry picker');

    // The sections do not fit a phone's header: they open from the menu button.
    expect(await page.locator('.cs-header .cs-nav').isVisible()).toBe(false);
    await page.getByTestId('menu-button').click();
    const drawer = page.getByRole('dialog');
    await drawer.getByRole('link', { name: 'Nhập số liệu' }).waitFor();
    await expect(drawer.getByRole('link', { name: 'Nhập số liệu' }).getAttribute('aria-current')).resolves.toBe('page');
    // The drawer fades in: axe would measure its text's contrast at part opacity.
    await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'), null, { timeout: 10_000 });
    await checkPage(page, 'navigation drawer');
    await page.screenshot({ path: resultPath('nav-drawer-360.png') });
    await drawer.getByRole('link', { name: 'Bộ tiêu chí' }).click();
    await page.waitForURL(/\/bo-tieu-chi$/);
    await drawer.waitFor({ state: 'hidden' });
    await context.close();
  });
});
