/**
 * Access is enforced from each route's declaration, not by handlers: a handler with no check still refuses the
 * wrong role, the body of a refused request is never read, and a scoped route that forgets its resource check
 * fails closed.
 */
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import { createUser } from '../../src/server/auth/service.ts';
import { backends } from './backends.ts';
import { expectError, login } from './http.ts';

describe.each(backends)('access guard on $name', (backend) => {
  let app: FastifyInstance;
  const calls = { plain: 0, forgetful: 0 };
  const cookies: Record<string, Record<string, string>> = {};

  beforeAll(async () => {
    const database = await backend.demo();
    await createUser(
      database.db,
      { username: 'tinh.mot.huyen', fullName: 'Tỉnh, giữ một huyện', password: 'mat-khau-thu', role: 'province', unitCode: '051', asOf: '2025-06-30' },
      null,
    );
    app = await buildApp({ database, secureCookies: false }, { serveWeb: false });
    // Handlers with no access code of their own: what the guard alone does.
    app.post('/api/test/no-check', { config: { access: 'set:import' } }, async (_req, reply) => {
      calls.plain++;
      return reply.code(201).send({ ok: true });
    });
    app.get('/api/test/forgets-scope', { config: { access: 'evaluation:read' } }, async () => {
      calls.forgetful++;
      return { secret: 'dữ liệu của xã khác' };
    });
    await app.ready();
    for (const u of ['xem', 'xa.hoaan', 'tinh', 'tinh.mot.huyen']) cookies[u] = await login(app, u, u === 'tinh.mot.huyen' ? 'mat-khau-thu' : undefined);
  }, 300_000);

  it('refuses the wrong role on a route whose handler checks nothing', async () => {
    const post = (who?: string) => app.inject({ method: 'POST', url: '/api/test/no-check', payload: {}, ...(who ? { cookies: cookies[who]! } : {}) });
    expectError(await post(), 401, 'UNAUTHENTICATED');
    expectError(await post('xem'), 403, 'FORBIDDEN');
    expectError(await post('xa.hoaan'), 403, 'FORBIDDEN');
    expect(calls.plain).toBe(0);
    expect((await post('tinh')).statusCode).toBe(201);
    expect(calls.plain).toBe(1);
  });

  it('answers a scoped route that never checked its resource with a 500, not with the data', async () => {
    const res = await app.inject({ url: '/api/test/forgets-scope', cookies: cookies['xa.hoaan']! });
    expectError(res, 500, 'ACCESS_UNCHECKED');
    expect(res.body).not.toContain('xã khác');
    expect(calls.forgetful).toBe(1);
  });

  it('checks access before reading the body (a refused request with a malformed body is 401/403, not 400)', async () => {
    const send = (who?: string) =>
      app.inject({
        method: 'POST',
        url: '/api/sets/import',
        headers: { 'content-type': 'application/json' },
        payload: '{"fileName": "a.json", "content": ',
        ...(who ? { cookies: cookies[who]! } : {}),
      });
    expectError(await send(), 401, 'UNAUTHENTICATED');
    expectError(await send('xem'), 403, 'FORBIDDEN');
    expectError(await send('tinh'), 400, 'INVALID_BODY');
  });

  it('keeps a province account held to one district to that district when adding hamlets', async () => {
    const hamlet = (parentCode: string, name: string) => ({
      method: 'POST' as const,
      url: '/api/units',
      cookies: cookies['tinh.mot.huyen']!,
      payload: { parentCode, name, validFrom: '2025-06-01', legalBasis: 'Quyết định thử nghiệm' },
    });
    // Xã Thạch Lâm belonged to Bảo Lâm district, not Hoà An.
    expectError(await app.inject(hamlet('01304', 'Ngoài Huyện')), 403, 'FORBIDDEN');
    const inside = await app.inject(hamlet('01657', 'Trong Huyện'));
    expect(inside.statusCode, inside.body).toBe(201);
  });
});
