/**
 * The API's published contract: /api/docs describes every route's responses (no "Default Response"), how to log
 * in, and which routes need the session; responses go through their schemas, so no column leaks.
 */
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { backends } from './backends.ts';
import { expectError, login, startApp } from './http.ts';

interface Operation {
  security?: unknown[];
  responses: Record<string, { description: string; content?: { 'application/json'?: { schema?: unknown } } }>;
}

/** Routes whose feature has not published its response schemas yet; each feature removes its own. */

describe.each(backends)('API contract on $name', (backend) => {
  let app: FastifyInstance;
  let operations: [string, Operation][];
  beforeAll(async () => {
    app = await startApp(await backend.demo());
    const doc = (await app.inject({ url: '/api/docs/json' })).json<{ paths: Record<string, Record<string, Operation>> }>();
    operations = Object.entries(doc.paths).flatMap(([p, ops]) => Object.entries(ops).map(([m, op]) => [`${m} ${p}`, op] as [string, Operation]));
  }, 300_000);

  it('documents a described 2xx schema and error responses for every route', () => {
    expect(operations.length).toBeGreaterThan(10);
    for (const [key, op] of operations) {
      const statuses = Object.keys(op.responses);
      for (const s of statuses) expect(op.responses[s]!.description, `${key} ${s}`).not.toBe('Default Response');
      expect(statuses, key).toContain('500');
      expect(statuses.filter((s) => s.startsWith('4')).length, `${key} documents its 4xx errors`).toBeGreaterThan(0);
      const ok = statuses.find((s) => s.startsWith('2'));
      expect(ok, `${key} has a 2xx response`).toBeDefined();
      expect(op.responses[ok!]!.content?.['application/json']?.schema, `${key} 2xx schema`).toBeDefined();
    }
  });

  it('says how to log in and which routes need the session cookie', async () => {
    const doc = (await app.inject({ url: '/api/docs/json' })).json<{
      components: { securitySchemes: Record<string, { in: string; name: string; description: string }> };
    }>();
    expect(doc.components.securitySchemes.session).toMatchObject({ in: 'cookie', name: 'chungsuc_session' });
    expect(doc.components.securitySchemes.session!.description).toContain('POST /api/auth/login');
    const byKey = new Map(operations);
    expect(byKey.get('get /api/auth/me')!.security).toEqual([{ session: [] }]);
    expect(byKey.get('get /api/units')!.security).toEqual([]);
  });

  it('answers with exactly the fields of the response schema', async () => {
    const unit = (await app.inject({ url: '/api/units/01654?asOf=2025-07-01' })).json<{ unit: object }>();
    expect(Object.keys(unit.unit).sort()).toEqual(
      ['code', 'level', 'legalBasis', 'name', 'nameEn', 'parentCode', 'region', 'sample', 'shortName', 'type', 'validFrom', 'validTo'].sort(),
    );
    const me = (await app.inject({ url: '/api/auth/me', cookies: await login(app, 'xa.hoaan') })).json<{ user: object }>();
    expect(Object.keys(me.user).sort()).toEqual(['fullName', 'id', 'role', 'unitId', 'username']);
  });

  it('gives typed error codes in the shared shape', async () => {
    expectError(await app.inject({ url: '/api/units/01654?asOf=2025-02-30' }), 400, 'VALIDATION');
    expectError(
      await app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: '{' }),
      400,
      'INVALID_BODY',
    );
    expectError(await app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'text/csv' }, payload: 'a,b' }), 415, 'INVALID_BODY');
    expectError(await app.inject({ url: '/api/khong-co' }), 404, 'NOT_FOUND');
  });
});
