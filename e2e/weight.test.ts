import { expect, it } from 'vitest';
import { DEMO_PASSWORD, describeE2E, newPage, useAppAndBrowser } from './harness.ts';
import { describeTransfers, recordTransfers, totalBytes } from './network.ts';

// Budgets for a first visit from a commune on a slow mobile connection (bytes on the wire, compressed).
const LOGIN_BUDGET = 150_000;
const OVERVIEW_BUDGET = 400_000;

describeE2E('page weight on a cold cache', () => {
  const env = useAppAndBrowser();

  it(`the login page transfers at most ${LOGIN_BUDGET / 1000} kB and no staff-app code`, async () => {
    const { context, page } = await newPage(env.browser, env.app.baseUrl);
    const { transfers } = await recordTransfers(context, page);
    await page.goto('/dang-nhap');
    await page.getByLabel('Tên đăng nhập').waitFor();
    await page.waitForLoadState('networkidle');
    const report = describeTransfers(transfers);
    expect(totalBytes(transfers), report).toBeLessThanOrEqual(LOGIN_BUDGET);
    // The staff app's pieces (Ant Design's table, the overview, the layout) are not part of the login.
    expect(report).not.toMatch(/\/assets\/(table|StaffLayout|OverviewPage|ApiErrorView)-/);
    const scripts = transfers.filter((t) => /\.(js|css)$/.test(new URL(t.url).pathname));
    expect(scripts.length).toBeGreaterThan(0);
    expect(
      scripts.filter((t) => t.encoding !== 'br' && t.encoding !== 'gzip'),
      'every script and style sheet is sent compressed',
    ).toEqual([]);
    await context.close();
  });

  it(`the overview of 161 communes transfers at most ${OVERVIEW_BUDGET / 1000} kB`, async () => {
    const { context, page } = await newPage(env.browser, env.app.baseUrl);
    const res = await context.request.post('/api/auth/login', {
      data: { username: 'tinh', password: DEMO_PASSWORD },
      headers: { Origin: env.app.baseUrl },
    });
    expect(res.status()).toBe(200);
    const { transfers } = await recordTransfers(context, page);
    await page.goto('/tong-quan?asOf=2025-06-30&year=2025');
    await page.locator('[data-testid="overview-table"] tr.cs-row').first().waitFor({ timeout: 60_000 });
    await page.waitForLoadState('networkidle');
    const report = describeTransfers(transfers);
    expect(totalBytes(transfers), report).toBeLessThanOrEqual(OVERVIEW_BUDGET);
    await context.close();
  });
});
