import fs from 'node:fs';
import { Command, CommanderError } from 'commander';
import { loadConfig, type Config } from './config.ts';
import { openApp, readServerLock, writeServerLock } from './bootstrap.ts';
import type { Database } from './db/client.ts';
import { listUnitsAsOf } from './db/repos/units.ts';
import { DomainError, isErrorCode } from './domain/errors.ts';
import { communeGroupSchema, regionCodeSchema } from './domain/criteria/schema.ts';
import { isIsoDate } from './domain/units/types.ts';
import type { ValueMap } from './domain/evaluation/types.ts';
import { buildApp } from './server/app.ts';
import { createUser, purgeExpired, startSessionPurge } from './server/auth/service.ts';
import { ROLES, type Role } from './server/auth/access.ts';
import { presentSet, presentSetSummary } from './server/criteria/present.ts';
import { SET_SUMMARY_KEYS, type SetSummary } from './domain/criteria/registry.ts';
import { readSetFile } from './interchange/criteria/files.ts';
import { getCatalog, getRegistry, importSet, withdrawSet } from './server/criteria/service.ts';
import { evaluateValues } from './server/evaluation/service.ts';
import { presentUnit } from './server/units/present.ts';
import { todayVn } from './server/common.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, demoLoaded, seedDemo } from './seed/demo.ts';

type ListedSet = SetSummary & { withdrawn: unknown };
/** A set as `sets` lists it: the summary keys, then whether (and why) it was withdrawn. */
const listed = (s: ListedSet): ListedSet => ({
  ...(Object.fromEntries(SET_SUMMARY_KEYS.map((k) => [k, s[k]])) as unknown as SetSummary),
  withdrawn: s.withdrawn,
});

const print = (value: unknown) => process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);

/** Runs `fn` with the database, or with the running server's API when a server holds the embedded database. */
async function withDb<T>(config: Config, fn: (db: Database) => Promise<T>, viaServer?: (base: string) => Promise<T>): Promise<T> {
  const lock = readServerLock(config);
  if (lock) {
    if (!viaServer)
      throw new DomainError(
        'DB_BUSY',
        `Máy chủ Chung Sức (pid ${lock.pid}) đang dùng cơ sở dữ liệu nhúng: hãy dừng máy chủ rồi chạy lại lệnh này, hoặc dùng PostgreSQL (DATABASE_URL)`,
      );
    return viaServer(`http://127.0.0.1:${lock.port}`);
  }
  const database = await openApp(config);
  try {
    return await fn(database);
  } finally {
    await database.close();
  }
}

async function getJson(url: string, init?: RequestInit): Promise<unknown> {
  const res = await fetch(url, init);
  const body = (await res.json()) as { error?: { code: string; message: string; details?: Record<string, unknown> } };
  if (!res.ok) {
    const code = isErrorCode(body.error?.code) ? body.error.code : 'HTTP';
    throw new DomainError(code, body.error?.message ?? `HTTP ${res.status}`, { ...body.error?.details, status: res.status, remoteCode: body.error?.code });
  }
  return body;
}

function readValues(file: string): { flat: ValueMap; bySet: Record<string, ValueMap> } {
  if (!fs.existsSync(file)) throw new DomainError('NOT_FOUND', `Không tìm thấy tệp giá trị "${file}"`, { file });
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw new DomainError('INVALID_VALUE', `Tệp giá trị "${file}" không phải JSON hợp lệ: ${(e as Error).message}`, { file });
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
    throw new DomainError('INVALID_VALUE', `Tệp giá trị "${file}" phải là một đối tượng JSON {mã chỉ tiêu: giá trị}`, { file });
  const flat: ValueMap = {};
  const bySet: Record<string, ValueMap> = {};
  for (const [k, v] of Object.entries(parsed as Record<string, unknown>)) {
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) bySet[k] = v as ValueMap;
    else if (v === null || typeof v === 'number' || typeof v === 'boolean' || typeof v === 'string') flat[k] = v;
    else throw new DomainError('INVALID_VALUE', `Giá trị của "${k}" trong "${file}" không hợp lệ: ${JSON.stringify(v)}`, { file, code: k });
  }
  return { flat, bySet };
}

