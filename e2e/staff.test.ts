import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeE2E, login, newPage, resultPath, useAppAndBrowser } from './harness.ts';

/** Counts the table's rows over every page of the pagination. */
async function countAllRows(page: Page): Promise<number> {
  let total = 0;
  for (let guard = 0; guard < 50; guard++) {
    await page.locator('[data-testid="overview-table"] tr.cs-row').first().waitFor();
    total += await page.locator('[data-testid="overview-table"] tr.cs-row').count();
    const next = page.getByRole('button', { name: 'Trang sau' });
    if ((await next.count()) === 0 || (await next.isDisabled())) return total;
    const firstBefore = await page.locator('[data-testid="overview-table"] tr.cs-row').first().textContent();
    await next.click();
    await expect.poll(() => page.locator('[data-testid="overview-table"] tr.cs-row').first().textContent()).not.toBe(firstBefore);
  }
  throw new Error('pagination did not end');
}

async function totalFigure(page: Page): Promise<string> {
  return ((await page.getByTestId('stat-total').locator('.cs-stat-value').textContent()) ?? '').trim();
}

describeE2E('staff web app', () => {
  const env = useAppAndBrowser();

  it('province officer: overview before and after 1 July 2025, then a commune scorecard', async () => {
    const { context, page } = await newPage(env.browser, env.app.baseUrl);
    await login(page, 'tinh');
    await page.getByRole('button', { name: 'Trước 01/07/2025 (161 xã)' }).click();
    await page.waitForURL(/asOf=2025-06-30/);
    await expect.poll(() => totalFigure(page), { timeout: 15_000 }).toBe('161');
    await expect(page.getByTestId('sample-banner').isVisible()).resolves.toBe(true);
    await expect(page.getByTestId('sets-used').textContent()).resolves.toContain('giai đoạn 2021-2025 (sửa đổi năm 2024)');
    expect(await countAllRows(page)).toBe(161);

    await page.getByRole('button', { name: 'Từ 01/07/2025 (56 xã)' }).click();
    await page.waitForURL(/asOf=2025-07-01/);
    await expect.poll(() => totalFigure(page), { timeout: 15_000 }).toBe('56');
    expect(await page.getByTestId('range').textContent()).toContain('56');
    expect(await countAllRows(page)).toBe(56);

    await page.getByLabel('Tìm theo tên').fill('bach dang');
    await expect.poll(() => page.locator('[data-testid="overview-table"] tr.cs-row').count()).toBe(1);
    await page.getByRole('link', { name: 'Xã Bạch Đằng' }).click();
    await page.waitForURL(/\/don-vi\/01708\?asOf=2025-07-01&year=2025/);
    await page.getByRole('heading', { level: 1, name: 'Xã Bạch Đằng' }).waitFor();
    await page.getByTestId('toggle-all').click();
    await expect(page.getByText('Chưa xác nhận', { exact: true }).first().isVisible()).resolves.toBe(true);
    const statuses = page.locator('[data-testid="indicator"] .ant-tag').filter({ hasText: /^(Đạt|Chưa đạt|Cơ bản đạt|Chưa có số liệu|Chưa có ngưỡng)$/ });
    await expect(statuses.first().isVisible()).resolves.toBe(true);
    await page.getByTestId('hamlets').getByRole('link').first().waitFor();
    await page.screenshot({ path: resultPath('scorecard-1280.png'), fullPage: true });

    await page.getByRole('link', { name: 'Quay lại tổng quan' }).click();
    await page.waitForURL(/\/tong-quan\?asOf=2025-07-01&year=2025/);
    await context.close();
  });

  it('commune officer sees only their commune and is refused another commune', async () => {
    const { context, page } = await newPage(env.browser, env.app.baseUrl);
    await login(page, 'xa.hoaan');
    await page.goto('/tong-quan?asOf=2025-07-01&year=2025');
    await expect.poll(() => totalFigure(page), { timeout: 15_000 }).toBe('1');
    const rows = page.locator('[data-testid="overview-table"] tr.cs-row');
    expect(await rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain('Xã Hòa An');

    await page.goto('/don-vi/01708?asOf=2025-07-01&year=2025');
    await page.getByText('Không có quyền xem').waitFor();
    await expect(page.getByText('Đơn vị này nằm ngoài phạm vi được giao cho tài khoản').isVisible()).resolves.toBe(true);
    await context.close();
  });

  it('a wrong password shows the Vietnamese error and keeps the user on the login page', async () => {
    const { context, page } = await newPage(env.browser, env.app.baseUrl);
    await page.goto('/tong-quan');
    await page.waitForURL(/\/dang-nhap/);
    await page.getByLabel('Tên đăng nhập').fill('tinh');
    await page.getByLabel('Mật khẩu').fill('sai-mat-khau');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('alert').filter({ hasText: 'Tên đăng nhập hoặc mật khẩu không đúng' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/dang-nhap');
    await context.close();
  });

  it('switches to English and back, and logs out', async () => {
    const { context, page } = await newPage(env.browser, env.app.baseUrl);
    await login(page, 'tinh');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Commune overview' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.getByRole('button', { name: 'Tiếng Việt' }).click();
    await page.getByRole('heading', { level: 1, name: 'Tổng quan các xã' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('vi');

    await page.getByRole('button', { name: /Tài khoản: tinh/ }).click();
    const logout = page.getByRole('menuitem', { name: 'Đăng xuất' });
    await logout.waitFor();
    await Promise.all([page.waitForResponse((r) => r.url().endsWith('/api/auth/logout')), logout.click()]);
    await page.getByRole('heading', { level: 1, name: 'Đăng nhập' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/dang-nhap');
    const me = await page.evaluate(async () => (await fetch('/api/auth/me')).status);
    expect(me).toBe(401);
    await context.close();
  });
});
