/**
 * Two server processes on one PostgreSQL database, as behind a load balancer: a version imported or withdrawn
 * from the command line is seen by both, each of which had already read (and holds) the criteria sets.
 * PostgreSQL only: the embedded database admits one process.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSet } from '../factories.ts';
import { backends } from './backends.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const postgres = backends.find((b) => b.kind === 'postgres');
/** What "at once" means for a change made by another process (issue: within a second). */
const WITHIN_MS = 1_000;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

function cleanEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const base = { ...process.env };
  delete base.DATABASE_URL;
  delete base.CHUNGSUC_DATA_DIR;
  return { ...base, ...env };
}

function cli(args: string[], env: Record<string, string>): Promise<{ code: number; stderr: string; stdout: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['bin/chungsuc.js', ...args], { cwd: ROOT, env: cleanEnv(env), timeout: 120_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }),
    );
  });
}

/** Polls `check` until it holds or `ms` have passed; returns whether it held. */
async function eventually(ms: number, check: () => Promise<boolean>): Promise<boolean> {
  const end = Date.now() + ms;
  do {
    if (await check().catch(() => false)) return true;
    await new Promise((r) => setTimeout(r, 50));
  } while (Date.now() < end);
  return check().catch(() => false);
}

describe.skipIf(!postgres)('two servers on one PostgreSQL', () => {
  const servers: { child: ChildProcess; base: string }[] = [];
  let env: Record<string, string>;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'chungsuc-servers-'));

  beforeAll(async () => {
    env = await postgres!.cliEnv();
    const migrated = await cli(['migrate'], env);
    expect(migrated.code, migrated.stderr).toBe(0);
    for (let i = 0; i < 2; i++) {
      const port = await freePort();
      const child = spawn(process.execPath, ['bin/chungsuc.js', 'serve'], {
        cwd: ROOT,
        env: cleanEnv({ ...env, PORT: String(port), HOST: '127.0.0.1' }),
        stdio: 'ignore',
      });
      servers.push({ child, base: `http://127.0.0.1:${port}` });
    }
    for (const s of servers) expect(await eventually(90_000, async () => (await fetch(`${s.base}/api/health`)).ok)).toBe(true);
  }, 180_000);

  afterAll(async () => {
    for (const s of servers) s.child.kill('SIGTERM');
    await Promise.all(servers.map((s) => new Promise((r) => (s.child.exitCode !== null ? r(null) : s.child.once('exit', r)))));
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  const setOn = async (base: string, id: string) =>
    fetch(`${base}/api/sets/${id}`).then(async (r) => (r.ok ? ((await r.json()) as { withdrawn: unknown }) : null));

  it('both see a version imported and then withdrawn from the command line', async () => {
    const v = buildSet({ id: 'hai-may-chu', family: 'hai-may-chu' });
    // Each server has read the sets (and holds them) before the change.
    for (const s of servers) expect(await setOn(s.base, v.id)).toBeNull();
    const file = path.join(tmp, 'hai-may-chu.json');
    fs.writeFileSync(file, JSON.stringify(v));

    const imported = await cli(['sets', 'import', file], env);
    expect(imported.code, imported.stderr).toBe(0);
    for (const s of servers) expect(await eventually(WITHIN_MS, async () => (await setOn(s.base, v.id)) !== null), s.base).toBe(true);

    const withdrawn = await cli(['sets', 'withdraw', v.id, '--reason', 'Thử hai máy chủ'], env);
    expect(withdrawn.code, withdrawn.stderr).toBe(0);
    for (const s of servers) expect(await eventually(WITHIN_MS, async () => Boolean((await setOn(s.base, v.id))?.withdrawn)), s.base).toBe(true);
  }, 240_000);
});
