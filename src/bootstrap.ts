import fs from 'node:fs';
import path from 'node:path';
import type { Config } from './config.ts';
import { openDatabase, type Database } from './db/client.ts';
import { migrate } from './db/migrate.ts';
import { syncBuiltinSets } from './server/criteria/service.ts';
import { syncBuiltinPlans } from './server/plans/service.ts';
import { seedUnits } from './seed/units.ts';

/**
 * Opens the configured database, applies pending migrations and loads the reference data every installation
 * needs (Cao Bằng's units, the shipped criteria sets and the two source plans). Demo data is separate (`seed demo`).
 */
export async function openApp(config: Config): Promise<Database> {
  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrate(database);
    await seedUnits(database.db);
    await syncBuiltinSets(database.db);
    await syncBuiltinPlans(database.db);
  } catch (e) {
    await database.close();
    throw e;
  }
  return database;
}

export interface ServerLock {
  pid: number;
  port: number;
}

const lockPath = (config: Config) => path.join(config.dataDir, 'server.json');

/** The embedded database admits one process: the server records itself so the CLI can talk to it instead. */
export function readServerLock(config: Config): ServerLock | undefined {
  if (config.databaseUrl) return undefined;
  try {
    const lock = JSON.parse(fs.readFileSync(lockPath(config), 'utf8')) as ServerLock;
    process.kill(lock.pid, 0);
    return lock;
  } catch {
    return undefined;
  }
}

export function writeServerLock(config: Config, port: number): () => void {
  if (config.databaseUrl) return () => undefined;
  fs.mkdirSync(config.dataDir, { recursive: true });
  fs.writeFileSync(lockPath(config), JSON.stringify({ pid: process.pid, port }));
  return () => {
    try {
      fs.unlinkSync(lockPath(config));
    } catch {
      /* already gone */
    }
  };
}
