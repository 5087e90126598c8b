// The first visit from a commune on a slow mobile connection: Chromium with 400 ms latency, 400 kbit/s each way,
// the CPU 4x slower and an empty cache. Reports first contentful paint, when the login form is visible and when
// the overview table shows its first row, with the bytes transferred; the same pages unthrottled are the baseline.
// Run: npm run build && npx tsx bench/slow-3g.ts   (needs Chromium at /usr/bin/chromium)
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD, launchBrowser, newPage, startApp } from '../e2e/harness.ts';
import { recordTransfers, totalBytes } from '../e2e/network.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const SLOW = { latency: 400, downloadThroughput: 400_000 / 8, uploadThroughput: 400_000 / 8, cpu: 4 };

interface Sample {
  fcp: number;
  visible: number;
  bytes: number;
}

async function visit(browser: Browser, baseUrl: string, slow: boolean, what: 'login' | 'overview'): Promise<Sample> {
  const { context, page } = await newPage(browser, baseUrl, { width: 360, height: 740 });
  if (what === 'overview') {
    const res = await context.request.post('/api/auth/login', { data: { username: 'tinh', password: DEMO_PASSWORD }, headers: { Origin: baseUrl } });
    if (!res.ok()) throw new Error(`login failed: ${res.status()}`);
  }
  const { cdp, transfers } = await recordTransfers(context, page);
  if (slow) {
    await cdp.send('Network.emulateNetworkConditions', { offline: false, ...SLOW });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: SLOW.cpu });
  }
  const start = Date.now();
  await page.goto(what === 'login' ? '/dang-nhap' : '/tong-quan?asOf=2025-06-30&year=2025', { waitUntil: 'commit', timeout: 180_000 });
  const target = what === 'login' ? page.getByLabel('Tên đăng nhập') : page.locator('[data-testid="overview-table"] tr.cs-row').first();
  await target.waitFor({ state: 'visible', timeout: 180_000 });
  const visible = Date.now() - start;
  const fcp = await firstPaint(page);
  await page.waitForLoadState('networkidle', { timeout: 180_000 }).catch(() => undefined);
  const bytes = totalBytes(transfers);
  await context.close();
  return { fcp, visible, bytes };
}

async function firstPaint(page: Page): Promise<number> {
  return page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN);
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const secs = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

async function main(): Promise<void> {
  const app = await startApp();
  const browser = await launchBrowser();
  try {
    const rows: string[] = [];
    for (const what of ['login', 'overview'] as const) {
      const base: Sample[] = [];
      const slow: Sample[] = [];
      for (let i = 0; i < RUNS; i++) {
        base.push(await visit(browser, app.baseUrl, false, what));
        slow.push(await visit(browser, app.baseUrl, true, what));
      }
      const m = (s: Sample[], k: keyof Sample) => median(s.map((x) => x[k]));
      const label = what === 'login' ? 'login form visible' : 'overview table visible (161 communes)';
      rows.push(
        `| ${label} | ${secs(m(slow, 'fcp'))} | ${secs(m(slow, 'visible'))} | ${Math.round(m(slow, 'bytes') / 1000)} kB | ${secs(m(base, 'visible'))} | ${(m(slow, 'visible') / m(base, 'visible')).toFixed(1)}× |`,
      );
    }
    console.log(`Slow 3G (${SLOW.latency} ms, 400 kbit/s, CPU ${SLOW.cpu}×, cold cache), median of ${RUNS} runs, 360 px:`);
    console.log('| page | first contentful paint | visible | transferred | visible unthrottled | slow / unthrottled |');
    console.log('| ---- | ---------------------: | ------: | ----------: | ------------------: | -----------------: |');
    for (const r of rows) console.log(r);
  } finally {
    await browser.close();
    await app.stop();
  }
}

await main();
