/**
 * The two database backends every db test runs on: PGlite (embedded) and PostgreSQL (a fresh database
 * `chungsuc_test_<random>` created through the `test` database and dropped afterwards).
 *
 * Use with `describe.each(backends)('$name', (backend) => …)`. Each file gets one database per backend from
 * `backend.shared()` / `backend.demo()` (PGlite takes seconds to start, so it is reused within a file); tests that
 * need a clean slate ask for `backend.empty()`. Everything opened here is closed, and every PostgreSQL database
 * dropped, when the file ends.
 *
 * Loading the demo takes tens of seconds, so the first file that needs it seeds a snapshot (a PGlite data folder,
 * a PostgreSQL template database) and later files of the run start from a copy of it.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, inject } from 'vitest';
import { openDatabase, type Database } from '../../src/db/client.ts';
import { migrate } from '../../src/db/migrate.ts';
import { seedDemo } from '../../src/seed/demo.ts';
import { seedUnits } from '../../src/seed/units.ts';
import { syncBuiltinSets } from '../../src/server/criteria/service.ts';
import { syncBuiltinPlans } from '../../src/server/plans/service.ts';
import { adminQuery, PG_BASE } from './pg-admin.ts';

export interface Backend {
  name: 'PGlite' | 'PostgreSQL';
  kind: 'pglite' | 'postgres';
  /** A new, empty database (no migrations applied). */
  empty(): Promise<Database>;
  /** The file's database with what every installation has: migrations, Cao Bằng's units, the shipped sets. */
  shared(): Promise<Database>;
  /** The file's database with the demo loaded as well (sample hamlets, values and accounts). */
  demo(): Promise<Database>;
  /** Environment for a CLI process using a new, empty database of this kind. */
  cliEnv(): Promise<Record<string, string>>;
}

const runDir = inject('runDir');
const postgres = inject('postgres');
const demoTemplate = inject('demoTemplate');
const ci = process.env.CI === 'true';

const opened: Database[] = [];
const cleanups: (() => Promise<void>)[] = [];

afterAll(async () => {
  for (const d of opened.splice(0)) await d.close().catch(() => undefined);
  for (const c of cleanups.splice(0)) await c();
});

const randomName = () => crypto.randomBytes(6).toString('hex');

/** Brings a database to what `openApp` gives: migrations, units, shipped sets and plans. */
async function loadReference(d: Database): Promise<Database> {
  await migrate(d);
  await seedUnits(d.db);
  await syncBuiltinSets(d.db);
  await syncBuiltinPlans(d.db);
  return d;
}

function track(d: Database): Database {
  opened.push(d);
  return d;
}

function once<T>(fn: () => Promise<T>): () => Promise<T> {
  let p: Promise<T> | undefined;
  return () => (p ??= fn());
}

// PGlite ---------------------------------------------------------------------------------------------------

function pgliteDir(): string {
  const dir = path.join(runDir, `pglite-${randomName()}`);
  cleanups.push(async () => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A PGlite data folder with the demo loaded, made once per run and copied by each file that needs it. */
async function pgliteDemoSnapshot(): Promise<string> {
  const dir = path.join(runDir, 'pglite-demo-snapshot');
  if (fs.existsSync(path.join(dir, 'ready'))) return dir;
  fs.rmSync(dir, { recursive: true, force: true });
  const d = await openDatabase({ dataDir: dir });
  try {
    await loadReference(d);
    await seedDemo(d.db);
  } finally {
    await d.close();
  }
  fs.writeFileSync(path.join(dir, 'ready'), '');
  return dir;
}

const pglite: Backend = {
  name: 'PGlite',
  kind: 'pglite',
  empty: async () => track(await openDatabase({ dataDir: 'memory://' })),
  shared: once(async () => track(await loadReference(await openDatabase({ dataDir: 'memory://' })))),
  demo: once(async () => {
    const snapshot = await pgliteDemoSnapshot();
    const dir = pgliteDir();
    fs.cpSync(snapshot, dir, { recursive: true });
    return track(await openDatabase({ dataDir: dir }));
  }),
  cliEnv: async () => ({ CHUNGSUC_DATA_DIR: pgliteDir() }),
};

// PostgreSQL -----------------------------------------------------------------------------------------------

function requirePostgres(): void {
  if (postgres.available) return;
  throw new Error(`PostgreSQL at ${PG_BASE} is unreachable (${postgres.reason}); CI=true requires the PostgreSQL tests to run.`);
}

/** Creates `chungsuc_test_<random>` (optionally from a template), dropped when the file ends; returns its URL. */
async function createPgDatabase(template?: string): Promise<string> {
  requirePostgres();
  const name = `chungsuc_test_${randomName()}`;
  await adminQuery(`CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ''}`);
  cleanups.push(async () => {
    await adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  });
  return `${PG_BASE}/${name}`;
}

/** The template database with the demo loaded, made once per run (dropped by the global teardown). */
async function pgDemoTemplate(): Promise<string> {
  requirePostgres();
  const exists = await adminQuery(`SELECT 1 FROM pg_database WHERE datname = '${demoTemplate}'`);
  if (exists.rowCount) return demoTemplate;
  const building = `${demoTemplate}_building`;
  await adminQuery(`DROP DATABASE IF EXISTS "${building}" WITH (FORCE)`);
  await adminQuery(`CREATE DATABASE "${building}"`);
  const d = await openDatabase({ url: `${PG_BASE}/${building}` });
  try {
    await loadReference(d);
    await seedDemo(d.db);
  } finally {
    await d.close();
  }
  // Renamed only once complete, so a failed seed never leaves a half-loaded template behind.
  await adminQuery(`ALTER DATABASE "${building}" RENAME TO "${demoTemplate}"`);
  return demoTemplate;
}

const postgresql: Backend = {
  name: 'PostgreSQL',
  kind: 'postgres',
  empty: async () => track(await openDatabase({ url: await createPgDatabase() })),
  shared: once(async () => track(await loadReference(await openDatabase({ url: await createPgDatabase() })))),
  demo: once(async () => track(await openDatabase({ url: await createPgDatabase(await pgDemoTemplate()) }))),
  cliEnv: async () => ({ DATABASE_URL: await createPgDatabase() }),
};

/**
 * The backends to run on. Without PostgreSQL, its tests are skipped locally (the global setup printed why)
 * and fail in CI.
 */
export const backends: Backend[] = postgres.available || ci ? [pglite, postgresql] : [pglite];
