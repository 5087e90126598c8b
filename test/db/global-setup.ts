/**
 * Runs once per `test:db` run, before any file: checks whether PostgreSQL is there (and says so once when it is
 * not) and gives the files a scratch folder in which the seeded-database snapshots of this run are kept.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { ADMIN_URL, PG_BASE } from './pg-admin.ts';

export interface PostgresStatus {
  available: boolean;
  reason: string | null;
}

declare module 'vitest' {
  export interface ProvidedContext {
    postgres: PostgresStatus;
    /** Scratch folder of this run (snapshots); removed at the end. */
    runDir: string;
    /** Name of the template database holding the seeded demo on PostgreSQL, created on first use. */
    demoTemplate: string;
  }
}

async function checkPostgres(): Promise<PostgresStatus> {
  const client = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return { available: true, reason: null };
  } catch (e) {
    return { available: false, reason: (e as Error).message || String(e) };
  } finally {
    await client.end().catch(() => undefined);
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const status = await checkPostgres();
  const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'chungsuc-test-'));
  const demoTemplate = `chungsuc_test_tpl_${path
    .basename(runDir)
    .replace(/[^a-z0-9]/gi, '')
    .toLowerCase()}`;
  project.provide('postgres', status);
  project.provide('runDir', runDir);
  project.provide('demoTemplate', demoTemplate);
  if (!status.available) {
    const what = process.env.CI === 'true' ? 'the PostgreSQL tests will FAIL (CI=true requires PostgreSQL)' : 'skipping the PostgreSQL backend';
    console.log(`[test:db] PostgreSQL at ${PG_BASE} is unreachable (${status.reason}): ${what}.`);
  }
  return async () => {
    fs.rmSync(runDir, { recursive: true, force: true });
    if (status.available) {
      const client = new pg.Client({ connectionString: ADMIN_URL });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS "${demoTemplate}" WITH (FORCE)`);
      } finally {
        await client.end();
      }
    }
  };
}
