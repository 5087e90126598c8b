import { expect, it } from 'vitest';
import { describeE2E, login, newPage, useAppAndBrowser } from './harness.ts';

// Security headers and the content security policy, checked in Chromium: the app must run under its own policy
// without a single refusal in the console, and nothing may frame it.
describeE2E('security headers and CSP in the browser', () => {
  const env = useAppAndBrowser();

  it('every screen runs under the policy with no CSP refusal in the console', async () => {
    const { context, page } = await newPage(env.browser, env.app.baseUrl);
    const refusals: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) refusals.push(`${page.url()}: ${m.text()}`);
    });
    const doc = await page.goto('/dang-nhap');
    const h = doc!.headers();
    expect(h['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(h['content-security-policy']).toContain("script-src 'self'");
    expect(h['x-content-type-options']).toBe('nosniff');
    expect(h['x-frame-options']).toBe('DENY');
    expect(h['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(h['strict-transport-security'], 'no HSTS over plain HTTP').toBeUndefined();
    await login(page, 'tinh');
    await page.goto('/tong-quan?asOf=2025-06-30&year=2025');
    await page.locator('[data-testid="overview-table"] tr.cs-row').first().waitFor({ timeout: 60_000 });
    await page.locator('[data-testid="overview-table"] tr.cs-row a').first().click();
    await page.waitForLoadState('networkidle');
    await page.goto('/bo-tieu-chi');
    await page.waitForLoadState('networkidle');
    await page.goto('/api/docs');
    await page.locator('.swagger-ui').first().waitFor({ timeout: 30_000 });
    await page.waitForLoadState('networkidle');
    expect(refusals).toEqual([]);
    await context.close();
  });

  it('a page of another site cannot frame the app', async () => {
    const { context, page } = await newPage(env.browser, env.app.baseUrl);
    await page.goto('about:blank');
    await page.setContent(`<iframe id="f" src="${env.app.baseUrl}/tong-quan"></iframe><iframe srcdoc="<p>ok</p>"></iframe>`);
    await page.waitForLoadState('load');
    const frames = page.frames().filter((f) => f !== page.mainFrame());
    const app = frames.find((f) => !f.url().startsWith('about:'));
    // Chromium replaces a refused frame by its error page; the harmless srcdoc frame beside it loads, so frames work.
    expect(app?.url()).toMatch(/^chrome-error:/);
    expect(
      await frames
        .find((f) => f.url().startsWith('about:'))!
        .locator('p')
        .innerText(),
    ).toBe('ok');
    await context.close();
  });

  it('hashed assets are cached as immutable and sent pre-compressed; the page itself is revalidated', async () => {
    const res = await fetch(`${env.app.baseUrl}/dang-nhap`);
    expect(res.headers.get('cache-control')).toBe('no-cache');
    const html = await res.text();
    const asset = /\/assets\/[^"]+\.js/.exec(html)?.[0];
    expect(asset).toBeTruthy();
    const a = await fetch(`${env.app.baseUrl}${asset}`, { headers: { 'Accept-Encoding': 'br, gzip' } });
    expect(a.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(a.headers.get('content-encoding')).toBe('br');
  });

  it('a page address with broken encoding gets the app (its not-found page), not a JSON error', async () => {
    const { context, page } = await newPage(env.browser, env.app.baseUrl);
    const res = await page.goto('/don-vi/%E0%A4%A');
    expect(res!.status()).toBe(404);
    expect(res!.headers()['content-type']).toContain('text/html');
    await page.getByRole('heading').first().waitFor();
    expect(await page.locator('body').innerText()).not.toContain('INVALID_TEXT');
    await context.close();
  });
});
