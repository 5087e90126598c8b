import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { criteriaSetSchema, REGIONS, type CriteriaSet, type CriteriaSetInput, type RegionCode } from '../../domain/criteria/schema.ts';
import { DomainError } from '../../domain/errors.ts';
import { DATA_DIR } from '../../paths.ts';
import { loadBuiltinSets, parseSetBuffer } from './files.ts';
import { parseSetWorkbook, setToWorkbook } from './workbook.ts';

type Cell = string | number | boolean | null;

/** A small valid 2026–2030-shaped set (invented values, never confirmed), overridable per test. */
function buildSet(overrides: Partial<CriteriaSetInput> = {}): CriteriaSet {
  return criteriaSetSchema.parse({
    id: 'xa-thu-2026',
    family: 'xa-thu-2026-2030',
    name: 'Bộ thử',
    decision: '1/2026/QĐ-UBND',
    legalSource: 'Quyết định thử',
    effectiveFrom: '2026-03-01',
    period: { from: 2026, to: 2030 },
    unitLevel: 'commune',
    dimension: 'group',
    tier: 'ntm',
    criteria: [
      {
        code: '1',
        name: 'Quy hoạch',
        indicators: [
          { code: '1.1', name: 'Có quy hoạch', kind: 'boolean', thresholds: [{ value: true, confirmed: false }] },
          {
            code: '1.2',
            name: 'Tỷ lệ thực hiện',
            unit: '%',
            kind: 'min',
            thresholds: [
              { group: '1', value: 90, confirmed: false },
              { group: '2', value: 80, confirmed: false },
              { group: '3', value: 70, confirmed: false },
            ],
          },
        ],
      },
    ],
    ...overrides,
  });
}

const INFO: [string, Cell][] = [
  ['Mục', 'Giá trị'],
  ['Mã bộ', 'xa-thu-2026'],
  ['Nhóm bộ', 'xa-thu-2026-2030'],
  ['Tên', 'Bộ thử'],
  ['Quyết định', '1/2026/QĐ-UBND'],
  ['Căn cứ pháp lý', 'Quyết định thử'],
  ['Hiệu lực từ', '01/03/2026'],
  ['Giai đoạn', '2026-2030'],
  ['Cấp đơn vị', 'xã'],
  ['Loại đơn vị', 'Xã'],
  ['Phân ngưỡng theo', 'nhóm xã'],
  ['Mức', 'ntm'],
];
const HEADER = [
  'Mã tiêu chí',
  'Tên tiêu chí',
  'Mã chỉ tiêu',
  'Tên chỉ tiêu',
  'Đơn vị tính',
  'Loại',
  'Nhóm 1',
  'Nhóm 2',
  'Nhóm 3',
  'Đã xác nhận',
  'Nguồn',
  'Ghi chú',
];

