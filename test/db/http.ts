/** Helpers for API tests: the app on a test database, and sessions of the demo accounts. */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, expect } from 'vitest';
import type { Database } from '../../src/db/client.ts';
import { DEMO_PASSWORD } from '../../src/seed/demo.ts';
import { buildApp } from '../../src/server/app.ts';
import type { AppContext } from '../../src/server/context.ts';
import { SESSION_COOKIE } from '../../src/server/auth/service.ts';

const apps: FastifyInstance[] = [];
afterAll(async () => {
  for (const a of apps.splice(0)) await a.close();
});

/** The API on `database` (no web bundle, so the routes are the same whether or not the web app was built). */
export async function startApp(database: Database, ctx: Partial<AppContext> = {}): Promise<FastifyInstance> {
  const app = await buildApp({ database, secureCookies: false, ...ctx }, { logger: false, serveWeb: false });
  await app.ready();
  apps.push(app);
  return app;
}

/** Logs a demo account in and returns its session cookie. */
export async function login(app: FastifyInstance, username: string, password = DEMO_PASSWORD): Promise<Record<string, string>> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  expect(res.statusCode, `login ${username}: ${res.body}`).toBe(200);
  const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE);
  expect(cookie?.value).toBeTruthy();
  return { [SESSION_COOKIE]: cookie!.value };
}

/** Asserts the shared error shape, with no stack trace, and returns the error. */
export function expectError(res: LightMyRequestResponse, status: number, code: string): { code: string; message: string; details?: unknown } {
  expect(res.statusCode, res.body).toBe(status);
  const body = res.json<{ error: { code: string; message: string; details?: unknown } }>();
  expect(Object.keys(body)).toEqual(['error']);
  expect(body.error.code).toBe(code);
  expect(typeof body.error.message).toBe('string');
  expect(body.error.message.length).toBeGreaterThan(0);
  expect(res.body).not.toMatch(/\bat .+\.(ts|js):\d+|"stack"/);
  return body.error;
}
