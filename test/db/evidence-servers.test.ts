/**
 * Evidence with several app servers on one PostgreSQL database: a file uploaded through one is downloaded whole
 * through the other (nothing is kept in a server's memory or disk), over real HTTP connections.
 */
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, queryRows, type Database } from '../../src/db/client.ts';
import { SESSION_COOKIE } from '../../src/server/auth/service.ts';
import { pdfFile, sha256 } from '../evidence-files.ts';
import { backends } from './backends.ts';
import { login, startApp } from './http.ts';
import { PG_BASE } from './pg-admin.ts';

const postgres = backends.find((b) => b.kind === 'postgres');
const URL_PATH = '/api/assessments/01654/xa-ntm-2026-2030/2027/evidence';

async function listen(app: FastifyInstance): Promise<string> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  return `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
}

describe.skipIf(!postgres)('evidence on two servers sharing PostgreSQL', () => {
  let one: string;
  let two: string;
  let cookie: string;
  let second: Database;
  let appTwo: FastifyInstance;
  afterAll(async () => {
    await appTwo?.close();
    await second?.close();
  });
  beforeAll(async () => {
    const first = await postgres!.demo();
    const [row] = await queryRows<{ name: string }>(first.db, sql`SELECT current_database() AS name`);
    second = await openDatabase({ url: `${PG_BASE}/${row!.name}` });
    const appOne = await startApp(first);
    appTwo = await startApp(second);
    one = await listen(appOne);
    two = await listen(appTwo);
    cookie = `${SESSION_COOKIE}=${(await login(appOne, 'xa.hoaan'))[SESSION_COOKIE]}`;
  }, 300_000);

  const send = (base: string, fields: Record<string, string>, file?: { name: string; content: Buffer }) => {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    if (file) form.append('file', new Blob([new Uint8Array(file.content)]), file.name);
    return fetch(`${base}${URL_PATH}`, { method: 'POST', body: form, headers: { cookie } });
  };

  it('downloads from one server what was uploaded through the other', async () => {
    const content = pdfFile(5 * 1024 * 1024);
    const res = await send(one, { code: '1', version: '0' }, { name: 'Biên bản nghiệm thu.pdf', content });
    expect(res.status, await res.clone().text()).toBe(201);
    const { evidence, version } = (await res.json()) as { version: number; evidence: { id: number } };
    const got = await fetch(`${two}/api/evidence/${evidence.id}`, { headers: { cookie } });
    expect(got.status).toBe(200);
    expect(got.headers.get('content-length')).toBe(String(content.length));
    const body = Buffer.from(await got.arrayBuffer());
    expect(sha256(body)).toBe(sha256(content));
    // The second server sees the new version at once: a write based on the old one is refused there.
    const stale = await send(two, { code: '1', version: String(version - 1) }, { name: 'khác.pdf', content: pdfFile() });
    expect(stale.status).toBe(409);
  });

  it('answers a refused upload over HTTP without waiting for the file, and the connection is usable', async () => {
    const big = pdfFile(15 * 1024 * 1024);
    const res = await send(two, { code: '99.9', version: '0' }, { name: 'sai mã.pdf', content: big });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('UNKNOWN_INDICATOR');
    const tooBig = await send(one, { code: '1', version: '1' }, { name: 'quá lớn.pdf', content: pdfFile(21 * 1024 * 1024) });
    expect(tooBig.status).toBe(413);
    expect((await fetch(`${two}/api/health`)).status).toBe(200);
  });
});
