/**
 * The province overview of today's 56 units with an assessment for every one that a set applies to (53 communes: the
 * demo's values, plus the entry commune Hòa An's, saved through the API before timing; the 3 wards have no set),
 * counting every value (`basis=all`), against
 * `/api/health` on the same server: autocannon in its own process at 10 connections, on PGlite and on PostgreSQL.
 * Rows: the overview as served (computed once per data revision, then from the cache), and the overview computed
 * for every request (each request asks for another date of 2026, more dates than the cache keeps).
 * `npx tsx bench/overview-assessed.ts` (or `npm run bench -- overview-assessed`); BENCH_SECONDS=10,
 * BENCH_BACKEND=pglite|postgres for one backend.
 */
import { cannon, type CannonResult } from './lib/cannon.ts';
import { onEachBackend, type DemoServer } from './lib/demo-server.ts';

const CONNECTIONS = 10;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const YEAR = 2026;
const ENTRY_UNIT = '01654';
const FAMILY = 'xa-ntm-2026-2030';

interface Row extends CannonResult {
  backend: string;
  name: string;
}

/** The entry commune has no demo assessment: its officer records every criterion of the 2026–2030 set. */
async function assessEntryCommune(s: DemoServer): Promise<void> {
  const cookie = await s.login('xa.hoaan');
  const url = `${s.base}/api/assessments/${ENTRY_UNIT}/${FAMILY}/${YEAR}`;
  const current = (await (await fetch(url, { headers: { cookie } })).json()) as { version: number };
  const criteria = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [String(i + 1), i % 3 === 0 ? 'not-met' : 'met']));
  const res = await fetch(url, {
    method: 'PUT',
    headers: { cookie, 'content-type': 'application/json', origin: s.base },
    body: JSON.stringify({ version: current.version, values: {}, criteria }),
  });
  if (res.status !== 200) throw new Error(`saving ${ENTRY_UNIT} answered ${res.status}: ${await res.text()}`);
}

async function run(s: DemoServer): Promise<Row[]> {
  await assessEntryCommune(s);
  const cookie = await s.login('tinh');
  const overview = `${s.base}/api/overview?year=${YEAR}&basis=all`;
  const o = (await (await fetch(overview, { headers: { cookie } })).json()) as {
    rows: { code: string; type: string; set: string | null; hasValues: boolean; explanation: string | null }[];
  };
  const assessed = o.rows.filter((r) => r.hasValues).length;
  const without = o.rows.filter((r) => !r.hasValues);
  console.log(
    `${s.name}: ${o.rows.length} units in the overview, ${assessed} with an assessment; without: ${without.map((r) => `${r.code} (${r.type}, set ${r.set ?? 'none'}: ${r.explanation ?? ''})`).join('; ') || 'none'}`,
  );
  if (o.rows.length !== 56 || without.some((r) => r.set !== null)) throw new Error('expected 56 units, every one a set applies to assessed');
  const jobs = [
    { name: 'health', url: `${s.base}/api/health` },
    { name: 'overview, 56 units, 53 assessed (as served)', url: overview },
    { name: 'overview, 56 units, 53 assessed, computed every request', url: overview, varyAsOf: true },
  ];
  for (const j of jobs) await cannon({ ...j, cookie, seconds: 2, connections: CONNECTIONS }); // warm-up
  const rows: Row[] = [];
  for (const j of jobs) rows.push({ backend: s.name, name: j.name, ...(await cannon({ ...j, cookie, seconds: SECONDS, connections: CONNECTIONS })) });
  return rows;
}

async function main(): Promise<void> {
  const rows = await onEachBackend(run);
  console.log(`\nOverview of 56 units (every commune assessed) vs /api/health, ${CONNECTIONS} connections, ${SECONDS} s each (Node ${process.version})\n`);
  console.log('| database | route | requests/s | × health | p50 ms | p99 ms | p99 ÷ health p99 | non-2xx |');
  console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const r of rows) {
    const health = rows.find((h) => h.backend === r.backend && h.name === 'health')!;
    console.log(
      `| ${r.backend} | ${r.name} | ${r.rps.toFixed(0)} | ${(r.rps / health.rps).toFixed(2)} | ${r.p50} | ${r.p99} | ${(r.p99 / Math.max(1, health.p99)).toFixed(1)} | ${r.non2xx} |`,
    );
  }
  if (rows.some((r) => r.non2xx > 0)) process.exitCode = 1;
}

await main();
