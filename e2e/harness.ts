import { AxeBuilder } from '@axe-core/playwright';
// End-to-end harness: the built app on a free port with a fresh embedded database, driven by Debian's Chromium.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const CHROMIUM = '/usr/bin/chromium';
export const RESULTS_DIR = path.join(ROOT, 'test-results');
export const DEMO_PASSWORD = 'chungsuc-demo';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * `describe` for browser tests. Without Chromium the suite is skipped with one console line, except in CI
 * (CI=true), where the browser tier is mandatory and the suite fails saying why.
 */
export function describeE2E(name: string, fn: () => void): void {
  if (fs.existsSync(CHROMIUM)) {
    describe(name, fn);
    return;
  }
  const why = `Chromium not found at ${CHROMIUM} (install it with: apt-get install -y chromium)`;
  if (process.env.CI === 'true') {
    describe(name, () => {
      it('needs Chromium', () => {
        throw new Error(`${why}; the browser tests are mandatory in CI`);
      });
    });
    return;
  }
  console.log(`[e2e] skipped "${name}": ${why}`);
  describe.skip(name, fn);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

export interface AppServer {
  baseUrl: string;
  stop: () => Promise<void>;
}

/** Starts `chungsuc serve` on a free port with a new PGlite directory (the first start seeds the demo). */
export async function startApp(timeoutMs = 200_000): Promise<AppServer> {
  if (!fs.existsSync(path.join(ROOT, 'dist/web/index.html'))) throw new Error('dist/web is missing: run "npm run build" first (npm run test:e2e does)');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'chungsuc-e2e-'));
  const port = await freePort();
  const child = spawn(process.execPath, ['bin/chungsuc.js', 'serve'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', CHUNGSUC_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = async () => {
    await killChild(child);
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await waitForHealth(baseUrl, child, timeoutMs);
  } catch (e) {
    await stop();
    throw new Error(`${(e as Error).message}\n--- server output ---\n${output.slice(-4000)}`);
  }
  return { baseUrl, stop };
}

async function waitForHealth(baseUrl: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with code ${child.exitCode} before answering /api/health`);
    try {
      const res = await fetch(`${baseUrl}/api/health`);
      if (res.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`the server did not answer ${baseUrl}/api/health within ${timeoutMs / 1000} s`);
}

function killChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** Chromium through playwright-core. `launch` gives every run a new, empty temporary profile (user-data-dir). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

export async function newPage(browser: Browser, baseUrl: string, viewport = { width: 1280, height: 900 }): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL: baseUrl, viewport, locale: 'vi-VN' });
  const page = await context.newPage();
  return { context, page };
}

/** Logs in through the form, as an officer would, and waits for the overview. */
export async function login(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/dang-nhap');
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL(/\/tong-quan/);
}

export function resultPath(file: string): string {
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  return path.join(RESULTS_DIR, file);
}

/**
 * Starts the app and a browser once for the enclosing describe block and stops them after it; the returned object
 * is filled in `beforeAll`.
 */
export function useAppAndBrowser(): { app: AppServer; browser: Browser } {
  const env = {} as { app: AppServer; browser: Browser };
  beforeAll(async () => {
    env.app = await startApp();
    env.browser = await launchBrowser();
  });
  afterAll(async () => {
    await env.browser?.close();
    await env.app?.stop();
  });
  return env;
}

/** Waits until the page has stopped loading: no request in flight, no spinner (nor `busy`, e.g. a progress message). */
export async function settled(page: Page, busy?: string, timeout = 30_000): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page
    .locator(busy ? `.ant-spin-spinning, ${busy}` : '.ant-spin-spinning')
    .first()
    .waitFor({ state: 'detached', timeout })
    .catch(() => undefined);
}

/** Axe violations that block a user (serious or critical), as readable lines. */
export async function blockingViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(', ')}`,
    );
}
