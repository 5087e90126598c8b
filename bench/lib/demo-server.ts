/**
 * A server on the demo data for a benchmark, on either backend: PGlite in memory, or a PostgreSQL database created
 * for the run (`bench_<random>` on BENCH_PG, by default the server on localhost) and dropped at the end.
 * `backendsToRun()` gives both unless BENCH_BACKEND says one (pglite | postgres).
 */
import crypto from 'node:crypto';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { openDatabase, type Database } from '../../src/db/client.ts';
import { migrate } from '../../src/db/migrate.ts';
import { DEMO_PASSWORD, seedDemo } from '../../src/seed/demo.ts';
import { seedUnits } from '../../src/seed/units.ts';
import { buildApp } from '../../src/server/app.ts';
import { SESSION_COOKIE } from '../../src/server/auth/service.ts';
import { syncBuiltinSets } from '../../src/server/criteria/service.ts';

export type BackendKind = 'pglite' | 'postgres';

const PG_BASE = (process.env.BENCH_PG ?? 'postgres://postgres@127.0.0.1:5432').replace(/\/+$/, '');

export function backendsToRun(): BackendKind[] {
  const only = process.env.BENCH_BACKEND;
  if (only === 'pglite' || only === 'postgres') return [only];
  return ['pglite', 'postgres'];
}

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: `${PG_BASE}/postgres` });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export interface DemoServer {
  name: 'PGlite' | 'PostgreSQL';
  database: Database;
  base: string;
  /** A session cookie for a demo account (`tinh`: the province, `xa.hoaan`: the commune officer of 01654). */
  login(username: string): Promise<string>;
  close(): Promise<void>;
}

/** Migrations, Cao Bằng's units, the shipped sets and the demo, then the app on a free port of 127.0.0.1. */
export async function startDemoServer(kind: BackendKind): Promise<DemoServer> {
  let drop: (() => Promise<void>) | null = null;
  let database: Database;
  if (kind === 'pglite') database = await openDatabase({ dataDir: 'memory://' });
  else {
    const name = `bench_${crypto.randomBytes(5).toString('hex')}`;
    await admin(`CREATE DATABASE ${name}`);
    drop = () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    database = await openDatabase({ url: `${PG_BASE}/${name}` });
  }
  try {
    await migrate(database);
    await seedUnits(database.db);
    await syncBuiltinSets(database.db);
    await seedDemo(database.db);
  } catch (e) {
    await database.close();
    await drop?.();
    throw e;
  }
  const app = await buildApp({ database, secureCookies: false }, { logger: false, serveWeb: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  return {
    name: kind === 'pglite' ? 'PGlite' : 'PostgreSQL',
    database,
    base,
    async login(username) {
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: DEMO_PASSWORD } });
      const session = res.cookies.find((c) => c.name === SESSION_COOKIE)?.value;
      if (!session) throw new Error(`login of ${username} failed: ${res.body}`);
      return `${SESSION_COOKIE}=${session}`;
    },
    async close() {
      await app.close();
      await database.close();
      await drop?.();
    },
  };
}

/** The q-quantile of sorted numbers (nearest rank). */
export function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

/** Runs `run` on a demo server of each backend to measure, one after the other, and gathers what each returns. */
export async function onEachBackend<T>(run: (s: DemoServer) => Promise<T[]>): Promise<T[]> {
  const rows: T[] = [];
  for (const kind of backendsToRun()) {
    const s = await startDemoServer(kind);
    try {
      rows.push(...(await run(s)));
    } finally {
      await s.close();
    }
  }
  return rows;
}