/** A workbook typed the way an officer would: header in row 1 of "Chỉ tiêu", data from row 2. */
async function buildWorkbook(opts: {
  info?: [string, Cell][];
  header?: string[];
  rows: Cell[][];
  omit?: string;
  edit?: (wb: ExcelJS.Workbook) => void;
}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  if (opts.omit !== 'Thông tin') wb.addWorksheet('Thông tin').addRows(opts.info ?? INFO);
  if (opts.omit !== 'Chỉ tiêu') {
    const ws = wb.addWorksheet('Chỉ tiêu');
    ws.addRow(opts.header ?? HEADER);
    for (const r of opts.rows) ws.addRow(r);
  }
  opts.edit?.(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function failure(buf: Buffer, file = 'x.xlsx'): Promise<DomainError> {
  const err = await parseSetWorkbook(buf, file).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(DomainError);
  expect((err as DomainError).code).toBe('INVALID_CRITERIA_FILE');
  return err as DomainError;
}

describe('setToWorkbook → parseSetWorkbook', () => {
  it.each(loadBuiltinSets().map((s) => [s.id, s] as const))('round-trips the shipped set %s', async (_id, set) => {
    const back = await parseSetWorkbook(await setToWorkbook(set), `${set.id}.xlsx`);
    expect(back).toEqual(set);
  });

  it('round-trips random valid sets', async () => {
    await fc.assert(
      fc.asyncProperty(arbitrarySet(), async (set) => {
        expect(await parseSetWorkbook(await setToWorkbook(set), 'random.xlsx')).toEqual(set);
      }),
      { numRuns: 40 },
    );
  }, 120_000);

  it('is what parseSetBuffer uses for .xlsx files', async () => {
    const set = buildSet();
    expect(await parseSetBuffer(await setToWorkbook(set), 'Bo-Thu.XLSX')).toEqual(set);
  });
});

describe('parseSetWorkbook reads an annex table typed by an officer', () => {
  it('reads thresholds written as "≥ 80%", "80%", percent cells, Vietnamese numbers, "Đạt" and blanks', async () => {
    const buf = await buildWorkbook({
      header: [
        'STT',
        'Mã tiêu chí',
        'Tên tiêu chí',
        'Mã chỉ tiêu',
        'Tên chỉ tiêu',
        'Đơn vị tính',
        'Loại',
        'Năm',
        'nhom 1',
        'NHÓM 2',
        'Nhóm xã 3',
        'Đã xác nhận',
        'Nguồn',
        'Ghi chú',
      ],
      rows: [
        [1, '1', 'Quy hoạch', '1.1', 'Có quy hoạch', null, 'Đạt/không đạt', null, 'Đạt', 'Đạt', 'Đạt', 'có', 'QĐ thử', null],
        [2, null, null, '1.2', 'Tỷ lệ thực hiện', '%', '≥', null, '≥ 80%', '75%', 0.7, 'có', 'QĐ thử', null],
        [
          3,
          '2',
          'Thu nhập',
          '2.1',
          'Thu nhập bình quân',
          'triệu đồng/người/năm',
          'tối thiểu',
          2026,
          '72,5',
          '1.234,5',
          60,
          'không',
          null,
          'đọc từ bản tóm tắt',
        ],
        [4, '2', null, '2.1', null, null, null, 2027, 76, 'chưa rõ', '—', 'không', null, null],
        [5, '2', null, '2.2', 'Tỷ lệ hộ nghèo', '%', '≤', null, null, null, null, 'không', null, 'Chưa đọc được'],
        [6, '3', 'Môi trường', null, null, null, null, null, null, null, null, 'có', 'QĐ thử', null],
      ],
      edit: (wb) => {
        wb.getWorksheet('Chỉ tiêu')!.getCell('K3').numFmt = '0%';
      },
    });
    const set = await parseSetWorkbook(buf, 'bo-thu.xlsx');
    expect(set.indicatorsPending).toBe(true);
    const [c1, c2, c3] = set.criteria;
    expect(c1!.indicators[0]).toMatchObject({ kind: 'boolean', nameConfirmed: true, source: 'QĐ thử' });
    expect(c1!.indicators[0]!.thresholds.map((t) => [t.group, t.value, t.confirmed])).toEqual([
      ['1', true, true],
      ['2', true, true],
      ['3', true, true],
    ]);
    expect(c1!.indicators[1]!.thresholds.map((t) => [t.group, t.value])).toEqual([
      ['1', 80],
      ['2', 75],
      ['3', 70],
    ]);
    expect(c2!.indicators[0]!.thresholds).toEqual([
      { group: '1', year: 2026, value: 72.5, confirmed: false, note: 'đọc từ bản tóm tắt' },
      { group: '2', year: 2026, value: 1234.5, confirmed: false, note: 'đọc từ bản tóm tắt' },
      { group: '3', year: 2026, value: 60, confirmed: false, note: 'đọc từ bản tóm tắt' },
      { group: '1', year: 2027, value: 76, confirmed: false },
      { group: '2', year: 2027, value: null, confirmed: false },
    ]);
    expect(c2!.indicators[1]).toMatchObject({ kind: 'max', thresholds: [{ value: null, confirmed: false, note: 'Chưa đọc được' }] });
    expect(c3).toMatchObject({ code: '3', indicators: [], nameConfirmed: true, source: 'QĐ thử' });
  });

  it('reads region columns by code or by name, and cells merged across columns', async () => {
    const info = INFO.map(([k, v]): [string, Cell] => (k === 'Phân ngưỡng theo' ? [k, 'vùng'] : k === 'Giai đoạn' ? [k, '2021–2025'] : [k, v]));
    const regionHeaders = ['TDMNPB', 'đồng bằng sông hồng', 'Bắc Trung Bộ (BTB)', 'Vùng Duyên hải Nam Trung Bộ', 'TN', 'DNB', 'DBSCL'];
    const buf = await buildWorkbook({
      info,
      header: ['Mã tiêu chí', 'Tên tiêu chí', 'Mã chỉ tiêu', 'Tên chỉ tiêu', 'Loại', ...regionHeaders, 'Đã xác nhận'],
      rows: [
        ['5', 'Giáo dục', '5.1', 'Tỷ lệ trường đạt chuẩn', '≥', 70, 80, 75, 75, 70, 80, 70, 'có'],
        ['5', null, '5.2', 'Phổ cập giáo dục', 'Đạt/không đạt', 'Đạt', null, null, null, null, null, null, 'có'],
      ],
      // One "Đạt" spanning the seven region columns, as annex tables print it.
      edit: (wb) => wb.getWorksheet('Chỉ tiêu')!.mergeCells('F3:L3'),
    });
    const set = await parseSetWorkbook(buf, 'vung.xlsx');
    expect(set.period).toEqual({ from: 2021, to: 2025 });
    const ind = set.criteria[0]!.indicators[0]!;
    expect(ind.thresholds.map((t) => t.region)).toEqual(Object.keys(REGIONS));
    expect(ind.thresholds.find((t) => t.region === 'DBSH')?.value).toBe(80);
    expect(set.criteria[0]!.indicators[1]!.thresholds.map((t) => [t.region, t.value, t.confirmed])).toEqual(Object.keys(REGIONS).map((r) => [r, true, true]));
  });

  it('accepts rows added below the template criteria, and the committed template is xa-ntm-2026 in annex layout', async () => {
    const file = path.join(DATA_DIR, 'criteria', 'templates', 'mau-bo-tieu-chi-2026-2030.xlsx');
    const shipped = loadBuiltinSets().find((s) => s.id === 'xa-ntm-2026')!;
    const template = await parseSetWorkbook(fs.readFileSync(file), 'mau-bo-tieu-chi-2026-2030.xlsx');
    expect(template).toEqual({ ...shipped, criteria: shipped.criteria.map(({ nameEn: _en, ...c }) => c) });

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(file) as unknown as ExcelJS.Buffer);
    const headers = (wb.getWorksheet('Chỉ tiêu')!.getRow(1).values as Cell[]).slice(1);
    expect(headers).toEqual([
      'Mã tiêu chí',
      'Tên tiêu chí',
      'Mã chỉ tiêu',
      'Tên chỉ tiêu',
      'Đơn vị tính',
      'Loại',
      'Năm',
      'Nhóm 1',
      'Nhóm 2',
      'Nhóm 3',
      'Đã xác nhận',
      'Nguồn',
      'Ghi chú',
    ]);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Thông tin', 'Chỉ tiêu', 'Hướng dẫn']);
    const info = wb.getWorksheet('Thông tin')!;
    info.getCell('B2').value = 'xa-ntm-2026-pl1';
    const table = wb.getWorksheet('Chỉ tiêu')!;
    table.getRow(20).values = ['3', null, '3.1', 'Chỉ tiêu thử', '%', '≥', null, 50, 40, 30, 'không', null, 'giá trị thử, không phải quy định'];
    const filled = await parseSetWorkbook(Buffer.from(await wb.xlsx.writeBuffer()), 'da-dien.xlsx');
    expect(filled.id).toBe('xa-ntm-2026-pl1');
    expect(filled.criteria[2]!.indicators[0]!.thresholds.map((t) => [t.group, t.value])).toEqual([
      ['1', 50],
      ['2', 40],
      ['3', 30],
    ]);
  });
});

describe('parseSetWorkbook rejects bad workbooks with INVALID_CRITERIA_FILE naming the file, sheet, row and column', () => {
  const ok: Cell[][] = [
    ['1', 'Quy hoạch', '1.1', 'Có quy hoạch', null, 'Đạt/không đạt', 'Đạt', 'Đạt', 'Đạt', 'không', null, null],
    ['1', null, '1.2', 'Tỷ lệ thực hiện', '%', '≥', 90, 80, 70, 'không', null, null],
  ];

  it('a file that is not a workbook', async () => {
    const err = await failure(Buffer.from('không phải excel'), 'hong.xlsx');
    expect(err.message).toContain('"hong.xlsx"');
  });

  it('a missing sheet', async () => {
    const err = await failure(await buildWorkbook({ rows: ok, omit: 'Chỉ tiêu' }), 'thieu.xlsx');
    expect(err.message).toContain('Tệp "thieu.xlsx" thiếu trang "Chỉ tiêu"');
    expect(err.details).toMatchObject({ file: 'thieu.xlsx', sheet: 'Chỉ tiêu' });
  });

  it('a threshold that is not a number', async () => {
    const rows = [
      ...ok,
      ['2', 'Hạ tầng', null, null, null, null, null, null, null, null, null, null],
      ['2', null, '2.1', 'a', '%', '≥', 1, 2, 3, 'không', null, null],
    ];
    rows.push(['2', null, '2.2', 'b', '%', '≥', 1, 2, 3, 'không', null, null], ['2', null, '2.3', 'c', '%', '≥', 1, 'abc', 3, 'không', null, null]);
    const err = await failure(await buildWorkbook({ rows }));
    expect(err.message).toBe('Tệp "x.xlsx", trang "Chỉ tiêu", dòng 7, cột "Nhóm 2": "abc" không phải số');
    expect(err.details).toMatchObject({ file: 'x.xlsx', sheet: 'Chỉ tiêu', row: 7, column: 'Nhóm 2' });
  });

  it('an unknown region header', async () => {
    const info = INFO.map(([k, v]): [string, Cell] => (k === 'Phân ngưỡng theo' ? [k, 'vùng'] : [k, v]));
    const header = ['Mã tiêu chí', 'Tên tiêu chí', 'Mã chỉ tiêu', 'Tên chỉ tiêu', 'Loại', 'TDMNPB', 'Miền Trung', 'Đã xác nhận'];
    const err = await failure(await buildWorkbook({ info, header, rows: [['1', 'Quy hoạch', '1.1', 'a', '≥', 1, 2, 'không']] }));
    expect(err.details).toMatchObject({ sheet: 'Chỉ tiêu', row: 1, column: 'Miền Trung' });
    expect(err.message).toContain('không nhận ra cột');
  });

  it('a region column in a set split by commune group', async () => {
    const err = await failure(await buildWorkbook({ header: [...HEADER, 'TDMNPB'], rows: ok }));
    expect(err.details).toMatchObject({ row: 1, column: 'TDMNPB' });
  });

  it('a blank threshold marked confirmed', async () => {
    const rows = [...ok, ['1', null, '1.3', 'Tỷ lệ khác', '%', '≥', null, null, null, 'có', null, null]];
    const err = await failure(await buildWorkbook({ rows }));
    expect(err.details).toMatchObject({ sheet: 'Chỉ tiêu', row: 4, column: 'Nhóm 1' });
    expect(err.message).toContain('"Đã xác nhận" phải là "không"');
  });

  it('"chưa rõ" marked confirmed, and a blank cell in a confirmed row', async () => {
    const unknown = await failure(await buildWorkbook({ rows: [ok[0]!, ['1', null, '1.2', 'b', '%', '≥', 90, 'chưa rõ', 70, 'có', null, null]] }));
    expect(unknown.details).toMatchObject({ row: 3, column: 'Nhóm 2' });
    const blank = await failure(await buildWorkbook({ rows: [ok[0]!, ['1', null, '1.2', 'b', '%', '≥', 90, 80, null, 'có', null, null]] }));
    expect(blank.details).toMatchObject({ row: 3, column: 'Nhóm 3' });
  });

  it('a duplicate indicator code', async () => {
    const rows = [...ok, ['2', 'Hạ tầng', '1.1', 'Chỉ tiêu khác', null, 'Đạt/không đạt', 'Đạt', 'Đạt', 'Đạt', 'không', null, null]];
    const err = await failure(await buildWorkbook({ rows }));
    expect(err.details).toMatchObject({ sheet: 'Chỉ tiêu', row: 4, column: 'Mã chỉ tiêu' });
    expect(err.message).toContain('mã chỉ tiêu "1.1" bị trùng: đã có ở dòng 2');
    const same = await failure(
      await buildWorkbook({ rows: [ok[0]!, ['1', null, '1.1', 'Tên khác', null, 'Đạt/không đạt', null, null, null, 'không', null, null]] }),
    );
    expect(same.details).toMatchObject({ row: 3, column: 'Tên chỉ tiêu' });
  });

  it('an unknown kind, a bad year and a bad date', async () => {
    const kind = await failure(await buildWorkbook({ rows: [['1', 'Quy hoạch', '1.1', 'a', null, 'khoảng', 1, 2, 3, 'không', null, null]] }));
    expect(kind.details).toMatchObject({ row: 2, column: 'Loại' });
    const date = await failure(await buildWorkbook({ info: INFO.map(([k, v]) => (k === 'Hiệu lực từ' ? [k, '31/02/2026'] : [k, v])), rows: ok }));
    expect(date.details).toMatchObject({ sheet: 'Thông tin', row: 7, item: 'Hiệu lực từ' });
    const missing = await failure(await buildWorkbook({ info: INFO.filter(([k]) => k !== 'Mức'), rows: ok }));
    expect(missing.details).toMatchObject({ sheet: 'Thông tin', item: 'Mức' });
  });

  it('a schema problem is reported on the row behind it', async () => {
    const info: [string, Cell][] = [...INFO, ['Chưa nạp đủ bảng chỉ tiêu', 'không']];
    const err = await failure(await buildWorkbook({ info, rows: [...ok, ['2', 'Hạ tầng', null, null, null, null, null, null, null, null, null, null]] }));
    expect(err.details).toMatchObject({ file: 'x.xlsx', sheet: 'Chỉ tiêu', row: 4, path: 'criteria[1].indicators' });
  });
});

// ---- Random valid sets for the round-trip property ----

const LETTERS = 'aăâbcdđeêghiklmnoôơpqrstuưvxyáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ';
const CHARS = [...new Set([...LETTERS, ...LETTERS.toUpperCase(), ...'0123456789'])];
const word = fc.array(fc.constantFrom(...CHARS), { minLength: 1, maxLength: 8 }).map((a) => a.join(''));
/** Trimmed, non-empty text with spaces and punctuation inside. */
const text = fc
  .array(fc.oneof(word, fc.constantFrom(' ', ', ', '. ', ' (', ') ', ' - ', '%', '/')), { minLength: 1, maxLength: 6 })
  .map((a) => `${a.join('')}x`.trim());
const slug = fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,12}$/);
const num = fc.oneof(
  fc.integer({ min: -1_000_000, max: 1_000_000 }).map((n) => n / 100),
  fc.double({ min: -1e9, max: 1e9, noNaN: true }).filter((x) => !Object.is(x, -0)),
);
const isoDate = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });

function arbitraryThresholds(kind: string, dimension: 'region' | 'group' | 'none') {
  const columns: { region?: RegionCode; group?: '1' | '2' | '3' }[] =
    dimension === 'region'
      ? [{}, ...(Object.keys(REGIONS) as RegionCode[]).map((region) => ({ region }))]
      : dimension === 'group'
        ? [{}, { group: '1' }, { group: '2' }, { group: '3' }]
        : [{}];
  const selector = fc.record({ col: fc.constantFrom(...columns), year: maybe(fc.integer({ min: 2000, max: 2100 })) });
  const numeric = kind === 'min' || kind === 'max';
  const value: fc.Arbitrary<number | boolean | null> = numeric
    ? fc.option(num, { nil: null })
    : kind === 'boolean'
      ? fc.constantFrom(true, false, null)
      : fc.constant(true);
  const entry = fc.record({
    sel: selector,
    value,
    confirmed: fc.boolean(),
    source: maybe(text),
    note: maybe(text),
    slack: maybe(fc.integer({ min: 0, max: 50 })),
  });
  return fc.uniqueArray(entry, { minLength: numeric ? 1 : 0, maxLength: kind === 'status' ? 1 : 3, selector: (e) => JSON.stringify(e.sel) }).map((list) =>
    list.map((e) => {
      const t: Record<string, unknown> = { ...e.sel.col, value: e.value, confirmed: e.value !== null && e.confirmed };
      if (e.sel.year !== undefined) t.year = e.sel.year;
      if (e.slack !== undefined && numeric) t.basicallyMet = typeof e.value === 'number' ? (kind === 'min' ? e.value - e.slack : e.value + e.slack) : e.slack;
      if (e.source !== undefined) t.source = e.source;
      if (e.note !== undefined) t.note = e.note;
      return t;
    }),
  );
}