function program(config: Config): Command {
  const cli = new Command('chungsuc').description('Chung Sức — nông thôn mới và phong trào thi đua').exitOverride();

  cli
    .command('serve')
    .description('chạy máy chủ web')
    .action(async () => {
      if (readServerLock(config)) throw new DomainError('DB_BUSY', 'Đã có một máy chủ Chung Sức chạy trên cơ sở dữ liệu nhúng này');
      const database = await openApp(config);
      if (database.kind === 'pglite' && !(await demoLoaded(database.db))) {
        process.stdout.write('Lần chạy đầu: đang nạp dữ liệu mẫu (đơn vị hành chính thật, xóm và số liệu mẫu)…\n');
        await seedDemo(database.db);
      }
      const app = await buildApp(
        { database, secureCookies: config.secureCookies, auth: config.auth, allowedOrigins: config.allowedOrigins },
        { logger: false },
      );
      const stopPurge = startSessionPurge(database.db, config.auth);
      await app.listen({ port: config.port, host: config.host });
      const release = writeServerLock(config, config.port);
      process.stdout.write(`Chung Sức đang chạy tại http://localhost:${config.port} (${database.describe})\n`);
      process.stdout.write(`Tài liệu API: http://localhost:${config.port}/api/docs\n`);
      if (await demoLoaded(database.db)) {
        process.stdout.write(`Tài khoản mẫu (mật khẩu: ${DEMO_PASSWORD}):\n`);
        for (const a of DEMO_ACCOUNTS) process.stdout.write(`  ${a.username.padEnd(12)} ${a.role.padEnd(9)} ${a.unitName}\n`);
      } else {
        process.stdout.write('Chưa có tài khoản mẫu: tạo tài khoản bằng "npx chungsuc user add".\n');
      }
      const stop = async () => {
        stopPurge();
        release();
        await app.close();
        await database.close();
        process.exit(0);
      };
      process.once('SIGINT', () => void stop());
      process.once('SIGTERM', () => void stop());
    });

  cli
    .command('migrate')
    .description('áp dụng các migration và nạp dữ liệu tham chiếu (đơn vị, bộ tiêu chí)')
    .action(async () => {
      await withDb(config, async (d) => {
        const purged = await purgeExpired(d.db, config.auth);
        process.stdout.write(`Cơ sở dữ liệu đã cập nhật: ${d.describe} (đã xoá ${purged} phiên đăng nhập hết hạn)\n`);
      });
    });

  const seed = cli.command('seed').description('nạp dữ liệu');
  seed
    .command('demo')
    .description('nạp dữ liệu mẫu (xóm mẫu, số liệu mẫu, tài khoản mẫu) — đánh dấu "dữ liệu mẫu"')
    .action(async () => {
      await withDb(config, async (d) => {
        const r = await seedDemo(d.db);
        print({ hamlets: r.hamlets, assessments: r.assessments, users: r.users, sample: true });
      });
    });

  const sets = cli
    .command('sets')
    .description('liệt kê các bộ tiêu chí (JSON)')
    .action(async () => {
      const out = await withDb(
        config,
        async (d) => {
          const catalog = await getCatalog(d.db);
          return catalog.list().map((e) => listed(presentSetSummary(e, catalog.registry)));
        },
        async (base) => ((await getJson(`${base}/api/sets`)) as { sets: ListedSet[] }).sets.map(listed),
      );
      print(out);
    });
  sets
    .command('show <id>')
    .description('một bộ tiêu chí với mọi chỉ tiêu (JSON)')
    .action(async (id: string) => {
      print(
        await withDb(
          config,
          async (d) => {
            const catalog = await getCatalog(d.db);
            const entry = catalog.entry(id);
            return presentSet(entry.set, catalog.registry, entry.withdrawn, entry.origin);
          },
          (base) => getJson(`${base}/api/sets/${encodeURIComponent(id)}`),
        ),
      );
    });
  sets
    .command('import <file>')
    .description('nạp một phiên bản bộ tiêu chí từ tệp .json hoặc .xlsx')
    .option('--note <text>', 'ghi chú (căn cứ, người nhập)')
    .action(async (file: string, opts: { note?: string }) => {
      const set = await readSetFile(file);
      await withDb(config, async (d) => {
        const registry = await importSet(d.db, set, null, opts.note);
        print(registry.summary(registry.get(set.id)));
      });
    });
  sets
    .command('withdraw <id>')
    .description('rút một phiên bản đã nạp (vẫn còn trong lịch sử, không còn hiệu lực); cần ghi lý do')
    .requiredOption('--reason <text>', 'lý do rút (ghi vào nhật ký)')
    .action(async (id: string, opts: { reason: string }) => {
      const reason = opts.reason.trim();
      if (!reason) throw new DomainError('VALIDATION', 'Cần ghi lý do rút phiên bản (--reason "…")', { field: 'reason' });
      await withDb(config, async (d) => {
        const catalog = await withdrawSet(d.db, id, null, reason);
        const entry = catalog.entry(id);
        print(listed(presentSetSummary(entry, catalog.registry)));
      });
    });

  cli
    .command('evaluate')
    .description('đánh giá một bộ giá trị theo bộ tiêu chí (JSON)')
    .requiredOption('--set <id>', 'mã bộ tiêu chí')
    .requiredOption('--year <yyyy>', 'năm đánh giá')
    .option('--region <code>', 'vùng (mặc định TDMNPB: Trung du và miền núi phía Bắc)')
    .option('--group <1|2|3>', 'nhóm xã (bộ tiêu chí 2026–2030)')
    .requiredOption('--input <values.json>', 'tệp JSON {mã chỉ tiêu: giá trị}')
    .action(async (opts: { set: string; year: string; region?: string; group?: string; input: string }) => {
      if (!/^\d{4}$/.test(opts.year)) throw new DomainError('VALIDATION', `Năm "${opts.year}" không hợp lệ: cần dạng yyyy`, { field: 'year' });
      const region = opts.region === undefined ? undefined : regionCodeSchema.safeParse(opts.region);
      if (region && !region.success)
        throw new DomainError('VALIDATION', `Vùng "${opts.region}" không hợp lệ (${regionCodeSchema.options.join(', ')})`, { field: 'region' });
      const group = opts.group === undefined ? undefined : communeGroupSchema.safeParse(opts.group);
      if (group && !group.success) throw new DomainError('VALIDATION', `Nhóm xã "${opts.group}" không hợp lệ: cần 1, 2 hoặc 3`, { field: 'group' });
      const { flat, bySet } = readValues(opts.input);
      const year = Number(opts.year);
      const body = { set: opts.set, year, region: region?.data, group: group?.data };
      const result = await withDb(
        config,
        async (d) => evaluateValues(await getRegistry(d.db), opts.set, body, { values: flat, bySet }),
        (base) =>
          getJson(`${base}/api/evaluate`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ ...body, values: { ...flat, ...bySet } }),
          }),
      );
      print(result);
    });

  cli
    .command('units')
    .description('đơn vị hành chính có hiệu lực vào một ngày (JSON)')
    .option('--as-of <yyyy-mm-dd>', 'ngày (mặc định hôm nay)')
    .option('--level <level>', 'province | district | commune | hamlet')
    .action(async (opts: { asOf?: string; level?: string }) => {
      const asOf = opts.asOf ?? todayVn();
      if (!isIsoDate(asOf)) throw new DomainError('INVALID_DATE', `Ngày "${asOf}" không hợp lệ: cần dạng yyyy-mm-dd`, { field: 'as-of' });
      if (opts.level && !['province', 'district', 'commune', 'hamlet'].includes(opts.level))
        throw new DomainError('VALIDATION', `Cấp "${opts.level}" không hợp lệ (province, district, commune, hamlet)`, { field: 'level' });
      const qs = new URLSearchParams({ asOf, ...(opts.level ? { level: opts.level } : {}) });
      print(
        await withDb(
          config,
          async (d) => (await listUnitsAsOf(d.db, asOf, opts.level)).map(presentUnit),
          async (base) => ((await getJson(`${base}/api/units?${qs}`)) as { units: unknown[] }).units,
        ),
      );
    });

  const user = cli.command('user').description('tài khoản');
  user
    .command('add')
    .description('tạo tài khoản (mật khẩu đọc từ biến CHUNGSUC_PASSWORD hoặc dòng đầu của stdin)')
    .requiredOption('--username <name>', 'tên đăng nhập')
    .requiredOption('--role <role>', ROLES.join(' | '))
    .requiredOption('--unit <code>', 'mã đơn vị phụ trách')
    .option('--as-of <yyyy-mm-dd>', 'ngày để xác định đơn vị (mặc định hôm nay)')
    .option('--full-name <name>', 'họ tên')
    .action(async (opts: { username: string; role: string; unit: string; asOf?: string; fullName?: string }) => {
      const asOf = opts.asOf ?? todayVn();
      if (!isIsoDate(asOf)) throw new DomainError('INVALID_DATE', `Ngày "${asOf}" không hợp lệ`, { field: 'as-of' });
      const password = process.env.CHUNGSUC_PASSWORD ?? (process.stdin.isTTY ? '' : (fs.readFileSync(0, 'utf8').split(/\r?\n/)[0] ?? ''));
      if (!password) throw new DomainError('VALIDATION', 'Chưa có mật khẩu: đặt CHUNGSUC_PASSWORD hoặc truyền qua stdin', { field: 'password' });
      await withDb(config, async (d) => {
        const id = await createUser(
          d.db,
          { username: opts.username, fullName: opts.fullName ?? opts.username, password, role: opts.role as Role, unitCode: opts.unit, asOf },
          null,
        );
        print({ id, username: opts.username, role: opts.role, unit: opts.unit });
      });
    });
  return cli;
}

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
    await program(config).parseAsync(process.argv);
  } catch (e) {
    if (e instanceof CommanderError) {
      process.exitCode = e.exitCode === 0 ? 0 : 2;
      return;
    }
    const err = e as Error & { code?: string; details?: unknown };
    const code = e instanceof DomainError ? e.code : 'ERROR';
    process.stderr.write(`Lỗi [${code}]: ${err.message}\n`);
    if (e instanceof DomainError && e.details && process.env.CHUNGSUC_DEBUG) process.stderr.write(`${JSON.stringify(e.details)}\n`);
    if (!(e instanceof DomainError) && process.env.CHUNGSUC_DEBUG) process.stderr.write(`${err.stack}\n`);
    process.exitCode = 1;
  }
}

await main();
