/**
 * Importing a workbook of 100,000 values (200 generated communes × 500 indicators), from the upload to the stored
 * transaction (read in the worker, every value checked, every sheet stored through saveMany), against reading the
 * same workbook with ExcelJS alone. Aim: at most 2×. `npx tsx bench/assessment-import.ts` (or `npm run bench`);
 * DATABASE_URL=… (an empty database) runs it on PostgreSQL. BENCHMARKS.md records a run.
 */
import type { AddressInfo } from 'node:net';
import ExcelJS from 'exceljs';
import { openDatabase } from '../src/db/client.ts';
import { migrate } from '../src/db/migrate.ts';
import { findUnitAsOf, insertUnits } from '../src/db/repos/units.ts';
import { nameKey } from '../src/domain/units/names.ts';
import { GUIDE_ID_ROWS, ID_COLUMN } from '../src/interchange/assessments/layout.ts';
import { buildApp } from '../src/server/app.ts';
import { createUser, SESSION_COOKIE } from '../src/server/auth/service.ts';
import { importSet, syncBuiltinSets } from '../src/server/criteria/service.ts';
import { seedUnits } from '../src/seed/units.ts';
import { fillAll } from '../test/db/workbook-files.ts';
import { benchValue, BENCH_UNITS, buildImportBenchSet, IMPORT_BENCH_FAMILY } from './lib/import-workbook.ts';

const PASSWORD = 'bench-assessment-import';
const YEAR = 2026;

async function seconds<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const out = await fn();
  return [out, (performance.now() - start) / 1000];
}

async function main(): Promise<void> {
  const database = await openDatabase(process.env.DATABASE_URL ? { url: process.env.DATABASE_URL } : { dataDir: 'memory://' });
  await migrate(database);
  await seedUnits(database.db);
  await syncBuiltinSets(database.db);
  await importSet(database.db, buildImportBenchSet(), null, 'benchmark');
  const province = (await findUnitAsOf(database.db, '04', '2026-01-01'))!;
  await insertUnits(
    database.db,
    Array.from({ length: BENCH_UNITS }, (_, i) => {
      const name = `Giả Lập ${i + 1}`;
      return {
        code: `GL${String(i + 1).padStart(4, '0')}`,
        name,
        fullName: `Xã ${name}`,
        nameKey: nameKey(`Xã ${name}`),
        type: 'Xã',
        level: 'commune',
        parentId: province.id,
        region: 'TDMNPB',
        validFrom: '2025-07-01',
        validTo: null,
        sample: true,
      };
    }),
  );
  await createUser(database.db, { username: 'bench', fullName: 'Bench', password: PASSWORD, role: 'admin', unitCode: '04', asOf: '2026-01-01' }, null);
  const app = await buildApp({ database, secureCookies: false }, { logger: false, serveWeb: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const login = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'bench', password: PASSWORD }),
  });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  if (!cookie.startsWith(`${SESSION_COOKIE}=`)) throw new Error(`login failed: ${login.status}`);

  const [downloaded, downloadSeconds] = await seconds(async () => {
    const res = await fetch(`${url}/api/workbooks/assessments/${IMPORT_BENCH_FAMILY}/${YEAR}?scope=04&asOf=2026-01-01`, { headers: { cookie } });
    if (res.status !== 200) throw new Error(`download answered ${res.status}: ${await res.text()}`);
    return Buffer.from(await res.arrayBuffer());
  });
  // Fill only the generated communes' sheets, so that the figure is exactly their 100,000 values.
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(downloaded as unknown as ArrayBuffer);
  for (const ws of [...wb.worksheets]) if (!ws.name.startsWith('GL') && ws.name !== wb.worksheets[0]!.name) wb.removeWorksheet(ws.id);
  const guide = wb.worksheets[0]!;
  const kept = wb.worksheets.slice(1).map((w) => w.name.split(' ')[0]!);
  guide.getCell(GUIDE_ID_ROWS.count, ID_COLUMN).value = kept.length;
  kept.forEach((code, k) => (guide.getCell(GUIDE_ID_ROWS.firstUnit + k, ID_COLUMN).value = code));
  for (let r = GUIDE_ID_ROWS.firstUnit + kept.length; r <= guide.rowCount; r++) guide.getCell(r, ID_COLUMN).value = null;
  let i = 0;
  const values = fillAll(wb, (_code, threshold) => benchValue(threshold, i++));
  const file = Buffer.from(await wb.xlsx.writeBuffer());

  const [, parseSeconds] = await seconds(async () => {
    const plain = new ExcelJS.Workbook();
    await plain.xlsx.load(file as unknown as ArrayBuffer);
  });
  const [report, importSeconds] = await seconds(async () => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(file)]), 'bench-100000.xlsx');
    const res = await fetch(`${url}/api/workbooks/assessments/import`, { method: 'POST', headers: { cookie }, body: form });
    if (res.status !== 200) throw new Error(`import answered ${res.status}: ${(await res.text()).slice(0, 500)}`);
    return (await res.json()) as { sheets: unknown[]; totals: { imported: number } };
  });
  await app.close();
  await database.close();

  console.log(
    `Workbook: ${kept.length} sheets, ${values.toLocaleString('en')} values typed, ${(file.length / 1024 / 1024).toFixed(1)} MB; ${database.describe}`,
  );
  console.log('| step | seconds |');
  console.log('| --- | ---: |');
  console.log(`| download: the province workbook written (${(downloaded.length / 1024 / 1024).toFixed(1)} MB) | ${downloadSeconds.toFixed(1)} |`);
  console.log(`| ExcelJS alone: read the workbook | ${parseSeconds.toFixed(1)} |`);
  console.log(
    `| import: read in the worker, check ${report.totals.imported.toLocaleString('en')} values, store ${report.sheets.length} assessments | ${importSeconds.toFixed(1)} |`,
  );
  const ratio = importSeconds / parseSeconds;
  console.log(`import ÷ ExcelJS alone: ${ratio.toFixed(2)}× (${ratio <= 2 ? 'within' : 'over'} the 2× aim)`);
}

await main();