function arbitraryIndicator(code: string, dimension: 'region' | 'group' | 'none') {
  return fc.constantFrom('boolean', 'min', 'max', 'status', 'tier', 'min-relative').chain((kind) =>
    fc
      .record({
        name: text,
        nameEn: maybe(text),
        unit: fc.option(text, { nil: null }),
        thresholds: kind === 'tier' || kind === 'min-relative' ? fc.constant([]) : arbitraryThresholds(kind, dimension),
        nameConfirmed: fc.boolean(),
        source: maybe(text),
        note: maybe(text),
        family: slug,
        refIndicator: word,
        factor: fc.double({ min: 0.01, max: 100, noNaN: true }),
        derive: maybe(fc.record({ family: slug, childTypes: maybe(fc.array(word, { minLength: 1, maxLength: 2 })) })),
      })
      .map(({ family, refIndicator, factor, derive, ...rest }) => {
        const ind: Record<string, unknown> = { code, kind, ...rest };
        for (const k of ['nameEn', 'source', 'note']) if (ind[k] === undefined) delete ind[k];
        if (kind === 'tier') ind.requiresTier = { family };
        if (kind === 'min-relative') ind.relative = { family, indicator: refIndicator, factor };
        if (derive && (kind === 'min' || kind === 'max'))
          ind.derive = { kind: 'share-of-children-at-tier', family: derive.family, ...(derive.childTypes ? { childTypes: derive.childTypes } : {}) };
        return ind;
      }),
  );
}

