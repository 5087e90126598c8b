/**
 * Throughput of the overview route against `/api/health` on the same server: autocannon (a separate process)
 * at 10 connections, on an embedded database with Cao Bằng's units, the shipped sets and the demo values.
 * Views: 30/06/2025 for 2025 (161 communes under 13 districts) and today for its own year (56 communes).
 * Run with `npm run bench` (or `npx tsx bench/overview-route.ts`); BENCHMARKS.md records a run.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { AddressInfo } from 'node:net';
import { openDatabase } from '../src/db/client.ts';
import { migrate } from '../src/db/migrate.ts';
import { DEMO_PASSWORD, seedDemo } from '../src/seed/demo.ts';
import { seedUnits } from '../src/seed/units.ts';
import { buildApp } from '../src/server/app.ts';
import { SESSION_COOKIE } from '../src/server/auth/service.ts';
import { todayVn } from '../src/server/common.ts';
import { syncBuiltinSets } from '../src/server/criteria/service.ts';

const CONNECTIONS = 10;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);

interface Result {
  name: string;
  url: string;
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
}

/** One autocannon run in its own process, so the load generator does not share the server's event loop. */
async function cannon(name: string, url: string, cookie: string, seconds = SECONDS): Promise<Result> {
  const { stdout: out } = await promisify(execFile)(
    'node_modules/.bin/autocannon',
    ['-c', String(CONNECTIONS), '-d', String(seconds), '-j', '-H', `cookie=${cookie}`, url],
    {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  const r = JSON.parse(out) as { requests: { average: number }; latency: { p50: number; p99: number }; non2xx: number; errors: number };
  return {
    name,
    url: new URL(url).pathname + new URL(url).search,
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    non2xx: r.non2xx + r.errors,
  };
}

async function main(): Promise<void> {
  const database = await openDatabase({ dataDir: 'memory://' });
  await migrate(database);
  await seedUnits(database.db);
  await syncBuiltinSets(database.db);
  await seedDemo(database.db);
  const app = await buildApp({ database, secureCookies: false }, { logger: false, serveWeb: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'tinh', password: DEMO_PASSWORD } });
  const session = login.cookies.find((c) => c.name === SESSION_COOKIE)?.value;
  if (!session) throw new Error(`login failed: ${login.body}`);
  const cookie = `${SESSION_COOKIE}=${session}`;
  const today = todayVn();
  const views = [
    { name: 'health', url: `${base}/api/health` },
    { name: 'overview, 161 communes (30/06/2025, 2025)', url: `${base}/api/overview?asOf=2025-06-30&year=2025` },
    { name: `overview, 56 communes (${today}, ${today.slice(0, 4)})`, url: `${base}/api/overview?asOf=${today}` },
  ];
  for (const v of views) await cannon(v.name, v.url, cookie, 2); // warm-up: JIT, compiled-set cache, connection pool
  const results: Result[] = [];
  for (const v of views) results.push(await cannon(v.name, v.url, cookie));
  await app.close();
  await database.close();
  const health = results[0]!.rps;
  console.log(`\nOverview route vs /api/health, ${CONNECTIONS} connections, ${SECONDS} s each (Node ${process.version})\n`);
  console.log('| route | requests/s | × health | p50 ms | p99 ms | non-2xx |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const r of results) console.log(`| ${r.name} | ${r.rps.toFixed(0)} | ${(r.rps / health).toFixed(2)} | ${r.p50} | ${r.p99} | ${r.non2xx} |`);
  if (results.some((r) => r.non2xx > 0)) process.exitCode = 1;
}

await main();
