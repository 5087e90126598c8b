/** Security headers on API answers too (not only pages), HSTS exactly when the server runs behind HTTPS, compressed answers. */
import zlib from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { backends } from './backends.ts';
import { startApp } from './http.ts';

describe.each(backends)('security headers on $name', (backend) => {
  let plain: FastifyInstance;
  let https: FastifyInstance;
  beforeAll(async () => {
    const d = await backend.shared();
    plain = await startApp(d);
    https = await startApp(d, { secureCookies: true });
  }, 300_000);

  it('every answer, errors included, says nosniff, refuses framing and limits the referrer', async () => {
    for (const res of [await plain.inject({ url: '/api/health' }), await plain.inject({ url: '/api/khong-co' }), await plain.inject({ url: '/api/auth/me' })]) {
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(String(res.headers['content-security-policy'])).toContain("frame-ancestors 'none'");
      expect(res.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    }
  });

  it('sends API answers compressed to clients that accept it, and plain to those that do not', async () => {
    const br = await plain.inject({ url: '/api/units?asOf=2025-06-30', headers: { 'accept-encoding': 'br, gzip' } });
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    const raw = await plain.inject({ url: '/api/units?asOf=2025-06-30' });
    expect(raw.headers['content-encoding']).toBeUndefined();
    expect(br.rawPayload.length).toBeLessThan(raw.rawPayload.length / 4);
    expect(JSON.parse(zlib.brotliDecompressSync(br.rawPayload).toString('utf8'))).toEqual(raw.json());
  });

  it('sends HSTS only with secure cookies (behind HTTPS)', async () => {
    expect((await plain.inject({ url: '/api/health' })).headers['strict-transport-security']).toBeUndefined();
    expect(String((await https.inject({ url: '/api/health' })).headers['strict-transport-security'])).toMatch(/max-age=31536000/);
  });
});
