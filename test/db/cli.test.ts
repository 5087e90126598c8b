/**
 * The command line as a user runs it: `node bin/chungsuc.js …` in a child process, on an embedded database
 * folder or a PostgreSQL database. Each spawn costs seconds, so every backend gets one database, migrated once.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBuiltinSets } from '../../src/interchange/criteria/files.ts';
import { buildCriterion, buildIndicator, buildSet } from '../factories.ts';
import { backends } from './backends.ts';
import { PG_BASE } from './pg-admin.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SPAWN_TIMEOUT = 120_000;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI with only the given database settings (none inherited from the test's environment). */
function chungsuc(args: string[], env: Record<string, string>): Promise<Run> {
  const base = { ...process.env };
  delete base.DATABASE_URL;
  delete base.CHUNGSUC_DATA_DIR;
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['bin/chungsuc.js', ...args],
      { cwd: ROOT, env: { ...base, ...env }, timeout: SPAWN_TIMEOUT, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'chungsuc-cli-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
const file = (name: string, content: unknown) => {
  const p = path.join(tmp, name);
  fs.writeFileSync(p, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return p;
};

describe.each(backends)('CLI on $name', (backend) => {
  let env: Record<string, string>;
  const run = (...args: string[]) => chungsuc(args, env);

  beforeAll(async () => {
    env = await backend.cliEnv();
    const r = await run('migrate');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(backend.kind === 'postgres' ? 'PostgreSQL' : 'PGlite');
  }, SPAWN_TIMEOUT);

  it('sets: prints every set as JSON with exactly the summary keys', async () => {
    const r = await run('sets');
    expect(r.code, r.stderr).toBe(0);
    const sets = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(sets.length).toBeGreaterThanOrEqual(10);
    for (const s of sets)
      expect(Object.keys(s).sort()).toEqual([
        'confirmedCount',
        'criteriaCount',
        'decision',
        'effectiveFrom',
        'effectiveTo',
        'id',
        'indicatorCount',
        'name',
        'unitLevel',
        'withdrawn',
      ]);
    expect(sets.find((s) => s.id === 'xa-ntm-2022')).toMatchObject({
      effectiveFrom: '2022-03-08',
      effectiveTo: '2024-02-29',
      unitLevel: 'commune',
      criteriaCount: 19,
    });
  });

  it('sets show: prints one set with its criteria', async () => {
    const r = await run('sets', 'show', 'xa-ntm-2022');
    expect(r.code, r.stderr).toBe(0);
    const set = JSON.parse(r.stdout) as { id: string; decision: string; criteria: { code: string; indicators: unknown[] }[] };
    expect(set).toMatchObject({ id: 'xa-ntm-2022', decision: '318/QĐ-TTg' });
    expect(set.criteria).toHaveLength(19);
  });

  it('evaluate: lists every indicator, missing values as no-data, with thresholds', async () => {
    const values = file(`values-${backend.kind}.json`, { '3.1': 85, '3.2': 'met', '1.1': true, '1.2': false });
    const r = await run('evaluate', '--set', 'xa-ntm-2024', '--year', '2024', '--input', values);
    expect(r.code, r.stderr).toBe(0);
    const e = JSON.parse(r.stdout) as {
      set: string;
      region: string;
      indicators: Record<string, { status: string; threshold: unknown; reason?: string }>;
      criteria: Record<string, { status: string }>;
    };
    expect(e.set).toBe('xa-ntm-2024');
    expect(e.region).toBe('TDMNPB');
    const shipped = loadBuiltinSets().find((s) => s.id === 'xa-ntm-2024')!;
    expect(Object.keys(e.indicators).sort()).toEqual(shipped.criteria.flatMap((c) => c.indicators.map((i) => i.code)).sort());
    expect(e.indicators['3.1']).toMatchObject({ status: 'met', threshold: 80 });
    expect(e.indicators['1.2']!.status).toBe('not-met');
    expect(e.indicators['2.1']).toMatchObject({ status: 'no-data', reason: 'no-value' });
    expect(e.criteria['3']!.status).toBe('met');
  });

  it('evaluate: a text value for a numeric indicator fails with a Vietnamese message naming the code', async () => {
    const values = file(`bad-values-${backend.kind}.json`, { '3.1': 'tám mươi' });
    const r = await run('evaluate', '--set', 'xa-ntm-2024', '--year', '2024', '--input', values);
    expect(r.code).not.toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('INVALID_VALUE');
    expect(r.stderr).toContain('"3.1"');
    expect(r.stderr).toContain('không hợp lệ');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('evaluate: an unknown set fails', async () => {
    const values = file(`empty-values-${backend.kind}.json`, {});
    const r = await run('evaluate', '--set', 'khong-co', '--year', '2024', '--input', values);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('SET_NOT_FOUND');
    expect(r.stderr).toContain('khong-co');
  });

  it('units: 161 communes on 30/06/2025 and 56 on 01/07/2025', async () => {
    const before = await run('units', '--as-of', '2025-06-30', '--level', 'commune');
    expect(before.code, before.stderr).toBe(0);
    expect(JSON.parse(before.stdout)).toHaveLength(161);
    const after = await run('units', '--as-of', '2025-07-01', '--level', 'commune');
    expect(after.code, after.stderr).toBe(0);
    const units = JSON.parse(after.stdout) as { code: string; name: string; parentCode: string }[];
    expect(units).toHaveLength(56);
    expect(units.find((u) => u.code === '01654')).toMatchObject({ name: 'Xã Hòa An', parentCode: '04' });
  });

  it('units: an impossible date fails', async () => {
    const r = await run('units', '--as-of', '2025-02-30');
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('2025-02-30');
  });

  it(
    'sets import: a bad file fails naming the file and the path, and writes nothing; a good one is then listed',
    async () => {
      const good = buildSet({
        id: `cli-${backend.kind}`,
        family: `cli-${backend.kind}`,
        criteria: [buildCriterion({ indicators: [buildIndicator({ code: 'A.1' })] })],
      });
      const broken = structuredClone(good) as unknown as { id: string; criteria: { indicators: { kind: string }[] }[] };
      broken.id = `cli-hong-${backend.kind}`;
      broken.criteria[0]!.indicators[0]!.kind = 'percent';
      const bad = await run('sets', 'import', file('bo-hong.json', broken));
      expect(bad.code).not.toBe(0);
      expect(bad.stderr).toContain('bo-hong.json');
      expect(bad.stderr).toContain('criteria[0].indicators[0].kind');

      const ok = await run('sets', 'import', file('bo-moi.json', good), '--note', 'thử từ dòng lệnh');
      expect(ok.code, ok.stderr).toBe(0);
      expect(JSON.parse(ok.stdout)).toMatchObject({ id: good.id, criteriaCount: 1, indicatorCount: 1 });

      const list = JSON.parse((await run('sets')).stdout) as { id: string }[];
      expect(list.map((s) => s.id)).toContain(good.id);
      expect(list.map((s) => s.id)).not.toContain(broken.id);
    },
    SPAWN_TIMEOUT,
  );

  it(
    'sets withdraw: needs a reason, refuses a shipped set, and marks an imported one withdrawn',
    async () => {
      const v = buildSet({ id: `cli-rut-${backend.kind}`, family: `cli-rut-${backend.kind}` });
      expect((await run('sets', 'import', file('bo-rut.json', v))).code).toBe(0);
      const noReason = await run('sets', 'withdraw', v.id, '--reason', '  ');
      expect(noReason.code).not.toBe(0);
      expect(noReason.stderr).toContain('lý do');
      const builtin = await run('sets', 'withdraw', 'xa-ntm-2022', '--reason', 'thử');
      expect(builtin.code).not.toBe(0);
      expect(builtin.stderr).toContain('SET_BUILTIN');
      const ok = await run('sets', 'withdraw', v.id, '--reason', 'Nạp nhầm');
      expect(ok.code, ok.stderr).toBe(0);
      expect(JSON.parse(ok.stdout)).toMatchObject({ id: v.id, withdrawn: { by: null, reason: 'Nạp nhầm' } });
      const list = JSON.parse((await run('sets')).stdout) as { id: string; withdrawn: unknown }[];
      expect(list.find((s) => s.id === v.id)?.withdrawn).toMatchObject({ reason: 'Nạp nhầm' });
    },
    SPAWN_TIMEOUT,
  );
});

describe('CLI database errors', () => {
  it(
    'names the database in DATABASE_URL when it does not exist',
    async () => {
      const r = await chungsuc(['sets'], { DATABASE_URL: `${PG_BASE}/does_not_exist_xyz` });
      expect(r.code).not.toBe(0);
      expect(r.stderr).toContain('does_not_exist_xyz');
      expect(r.stdout).toBe('');
    },
    SPAWN_TIMEOUT,
  );
});