function arbitrarySet(): fc.Arbitrary<CriteriaSet> {
  return fc.constantFrom('region' as const, 'group' as const, 'none' as const).chain((dimension) =>
    fc
      .record({
        head: fc.record({
          id: slug,
          family: slug,
          name: text,
          decision: text,
          legalSource: text,
          amends: maybe(slug),
          effectiveFrom: isoDate,
          years: fc.integer({ min: 0, max: 3000 }),
          from: fc.integer({ min: 2000, max: 2090 }),
          span: fc.integer({ min: 0, max: 10 }),
          unitLevel: fc.constantFrom('province' as const, 'district' as const, 'commune' as const, 'hamlet' as const),
          unitTypes: maybe(fc.array(word, { minLength: 1, maxLength: 3 })),
          tier: fc.constantFrom('ntm' as const, 'nang-cao' as const, 'kieu-mau' as const, 'hoan-thanh' as const, 'hien-dai' as const),
          requiresTier: maybe(slug),
          allowsBasicallyMet: fc.boolean(),
          sample: fc.boolean(),
          pending: fc.boolean(),
          declaredIndicatorCount: maybe(fc.integer({ min: 1, max: 200 })),
          note: maybe(text),
        }),
        criteria: fc.integer({ min: 1, max: 4 }).chain((n) =>
          fc.tuple(
            ...Array.from({ length: n }, (_, ci) =>
              fc.record({
                code: fc.constant(`${ci + 1}`),
                name: text,
                nameEn: maybe(text),
                group: maybe(text),
                nameConfirmed: fc.boolean(),
                indicatorsIncomplete: fc.boolean(),
                source: maybe(text),
                note: maybe(text),
                indicators: fc
                  .integer({ min: 0, max: 3 })
                  .chain((m) => fc.tuple(...Array.from({ length: m }, (_, ii) => arbitraryIndicator(`${ci + 1}.${ii + 1}`, dimension)))),
              }),
            ),
          ),
        ),
      })
      .map(({ head, criteria }) => {
        const { years, from, span, pending, requiresTier, ...rest } = head;
        const end = new Date(Date.parse(`${head.effectiveFrom}T00:00:00Z`) + years * 86_400_000).toISOString().slice(0, 10);
        const input: Record<string, unknown> = {
          ...rest,
          effectiveTo: years % 3 === 0 ? null : end,
          period: { from, to: from + span },
          dimension,
          indicatorsPending: pending || criteria.some((c) => c.indicators.length === 0),
          criteria: criteria.map((c) => Object.fromEntries(Object.entries(c).filter(([, v]) => v !== undefined))),
        };
        if (requiresTier) input.requiresTier = { family: requiresTier };
        for (const k of Object.keys(input)) if (input[k] === undefined) delete input[k];
        return criteriaSetSchema.parse(input);
      }),
  );
}
