import { describe, expect, it } from 'vitest';
import { entryFields } from '../../src/domain/assessments/values.ts';
import { changesOf, draftFrom, liveValues, problemsOf, type StoredValues } from '../../src/web/pages/assessments/draft.ts';
import { findConflicts, mergeDrafts } from '../../src/web/pages/assessments/merge.ts';
import { buildCriterion, buildIndicator, buildSet } from '../factories.ts';

// A set with a percentage (I1), a count (I2), a yes/no indicator (I3) and a criterion recorded directly (C2).
const set = buildSet({
  indicatorsPending: true,
  criteria: [
    buildCriterion({
      code: 'C1',
      indicators: [
        buildIndicator({ code: 'I1', kind: 'min', unit: '%' }),
        buildIndicator({ code: 'I2', kind: 'min', unit: 'km' }),
        buildIndicator({ code: 'I3', kind: 'boolean' }),
      ],
    }),
    buildCriterion({ code: 'C2', indicators: [] }),
  ],
});
const fields = entryFields(set);

function stored(values: Record<string, number | boolean | null>, c2: string | null = null, notes: Record<string, string> = {}): StoredValues {
  return {
    values: Object.fromEntries(Object.entries(values).map(([k, v]) => [k, { value: v, note: notes[k] ?? null }])),
    criteria: { C2: { status: c2, note: notes.C2 ?? null } },
  };
}

describe('entry screen draft', () => {
  it('lists the kinds of input and writes only what changed, in the PUT body maps', () => {
    expect(fields.map((f) => [f.code, f.entry])).toEqual([
      ['I1', 'percent'],
      ['I2', 'number'],
      ['I3', 'yes-no'],
      ['C2', 'status'],
    ]);
    const base = stored({ I1: 40, I2: 3.5, I3: true }, 'met');
    const draft = draftFrom(fields, base);
    expect(draft.I2).toEqual({ raw: '3,5', note: '' });
    expect(changesOf(fields, draft, base)).toEqual({ values: {}, criteria: {}, notes: {} });
    const edited = {
      ...draft,
      I1: { raw: '85', note: 'theo báo cáo xã' },
      I2: { raw: '3.5', note: '' },
      I3: { raw: '', note: '' },
      C2: { raw: 'not-met', note: '' },
    };
    expect(changesOf(fields, edited, base)).toEqual({ values: { I1: 85, I3: null }, criteria: { C2: 'not-met' }, notes: { I1: 'theo báo cáo xã' } });
    expect(liveValues(fields, edited)).toEqual({ I1: 85, I2: 3.5, C2: 'not-met' });
  });

  it('shows a status stored as true/false as the status it stands for', () => {
    const base = stored({ I3: true }, null);
    base.criteria.C2 = { status: true, note: null };
    const draft = draftFrom(fields, base);
    expect(draft.C2?.raw).toBe('met');
    expect(changesOf(fields, draft, base)).toEqual({ values: {}, criteria: {}, notes: {} });
  });

  it("gives the domain's Vietnamese message for a value it refuses", () => {
    const draft = { ...draftFrom(fields, stored({})), I1: { raw: '140', note: '' }, I2: { raw: '-2', note: '' } };
    expect(problemsOf(fields, draft)).toEqual({ I1: 'tỷ lệ phải từ 0 đến 100 %, nhận được 140', I2: 'không được âm' });
    expect(problemsOf(fields, { ...draft, I1: { raw: 'mười', note: '' }, I2: { raw: '2', note: '' } })).toEqual({ I1: '"mười" không phải là số' });
  });
});

describe('entry screen merge after a conflict', () => {
  const base = stored({ I1: 40, I2: 2, I3: false }, null, { I2: 'cũ' });
  // I changed I1 and I2's note; they changed I1 differently, I3, and I2's note differently.
  const mine = { ...draftFrom(fields, base), I1: { raw: '60', note: '' }, I2: { raw: '2', note: 'của tôi' } };
  const theirs = stored({ I1: 70, I2: 2, I3: true }, 'met', { I2: 'của họ' });

  it('lists only what both changed differently, with both values', () => {
    expect(findConflicts(fields, base, mine, theirs)).toEqual([
      { key: 'I1:value', code: 'I1', part: 'value', base: '40', mine: '60', theirs: '70' },
      { key: 'I2:note', code: 'I2', part: 'note', base: 'cũ', mine: 'của tôi', theirs: 'của họ' },
    ]);
  });

  it('the same change on both sides is no conflict', () => {
    const same = { ...mine, I2: { raw: '2', note: 'cũ' } };
    expect(findConflicts(fields, base, { ...same, I1: { raw: '70,0', note: '' } }, theirs)).toEqual([]);
  });

  it('keeps theirs where only they changed, mine where only I did, and the choice where both did', () => {
    const keepMine = mergeDrafts(fields, base, mine, theirs, {});
    expect(keepMine).toMatchObject({ I1: { raw: '60' }, I2: { note: 'của tôi' }, I3: { raw: 'true' }, C2: { raw: 'met' } });
    const takeTheirs = mergeDrafts(fields, base, mine, theirs, { 'I1:value': 'theirs', 'I2:note': 'theirs' });
    expect(takeTheirs).toMatchObject({ I1: { raw: '70' }, I2: { note: 'của họ' }, I3: { raw: 'true' } });
    // Saved on top of theirs, the write carries only my side of the choices: nothing of theirs is overwritten silently.
    expect(changesOf(fields, keepMine, theirs)).toEqual({ values: { I1: 60 }, criteria: {}, notes: { I2: 'của tôi' } });
    expect(changesOf(fields, takeTheirs, theirs)).toEqual({ values: {}, criteria: {}, notes: {} });
  });
});
