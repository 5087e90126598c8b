import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildLargestWorkbook } from '../large-set.ts';
import { zipBomb } from '../zip.ts';
import { backends } from './backends.ts';
import { expectError, login, startApp } from './http.ts';
import { importRequest } from './multipart.ts';

/** Sends the headers and the first bytes of a large multipart upload, and waits for an answer without sending the rest. */
function partialUpload(port: number): Promise<{ status: number; body: string; sent: number; declared: number }> {
  const declared = 5_000_000;
  return new Promise((resolve, reject) => {
    const req = http.request({
      port,
      method: 'POST',
      path: '/api/sets/import',
      headers: { 'content-type': 'multipart/form-data; boundary=xyz', 'content-length': declared },
    });
    const first = Buffer.from('--xyz\r\nContent-Disposition: form-data; name="file"; filename="a.json"\r\n\r\n{');
    req.on('response', (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => {
        resolve({ status: res.statusCode ?? 0, body, sent: first.length, declared });
        req.destroy();
      });
    });
    req.on('error', (e) => ((e as { code?: string }).code === 'ECONNRESET' ? undefined : reject(e)));
    req.write(first);
  });
}

describe.each(backends)('$name: import limits over HTTP', (backend) => {
  let app: FastifyInstance;
  let cookies: Record<string, string>;
  const setCount = async () => (await app.inject({ url: '/api/sets' })).json<{ sets: unknown[] }>().sets.length;

  beforeAll(async () => {
    app = await startApp(await backend.demo());
    cookies = await login(app, 'tinh');
  }, 300_000);

  it('refuses an anonymous upload before reading its body', async () => {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const res = await partialUpload((app.server.address() as AddressInfo).port);
    // The answer came while most of the declared body was never sent: the server did not wait for it.
    expect(res.sent).toBeLessThan(res.declared);
    expect(res.status).toBe(401);
    expect(JSON.parse(res.body)).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
  });

  it('refuses a 4 MB zip bomb named .xlsx naming the file, and writes nothing', async () => {
    const before = await setCount();
    const res = await app.inject({ ...(await importRequest('bo-tieu-chi.xlsx', zipBomb(4))), cookies });
    const e = expectError(res, 413, 'FILE_TOO_LARGE');
    expect(e.message).toContain('"bo-tieu-chi.xlsx"');
    expect(e.details).toMatchObject({ file: 'bo-tieu-chi.xlsx', limit: 'unzippedBytes' });
    expect(await setCount()).toBe(before);
  });

  it('refuses a file over 10 MB while it is uploaded, naming it', async () => {
    const res = await app.inject({ ...(await importRequest('lon.json', Buffer.alloc(10 * 1024 * 1024 + 10, 32))), cookies });
    const e = expectError(res, 413, 'FILE_TOO_LARGE');
    expect(e.message).toContain('"lon.json"');
  });

  it('refuses a JSON body or a form without a file with a clear message', async () => {
    const json = await app.inject({ method: 'POST', url: '/api/sets/import', cookies, payload: { fileName: 'a.json', content: 'e30=' } });
    expect(expectError(json, 400, 'VALIDATION').message).toContain('multipart/form-data');
    const form = new FormData();
    form.append('note', 'chỉ có ghi chú');
    const encoded = new Request('http://localhost/', { method: 'POST', body: form });
    const noFile = await app.inject({
      method: 'POST',
      url: '/api/sets/import',
      cookies,
      headers: { 'content-type': encoded.headers.get('content-type')! },
      payload: Buffer.from(await encoded.arrayBuffer()),
    });
    expect(expectError(noFile, 400, 'VALIDATION').details).toMatchObject({ field: 'file' });
  });

  it('keeps answering other requests while the largest accepted workbook is parsed', async () => {
    const id = `thu-tai-${backend.kind}`;
    const upload = await importRequest(`${id}.xlsx`, await buildLargestWorkbook(id), 'bộ lớn nhất được nhận');
    const order: string[] = [];
    const importing = app.inject({ ...upload, cookies }).then((r) => {
      order.push('import');
      return r;
    });
    // Give the upload a head start so that parsing has begun, then ask for health.
    await new Promise((r) => setTimeout(r, 300));
    const health = await app.inject({ url: '/api/health' });
    order.push('health');
    expect(health.statusCode).toBe(200);
    const done = await importing;
    expect(done.statusCode, done.body).toBe(201);
    expect(order).toEqual(['health', 'import']);
    expect(done.json<{ indicatorCount: number }>().indicatorCount).toBe(1000);
  }, 120_000);
});
