/**
 * Login and sessions: throttled per account and per address (in the database, so app servers agree), rotated at
 * login, ended when idle or past their absolute expiry, ended everywhere on request, purged; and no other site
 * can make a browser change anything (CSRF).
 */
import { sql } from 'drizzle-orm';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { queryRows, type Database } from '../../src/db/client.ts';
import { DEMO_PASSWORD } from '../../src/seed/demo.ts';
import { purgeExpired, SESSION_COOKIE } from '../../src/server/auth/service.ts';
import { DEFAULT_AUTH } from '../../src/server/auth/settings.ts';
import { backends } from './backends.ts';
import { expectError, login, startApp } from './http.ts';

const auth = { ...DEFAULT_AUTH, maxFailuresPerAccount: 3, maxFailuresPerAddress: 5 };

describe.each(backends)('login and sessions on $name', (backend) => {
  let d: Database;
  let app: FastifyInstance;
  let other: FastifyInstance;
  beforeAll(async () => {
    d = await backend.demo();
    app = await startApp(d, { auth });
    // A second app server on the same database.
    other = await startApp(d, { auth });
  }, 300_000);

  const attempt = (server: FastifyInstance, username: string, password: string, remoteAddress: string) =>
    server.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress });
  const me = (cookies: Record<string, string>) => app.inject({ url: '/api/auth/me', cookies });
  const tokenHash = (cookies: Record<string, string>) => sql`encode(sha256(convert_to(${cookies[SESSION_COOKIE]!}, 'UTF8')), 'hex')`;

  it('throttles an account after repeated failures, on every server, with Retry-After and a Vietnamese message', async () => {
    for (let i = 0; i < auth.maxFailuresPerAccount; i++) expectError(await attempt(app, 'huyen.hoaan', 'sai', `10.1.0.${i}`), 401, 'BAD_CREDENTIALS');
    const locked = await attempt(other, 'huyen.hoaan', DEMO_PASSWORD, '10.1.1.1');
    const error = expectError(locked, 429, 'TOO_MANY_ATTEMPTS');
    expect(error.message).toMatch(/thử lại sau \d+ phút/);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(locked.headers['retry-after'])).toBeLessThanOrEqual(auth.loginWindowMinutes * 60);
    expect((await attempt(app, 'xem', DEMO_PASSWORD, '10.1.1.1')).statusCode, 'other accounts are not locked').toBe(200);
  });

  it('throttles an address trying many accounts', async () => {
    for (let i = 0; i < auth.maxFailuresPerAddress; i++) expectError(await attempt(app, `khong-co-${i}`, 'sai', '10.2.0.1'), 401, 'BAD_CREDENTIALS');
    expect(expectError(await attempt(other, 'tinh', DEMO_PASSWORD, '10.2.0.1'), 429, 'TOO_MANY_ATTEMPTS').details).toMatchObject({ limit: 'address' });
    expect((await attempt(app, 'tinh', DEMO_PASSWORD, '10.2.0.2')).statusCode).toBe(200);
  });

  it('writes no attacker-chosen username to the audit log', async () => {
    const name = `${'x'.repeat(90)}<script>`;
    expectError(await attempt(app, name, 'sai', '10.3.0.1'), 401, 'BAD_CREDENTIALS');
    const rows = await queryRows<{ entity_id: string | null; data: unknown }>(
      d.db,
      sql`SELECT entity_id, data FROM audit_log WHERE action = 'login-failed' ORDER BY id DESC LIMIT 1`,
    );
    expect(JSON.stringify(rows[0])).not.toContain('xxxx');
    expect(rows[0]!.entity_id).toBeNull();
    expect(rows[0]!.data).toMatchObject({ usernameHash: expect.stringMatching(/^[0-9a-f]{24}$/) as unknown });
  });

  it('rotates the session at login: the cookie a request came with stops working', async () => {
    const before = await login(app, 'xa.hoaan');
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'xa.hoaan', password: DEMO_PASSWORD }, cookies: before });
    const after = { [SESSION_COOKIE]: res.cookies.find((c) => c.name === SESSION_COOKIE)!.value };
    expect(after[SESSION_COOKIE]).not.toBe(before[SESSION_COOKIE]);
    expectError(await me(before), 401, 'UNAUTHENTICATED');
    expect((await me(after)).statusCode).toBe(200);
  });

  it('ends a session unused for longer than the idle time, and any session past its absolute expiry', async () => {
    const idle = await login(app, 'xa.hoaan');
    const old = await login(app, 'xa.hoaan');
    expect((await me(idle)).statusCode).toBe(200);
    await d.db.execute(sql`UPDATE sessions SET last_seen_at = now() - make_interval(mins => ${auth.idleMinutes + 1}) WHERE token_hash = ${tokenHash(idle)}`);
    await d.db.execute(sql`UPDATE sessions SET expires_at = now() - interval '1 second' WHERE token_hash = ${tokenHash(old)}`);
    expectError(await me(idle), 401, 'UNAUTHENTICATED');
    expectError(await me(old), 401, 'UNAUTHENTICATED');
    const live = await login(app, 'xa.hoaan');
    const count = async () =>
      (
        await queryRows<{ n: number }>(
          d.db,
          sql`SELECT count(*)::int AS n FROM sessions WHERE token_hash IN (${tokenHash(idle)}, ${tokenHash(old)}, ${tokenHash(live)})`,
        )
      )[0]!.n;
    expect(await count()).toBe(3);
    await purgeExpired(d.db, auth);
    expect(await count(), 'the idle and the expired one are purged').toBe(1);
    expect((await me(live)).statusCode).toBe(200);
  });

  it('logs out everywhere: every session of the account ends, other accounts keep theirs', async () => {
    const [a, b, c] = [await login(app, 'tinh'), await login(app, 'tinh'), await login(app, 'xem')];
    const res = await app.inject({ method: 'POST', url: '/api/auth/logout-all', cookies: a });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<{ sessions: number }>().sessions).toBeGreaterThanOrEqual(2);
    expect(res.cookies.find((k) => k.name === SESSION_COOKIE)?.value).toBe('');
    expectError(await me(a), 401, 'UNAUTHENTICATED');
    expectError(await me(b), 401, 'UNAUTHENTICATED');
    expect((await me(c)).statusCode).toBe(200);
  });

  describe('cross-site requests', () => {
    const form = (cookies: Record<string, string>, headers: Record<string, string>): InjectOptions => ({
      method: 'POST',
      url: '/api/auth/logout',
      cookies,
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      payload: '',
    });

    it('refuses a cross-site form POST to logout: the cookie stays and the session lives', async () => {
      const cookies = await login(app, 'xem');
      const variants: Record<string, string>[] = [
        { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
        { origin: 'https://evil.example' },
        { 'sec-fetch-site': 'same-site' },
      ];
      for (const headers of variants) {
        const res = await app.inject(form(cookies, headers));
        expectError(res, 403, 'CROSS_SITE');
        expect(
          res.cookies.find((c) => c.name === SESSION_COOKIE),
          JSON.stringify(headers),
        ).toBeUndefined();
      }
      expect((await me(cookies)).statusCode).toBe(200);
    });

    it('refuses cross-site writes on every state-changing route before anything is read', async () => {
      const cookies = await login(app, 'tinh');
      const hamlet = { parentCode: '01654', name: 'Xóm Liên Trang', validFrom: '2025-07-01', legalBasis: 'Quyết định thử nghiệm' };
      expectError(
        await app.inject({ method: 'POST', url: '/api/units', cookies, headers: { 'sec-fetch-site': 'cross-site' }, payload: hamlet }),
        403,
        'CROSS_SITE',
      );
      const units = (await app.inject({ url: '/api/units?asOf=2025-07-01&q=Liên Trang' })).json<{ units: unknown[] }>().units;
      expect(units).toEqual([]);
    });

    it('lets the app itself, the user typing the address, and programs without Origin through', async () => {
      const variants: Record<string, string>[] = [
        { 'sec-fetch-site': 'same-origin', origin: 'http://localhost:80' },
        { origin: 'http://localhost:80' },
        { 'sec-fetch-site': 'none' },
        {},
      ];
      for (const headers of variants) {
        const cookies = await login(app, 'xem');
        const res = await app.inject({ method: 'POST', url: '/api/auth/logout', cookies, headers });
        expect(res.statusCode, JSON.stringify(headers)).toBe(200);
        expectError(await me(cookies), 401, 'UNAUTHENTICATED');
      }
      // Reading is never refused, whatever site links to it.
      expect(
        (await app.inject({ url: '/api/units?asOf=2025-07-01', headers: { 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' } })).statusCode,
      ).toBe(200);
    });
  });
});
