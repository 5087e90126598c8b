/**
 * Does an import hold up the server? `/api/health` latency under load (10 connections) while idle, while the
 * largest workbook the limits accept is imported through the API (parsed in the worker thread), and, as the
 * baseline, while the same workbook is parsed on the event loop as the server did before. Run with
 * `npx tsx bench/import-health.ts` (or `npm run bench`); BENCHMARKS.md records a run.
 */
import type { AddressInfo } from 'node:net';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import autocannon from 'autocannon';
import { openDatabase } from '../src/db/client.ts';
import { migrate } from '../src/db/migrate.ts';
import { parseSetBuffer } from '../src/interchange/criteria/files.ts';
import { buildApp } from '../src/server/app.ts';
import { createUser } from '../src/server/auth/service.ts';
import { SESSION_COOKIE } from '../src/server/auth/service.ts';
import { syncBuiltinSets } from '../src/server/criteria/service.ts';
import { seedUnits } from '../src/seed/units.ts';
import { buildLargestWorkbook } from '../test/large-set.ts';

const CONNECTIONS = 10;
const IDLE_SECONDS = 5;
const PASSWORD = 'bench-import-health';

interface Figures {
  /** Longest the server's event loop was held up (ms), from perf_hooks. */
  loopMax: number;
  requests: number;
  p50: number;
  p99: number;
  max: number;
  seconds: number;
}

/** Loads /api/health until `until` settles (or for `seconds`), and returns its latency figures. */
async function loadHealth(url: string, until: Promise<unknown> | number): Promise<Figures> {
  const started = Date.now();
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const r = await new Promise<autocannon.Result>((resolve, reject) => {
    const run = autocannon({ url: `${url}/api/health`, connections: CONNECTIONS, duration: typeof until === 'number' ? until : 600 }, (err, result) =>
      err ? reject(err instanceof Error ? err : new Error(String(err))) : resolve(result),
    );
    if (typeof until !== 'number') void until.finally(() => run.stop());
  });
  loop.disable();
  return {
    loopMax: Math.round(loop.max / 1e6),
    requests: r.requests.total,
    p50: r.latency.p50,
    p99: r.latency.p99,
    max: r.latency.max,
    seconds: (Date.now() - started) / 1000,
  };
}

async function main(): Promise<void> {
  // PGlite by default; DATABASE_URL (an empty database) runs it on PostgreSQL, where SQL work leaves the process.
  const database = await openDatabase(process.env.DATABASE_URL ? { url: process.env.DATABASE_URL } : { dataDir: 'memory://' });
  await migrate(database);
  await seedUnits(database.db);
  await syncBuiltinSets(database.db);
  await createUser(database.db, { username: 'bench', fullName: 'Bench', password: PASSWORD, role: 'admin', unitCode: '04', asOf: '2025-07-01' }, null);
  const app = await buildApp({ database, secureCookies: false }, { logger: false, serveWeb: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const login = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: url },
    body: JSON.stringify({ username: 'bench', password: PASSWORD }),
  });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  if (!cookie.startsWith(`${SESSION_COOKIE}=`)) throw new Error(`login failed: ${login.status}`);

  const workbook = await buildLargestWorkbook('bench-lon-nhat');
  const upload = async () => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(workbook)]), 'bench-lon-nhat.xlsx');
    const res = await fetch(`${url}/api/sets/import`, { method: 'POST', headers: { cookie, origin: url }, body: form });
    if (res.status !== 201) throw new Error(`import answered ${res.status}: ${await res.text()}`);
  };

  const idle = await loadHealth(url, IDLE_SECONDS);
  const during = await loadHealth(url, upload());
  // What the server did before: the same parse and validation on the event loop.
  const onLoop = await loadHealth(
    url,
    new Promise((r) => setTimeout(r, 200)).then(() => parseSetBuffer(workbook, 'tren-vong-su-kien.xlsx')),
  );
  await app.close();
  await database.close();

  const row = (name: string, f: Figures) =>
    `| ${name} | ${f.seconds.toFixed(1)} | ${f.requests} | ${f.p50} | ${f.p99} | ${f.max} | ${(f.p99 / Math.max(idle.p99, 1)).toFixed(1)}× | ${f.loopMax} |`;
  console.log(
    `Largest accepted workbook: ${(workbook.length / 1024).toFixed(0)} kB, 1,000 indicators, 4,100 rows; ${CONNECTIONS} connections; ${database.describe}`,
  );
  console.log('| /api/health | seconds | requests | p50 ms | p99 ms | max ms | p99 ÷ idle p99 | longest event-loop stall ms |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  console.log(row('idle', idle));
  console.log(row('during the import (worker thread)', during));
  console.log(row('baseline: same parse on the event loop', onLoop));
  console.log(during.p99 < 100 ? 'p99 during the import is under the 100 ms aim' : `p99 during the import is ${during.p99} ms, over the 100 ms aim`);
}

await main();
