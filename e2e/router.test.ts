import { expect, it } from 'vitest';
import { blockingViolations, describeE2E, DEMO_PASSWORD, newPage, useAppAndBrowser } from './harness.ts';

describeE2E('router: public area, login redirects, unknown and malformed addresses, cache on Back', () => {
  const env = useAppAndBrowser();

  it('an anonymous visitor sees the public home page with a way to log in, not the login form', async () => {
    const { context, page } = await newPage(env.browser, env.app.baseUrl, { width: 360, height: 740 });
    await page.goto('/');
    await page.getByRole('heading', { level: 1, name: 'Theo dõi xây dựng nông thôn mới tỉnh Cao Bằng' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    expect(await blockingViolations(page)).toEqual([]);
    await page.getByRole('main').getByRole('link', { name: 'Đăng nhập' }).click();
    await page.waitForURL(/\/dang-nhap$/);
    await page.getByLabel('Tên đăng nhập').waitFor();
    await context.close();
  });

  it('a staff page sends the visitor to the login and back to that page afterwards', async () => {
    const { context, page } = await newPage(env.browser, env.app.baseUrl);
    await page.goto('/bo-tieu-chi/xa-ntm-2024');
    await page.waitForURL(/\/dang-nhap\?next=%2Fbo-tieu-chi%2Fxa-ntm-2024$/);
    await page.getByLabel('Tên đăng nhập').fill('tinh');
    await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL(/\/bo-tieu-chi\/xa-ntm-2024$/);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await context.close();
  });

  it('next= pointing off the site (/\\evil.example) goes to the overview instead', async () => {
    const { context, page } = await newPage(env.browser, env.app.baseUrl);
    await page.goto('/dang-nhap?next=/%5Cevil.example/');
    await page.getByLabel('Tên đăng nhập').fill('tinh');
    await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('heading', { level: 1, name: 'Tổng quan các xã' }).waitFor();
    const url = new URL(page.url());
    expect(url.origin).toBe(env.app.baseUrl);
    expect(url.pathname).toBe('/tong-quan');
    // Logged in, the same address must not leave the site either.
    await page.goto('/dang-nhap?next=//evil.example/');
    await page.getByRole('heading', { level: 1, name: 'Tổng quan các xã' }).waitFor();
    expect(new URL(page.url()).origin).toBe(env.app.baseUrl);
    await context.close();
  });

  it('an unknown address and a malformed one show a page with a way out', async () => {
    const { context, page } = await newPage(env.browser, env.app.baseUrl);
    await page.goto('/khong-co-trang-nay');
    await page.getByRole('heading', { level: 1, name: 'Không tìm thấy' }).waitFor();
    await expect(page.getByRole('link', { name: 'Về trang chủ' }).isVisible()).resolves.toBe(true);
    // A percent sequence that does not decode, reached inside the app.
    await page.evaluate(() => {
      window.history.pushState({}, '', '/don-vi/%E0%A4%A');
      window.dispatchEvent(new PopStateEvent('popstate'));
    });
    await page.getByRole('heading', { level: 1, name: 'Không tìm thấy' }).waitFor();
    await context.close();
  });

  it('Back restores the search and serves the overview from the cache', async () => {
    const { context, page } = await newPage(env.browser, env.app.baseUrl);
    const overviewCalls: string[] = [];
    page.on('request', (r) => {
      if (new URL(r.url()).pathname === '/api/overview') overviewCalls.push(r.url());
    });
    await page.goto('/dang-nhap?next=%2Ftong-quan%3FasOf%3D2025-07-01%26year%3D2025');
    await page.getByLabel('Tên đăng nhập').fill('tinh');
    await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.locator('[data-testid="overview-table"] tr.cs-row').first().waitFor();
    await page.getByLabel('Tìm theo tên').fill('bach dang');
    await page.waitForURL(/q=bach/);
    await expect.poll(() => page.locator('[data-testid="overview-table"] tr.cs-row').count()).toBe(1);
    await page.getByRole('link', { name: 'Xã Bạch Đằng' }).click();
    await page.getByRole('heading', { level: 1, name: 'Xã Bạch Đằng' }).waitFor();
    await page.goBack();
    await page.waitForURL(/\/tong-quan\?.*q=bach/);
    await expect.poll(() => page.getByLabel('Tìm theo tên').inputValue()).toBe('bach dang');
    await expect.poll(() => page.locator('[data-testid="overview-table"] tr.cs-row').count()).toBe(1);
    expect(overviewCalls).toHaveLength(1);
    await context.close();
  });
});
