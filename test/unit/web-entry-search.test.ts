import { describe, expect, it } from 'vitest';
import { overviewSearch, unitSearch } from '../../src/web/routes/search.ts';
import { versionOf } from '../../src/web/pages/assessments/set.ts';
import type { SetListItem } from '../../src/web/api/types.ts';

describe('which values count, in the address', () => {
  it('keeps a known basis and drops anything else', () => {
    expect(overviewSearch({ basis: 'submitted', year: '2026' })).toEqual({ basis: 'submitted', year: 2026 });
    expect(unitSearch({ basis: 'all' })).toEqual({ basis: 'all' });
    expect(unitSearch({ basis: 'drafts' })).toEqual({});
  });
});

describe('the version of a referenced family, as the registry picks it', () => {
  const item = (id: string, effectiveFrom: string, effectiveTo: string | null, withdrawn = false) =>
    ({ id, family: 'f', effectiveFrom, effectiveTo, withdrawn: withdrawn ? { at: '', by: null, reason: 'x' } : null }) as SetListItem;
  const list = [item('v1', '2022-01-01', '2024-06-30'), item('v2', '2024-07-01', null), item('v3', '2025-01-01', null, true)];

  it('the one in force on the date, never a withdrawn one; before any, the first', () => {
    expect(versionOf(list, 'f', '2023-12-31')).toBe('v1');
    expect(versionOf(list, 'f', '2025-12-31')).toBe('v2');
    expect(versionOf(list, 'f', '2020-01-01')).toBe('v1');
    expect(versionOf(list, 'other', '2025-01-01')).toBeUndefined();
  });
});
