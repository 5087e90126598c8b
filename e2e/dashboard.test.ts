import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { blockingViolations, describeE2E, settled, login, newPage, resultPath, useAppAndBrowser } from './harness.ts';

const PHONE = { width: 360, height: 740 };
const DESKTOP = { width: 1366, height: 900 };
const VIEW = 'asOf=2025-06-30&year=2025';

interface Row {
  code: string;
  fullName: string;
  parentCode: string | null;
  criteriaMet: number | null;
  hasValues: boolean;
}

async function fitsAndPassesAxe(page: Page, what: string): Promise<void> {
  await settled(page);
  const width = await page.evaluate(() => document.scrollingElement!.scrollWidth);
  expect(width, `${what}: page wider than the screen`).toBeLessThanOrEqual(page.viewportSize()!.width);
  expect(await blockingViolations(page), `${what}: axe`).toEqual([]);
}

/** The charts and the map are drawn (SVG with shapes) once ECharts and the boundaries have arrived. */
async function drawn(page: Page): Promise<void> {
  // Axes and bars for the charts; at least one shape per commune (56) for the map.
  for (const [id, shapes] of [
    ['chart-histogram-drawing', 4],
    ['chart-tiers-drawing', 4],
    ['chart-map-drawing', 56],
  ] as const)
    await page.waitForFunction(([i, n]) => document.querySelectorAll(`[data-testid="${i}"] svg path`).length >= n, [id, shapes] as const, { timeout: 60_000 });
}

describeE2E('dashboard: charts, tier targets, the commune map and the drill-down', () => {
  const env = useAppAndBrowser();

  it('the province officer reads the charts against the API and drills down to a commune scorecard', async () => {
    const { context, page } = await newPage(env.browser, env.app.baseUrl, DESKTOP);
    await login(page, 'tinh');
    await page.getByRole('link', { name: 'Bảng điều khiển' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Bảng điều khiển nông thôn mới' }).waitFor();
    await page.goto(`/bang-dieu-khien?${VIEW}`);
    await page.getByTestId('dashboard-summary').waitFor({ timeout: 60_000 });
    await drawn(page);

    // The histogram's table against the overview the API gives for the same view.
    const api = (await (await page.request.get(`/api/overview?${VIEW}`)).json()) as { rows: Row[] };
    const counted = api.rows.filter((r) => r.criteriaMet !== null && r.hasValues);
    expect(counted.length).toBeGreaterThan(0);
    const histogram = page.getByTestId('chart-histogram');
    await histogram.getByRole('button', { name: 'Xem dạng bảng' }).click();
    const table = histogram.getByRole('table', { name: 'Số xã theo số tiêu chí đạt' });
    await table.waitFor();
    const byMet = new Map<number, number>();
    for (const r of counted) byMet.set(r.criteriaMet!, (byMet.get(r.criteriaMet!) ?? 0) + 1);
    const [met, count] = [...byMet.entries()].sort((a, b) => b[1] - a[1])[0]!;
    const row = table.locator('tbody tr').nth(met);
    await expect(row.locator('th').innerText()).resolves.toBe(String(met));
    await expect(row.locator('td').innerText()).resolves.toBe(String(count));
    // The figure opens the list of the communes behind it.
    await row.getByRole('link').click();
    const shown = page.getByTestId('units-shown');
    await shown.waitFor();
    await expect(shown.locator('tbody tr').count()).resolves.toBe(count);

    // The tier chart's targets are Plan 2452's, read from the plan.
    const plan = (await (await page.request.get('/api/plans/1')).json()) as {
      number: string;
      document: { targets: { kind: string; level?: string; tier?: string; count?: number }[] };
    };
    const ntmTarget = plan.document.targets.find((t) => t.kind === 'units-reach-tier' && t.level === 'commune' && t.tier === 'ntm')!.count!;
    const tiers = page.getByTestId('chart-tiers');
    await tiers.getByRole('button', { name: 'Xem dạng bảng' }).click();
    const ntmRow = tiers.getByRole('row', { name: /Đạt chuẩn NTM trở lên/ });
    await expect(ntmRow.locator('td').nth(1).innerText()).resolves.toContain(String(ntmTarget));
    await expect(page.getByTestId('tier-targets-source').innerText()).resolves.toContain(plan.number);

    // The map: its source credited, the pre-2025 note, its table.
    const map = page.getByTestId('commune-map');
    await expect(map.getByTestId('map-source').innerText()).resolves.toContain('sapnhap.bando.com.vn');
    await map.getByTestId('map-before-note').waitFor();
    await map.locator('label.ant-radio-button-wrapper', { hasText: 'Mức đạt' }).click();
    await page.waitForURL(/colour=tier/);
    await settled(page);
    await map.screenshot({ path: resultPath('dashboard-map-1366.png') });
    await page.screenshot({ path: resultPath('dashboard-1366.png'), fullPage: true });
    await map.getByRole('button', { name: 'Xem dạng bảng' }).click();
    await expect(map.getByRole('table').locator('tbody tr').count()).resolves.toBe(56);
    await fitsAndPassesAxe(page, 'dashboard at 1366 px');

    // Province → a former district → one of its communes' scorecard.
    const district = page.getByTestId('district-table').locator('tbody tr').first().getByRole('link').first();
    const districtName = await district.innerText();
    await district.click();
    await page.waitForURL(/unit=\d{3}/);
    await expect(page.getByTestId('breadcrumb').locator('[aria-current="page"]').innerText()).resolves.toBe(districtName);
    const districtCode = new URL(page.url()).searchParams.get('unit');
    const communes = page.getByTestId('commune-table').locator('tbody tr');
    await expect(communes.count()).resolves.toBe(api.rows.filter((r) => r.parentCode === districtCode).length);
    const commune = communes.first().getByRole('link');
    const communeName = await commune.innerText();
    await commune.click();
    await page.waitForURL(/\/don-vi\/\d{5}/);
    await page.getByRole('heading', { level: 1, name: communeName }).waitFor();
    await context.close();
  });

  it('fits a 360 px phone and passes axe, with the map and a chart table open', async () => {
    const { context, page } = await newPage(env.browser, env.app.baseUrl, PHONE);
    await login(page, 'tinh');
    await page.goto(`/bang-dieu-khien?${VIEW}`);
    await page.getByTestId('dashboard-summary').waitFor({ timeout: 60_000 });
    await drawn(page);
    await settled(page);
    await page.screenshot({ path: resultPath('dashboard-360.png'), fullPage: true });
    await page.getByTestId('commune-map').screenshot({ path: resultPath('dashboard-map-360.png') });
    await page.getByTestId('chart-tiers').getByRole('button', { name: 'Xem dạng bảng' }).click();
    await page.getByTestId('commune-map').getByRole('button', { name: 'Xem dạng bảng' }).click();
    await fitsAndPassesAxe(page, 'dashboard at 360 px, tables open');
    // After 1/7/2025 the communes are the map's own: no conversion note.
    await page.goto('/bang-dieu-khien?asOf=2025-07-01&year=2025');
    await drawn(page);
    await expect(page.getByTestId('map-before-note').count()).resolves.toBe(0);
    await fitsAndPassesAxe(page, 'dashboard after 1/7/2025 at 360 px');
    await context.close();
  });
});
