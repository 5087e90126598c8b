/**
 * `kill -9` during a large workbook import leaves nothing partial: a real server process on PostgreSQL is killed
 * while the import's transaction has written rows, and the database then holds none of them (issue 8, "Done when").
 * PostgreSQL only: the embedded database admits one process, and it is PostgreSQL that undoes the transaction.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from './backends.ts';
import { editWorkbook, fillAll, IMPORT_URL, plausible } from './workbook-files.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const postgres = backends.find((b) => b.kind === 'postgres');
const PASSWORD = 'mat-khau-thu-kill';

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

function cli(args: string[], env: Record<string, string>): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['bin/chungsuc.js', ...args], { cwd: ROOT, env: cleanEnv(env), timeout: 120_000 }, (error, _stdout, stderr) =>
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stderr }),
    );
  });
}

async function eventually(ms: number, check: () => Promise<boolean>): Promise<boolean> {
  const end = Date.now() + ms;
  do {
    if (await check().catch(() => false)) return true;
    await new Promise((r) => setTimeout(r, 50));
  } while (Date.now() < end);
  return false;
}

describe.skipIf(!postgres)('kill -9 during a workbook import', () => {
  let env: Record<string, string>;
  let child: ChildProcess;
  let base: string;
  let client: pg.Client;

  beforeAll(async () => {
    env = await postgres!.cliEnv();
    expect((await cli(['migrate'], env)).code).toBe(0);
    const port = await freePort();
    child = spawn(process.execPath, ['bin/chungsuc.js', 'serve'], {
      cwd: ROOT,
      env: cleanEnv({ ...env, PORT: String(port), HOST: '127.0.0.1' }),
      stdio: 'ignore',
    });
    base = `http://127.0.0.1:${port}`;
    expect(await eventually(90_000, async () => (await fetch(`${base}/api/health`)).ok)).toBe(true);
    const added = await cli(['user', 'add', '--username', 'tinh-kill', '--role', 'province', '--unit', '04'], { ...env, CHUNGSUC_PASSWORD: PASSWORD });
    expect(added.code, added.stderr).toBe(0);
    client = new pg.Client({ connectionString: env.DATABASE_URL });
    await client.connect();
  }, 180_000);

  afterAll(async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await client?.end();
  });

  /** Rows of this import's tables: the database is new, so anything here would be the import's. */
  const written = async () =>
    (
      await client.query<{ a: number; v: number; e: number }>(
        'SELECT (SELECT count(*)::int FROM assessments) a, (SELECT count(*)::int FROM assessment_values) v, (SELECT count(*)::int FROM assessment_events) e',
      )
    ).rows[0]!;

  /** Whether a backend of the server holds a transaction that has written something (it has a transaction id). */
  const storing = async () =>
    (
      await client.query<{ n: number }>(
        'SELECT count(*)::int n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_xid IS NOT NULL',
      )
    ).rows[0]!.n > 0;

  it('leaves no value and no event of the import once the server is killed while storing', async () => {
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'tinh-kill', password: PASSWORD }),
    });
    expect(login.status).toBe(200);
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const dl = await fetch(`${base}/api/workbooks/assessments/xa-ntm-2021-2025/2025?scope=04&asOf=2025-07-01`, { headers: { cookie } });
    expect(dl.status).toBe(200);
    let values = 0;
    const file = await editWorkbook(
      Buffer.from(await dl.arrayBuffer()),
      (wb) => (values = fillAll(wb, (_code, threshold, unit) => plausible(threshold, unit))),
    );
    expect(values).toBeGreaterThan(2_000);

    const form = new FormData();
    form.append('scope', '04');
    form.append('file', new Blob([new Uint8Array(file)]), 'ca-tinh.xlsx');
    const res = await fetch(`${base}${IMPORT_URL}`, { method: 'POST', headers: { cookie, accept: 'application/x-ndjson' }, body: form });
    expect(res.status).toBe(200);
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    while (!text.includes('"saving"')) {
      const { value, done } = await reader.read();
      if (done) break;
      text += decoder.decode(value);
    }
    expect(text, 'the import reached its storing stage').toContain('"saving"');
    // Kill the moment the import's transaction has written rows, not before it began.
    let caught = false;
    for (let i = 0; i < 5_000 && !caught; i++) caught = await storing();
    child.kill('SIGKILL');
    await reader.cancel().catch(() => undefined);
    expect(caught, 'the server was killed inside the storing transaction').toBe(true);
    if (child.exitCode === null && child.signalCode === null) await new Promise((r) => child.once('exit', r));
    // PostgreSQL ends the dead server's sessions and rolls their transactions back.
    expect(await eventually(30_000, async () => !(await storing()))).toBe(true);
    expect(await written()).toEqual({ a: 0, v: 0, e: 0 });
  }, 240_000);
});
