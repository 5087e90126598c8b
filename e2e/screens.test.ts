import { expect, it } from 'vitest';
import { describeE2E, login, newPage, useAppAndBrowser } from './harness.ts';

const ROWS = '[data-testid="overview-table"] tr.cs-row';

describeE2E('screens that must not mislead or trap', () => {
  const env = useAppAndBrowser();

  it('a district officer on today\u2019s date is offered the view before 1/7/2025, not "no match"', async () => {
    const { context, page } = await newPage(env.browser, env.app.baseUrl);
    await login(page, 'huyen.hoaan');
    await page.getByTestId('no-units').waitFor();
    expect(await page.getByTestId('overview-table').textContent()).not.toContain('khớp bộ lọc');
    await page.getByTestId('no-units').getByRole('button', { name: 'Xem trước 01/07/2025' }).click();
    await page.waitForURL(/asOf=2025-06-30&year=2025/);
    await page.locator(ROWS).first().waitFor();
    await context.close();
  });

  it('sort headers work with Space and Enter and show a focus ring; the date can be typed', async () => {
    const { context, page } = await newPage(env.browser, env.app.baseUrl);
    await login(page, 'tinh');
    await page.goto('/tong-quan?asOf=2025-07-01&year=2025');
    await page.locator(ROWS).first().waitFor();
    const sort = page.getByRole('button', { name: 'Tiêu chí đạt' });
    await sort.focus();
    expect(await sort.evaluate((el) => getComputedStyle(el).outlineStyle)).not.toBe('none');
    await page.keyboard.press('Space');
    await expect.poll(() => page.locator('th', { has: sort }).getAttribute('aria-sort')).toBe('ascending');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('th', { has: sort }).getAttribute('aria-sort')).toBe('descending');

    await page.getByLabel('Ngày xem').fill('30/06/2025');
    await page.waitForURL(/asOf=2025-06-30&year=2025/);
    await expect.poll(() => page.getByTestId('stat-total').locator('.cs-stat-value').textContent(), { timeout: 15_000 }).toBe('161');
    await context.close();
  });

  it('the district is linked from the overview and lists communes; a hamlet leads back to its commune; a ward explains', async () => {
    const { context, page } = await newPage(env.browser, env.app.baseUrl);
    await login(page, 'tinh');
    await page.goto('/tong-quan?asOf=2025-06-30&year=2025');
    await page.locator(ROWS).first().waitFor();
    const district = page
      .locator(ROWS)
      .first()
      .getByRole('link', { name: /^(Huyện|Thành phố) / });
    const name = (await district.textContent()) ?? '';
    await district.click();
    await page.getByRole('heading', { level: 1, name }).waitFor();
    await page.getByRole('heading', { level: 2, name: /^Các xã trong huyện/ }).waitFor();

    await page.goto('/don-vi/01654?asOf=2025-07-01&year=2025');
    await page.getByTestId('hamlets').getByRole('link').first().click();
    await page.getByRole('link', { name: 'Quay lại Xã Hòa An' }).waitFor();
    await expect(page.getByRole('link', { name: 'Xã Hòa An', exact: true }).isVisible()).resolves.toBe(true);
    expect(await page.getByText('Xã quản lý').count()).toBe(0);

    await page.goto('/tong-quan?asOf=2025-07-01&year=2025&type=Phường');
    await page.locator(ROWS).first().getByRole('link').first().click();
    const why = page.getByTestId('explanation');
    await why.waitFor();
    expect(await why.textContent()).toContain('không được đánh giá theo bộ này');
    expect(await page.locator('main').textContent()).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    await context.close();
  });
});
