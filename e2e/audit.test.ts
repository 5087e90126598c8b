import { expect, it } from 'vitest';
import { blockingViolations, describeE2E, settled, login, newPage, resultPath, useAppAndBrowser } from './harness.ts';

const PHONE = { width: 360, height: 740 };
const FAMILY = 'xa-ntm-2026-2030';

describeE2E('change log of a unit', () => {
  const env = useAppAndBrowser();

  it('lists the changes an officer made, newest first, on a wide screen and at 360 px, and filters them', async () => {
    const { context, page } = await newPage(env.browser, env.app.baseUrl);
    await login(page, 'xa.hoaan');
    // The commune officer records two criterion results through the API, then corrects one with a note.
    const url = `/api/assessments/01654/${FAMILY}/2026`;
    const first = await page.request.put(url, { data: { version: 0, criteria: { '1': 'met', '2': 'not-met' } } });
    expect(first.status(), await first.text()).toBe(200);
    const { version } = (await first.json()) as { version: number };
    const second = await page.request.put(url, { data: { version, criteria: { '2': 'met' }, notes: { '2': 'Đã hoàn thành đường trục xã' } } });
    expect(second.status(), await second.text()).toBe(200);

    await page.goto('/nhat-ky/01654?asOf=2026-01-01&year=2026');
    await page.getByRole('heading', { level: 1, name: 'Nhật ký thay đổi: Xã Hòa An' }).waitFor();
    await page.locator('.ant-table-row').first().waitFor();
    await settled(page);
    const rows = page.locator('.ant-table-row');
    expect(await rows.count()).toBe(4);
    await expect.poll(() => rows.first().innerText()).toMatch(/Kết quả tiêu chí|Ghi chú/);
    expect(await page.locator('.ant-table').innerText()).toContain('Đạt');
    expect(await blockingViolations(page)).toEqual([]);
    await page.screenshot({ path: resultPath('audit-desktop.png'), fullPage: true });

    await page.setViewportSize(PHONE);
    await page.goto(`/nhat-ky/01654?asOf=2026-01-01&field=2`);
    await page.locator('.cs-audit-card').first().waitFor();
    await settled(page);
    expect(await page.locator('.cs-audit-card').count()).toBe(3);
    const width = await page.evaluate(() => document.scrollingElement!.scrollWidth);
    expect(width, 'page wider than the 360 px screen').toBeLessThanOrEqual(PHONE.width);
    expect(await blockingViolations(page)).toEqual([]);
    await page.screenshot({ path: resultPath('audit-360.png'), fullPage: true });
    await context.close();
  });
});
