import { describe, expect, it } from 'vitest';
import { changedSinceApproval, completeness, dayVn, deadlineFor, tabsOf, timeliness } from '../../src/server/boards/rules.ts';

const d = (family: string | null, level: string | null, submitBy: string) => ({ year: 2025, family, level, submitBy, reviewBy: null, approveBy: null });

describe('board rules', () => {
  it('takes the most specific deadline: family and level, family, level, every one', () => {
    const rows = [
      d(null, null, '2025-10-01'),
      d(null, 'commune', '2025-10-02'),
      d('xa', null, '2025-10-03'),
      d('xa', 'commune', '2025-10-04'),
      d('thon', null, '2025-10-05'),
    ];
    expect(deadlineFor(rows, 'xa', 'commune')?.submitBy).toBe('2025-10-04');
    expect(deadlineFor(rows, 'xa', 'hamlet')?.submitBy).toBe('2025-10-03');
    expect(deadlineFor(rows, 'khac', 'commune')?.submitBy).toBe('2025-10-02');
    expect(deadlineFor(rows, 'khac', 'hamlet')?.submitBy).toBe('2025-10-01');
    expect(deadlineFor(rows.slice(4), 'xa', 'commune')).toBeNull();
  });

  it('counts the deadline day whole, in Vietnam time', () => {
    expect(dayVn('2025-03-31T16:59:59Z')).toBe('2025-03-31');
    expect(dayVn('2025-03-31T17:00:00Z')).toBe('2025-04-01');
    expect(timeliness('submitted', '2025-03-31T16:59:59Z', '2025-03-31', '2025-06-01')).toBe('on-time');
    expect(timeliness('approved', '2025-03-31T17:00:00Z', '2025-03-31', '2025-06-01')).toBe('late');
    expect(timeliness('returned', '2025-03-01T00:00:00Z', '2025-03-31', '2025-06-01')).toBe('overdue');
    expect(timeliness('draft', null, '2025-03-31', '2025-03-31')).toBe('pending');
    expect(timeliness('draft', null, null, '2025-03-31')).toBe('no-deadline');
  });

  it('counts filled fields of the set only, and compares values with the approved ones', () => {
    expect(completeness(['a', 'b', 'c'], { a: 1, b: null, x: 2 })).toEqual({ filled: 1, total: 3 });
    expect(changedSinceApproval({ a: 1 }, null)).toBe(false);
    expect(changedSinceApproval({ a: 1, b: true }, { b: true, a: 1, c: null })).toBe(false);
    expect(changedSinceApproval({ a: 2 }, { a: 1 })).toBe(true);
    expect(changedSinceApproval({}, { a: 1 })).toBe(true);
  });

  it('puts a row under the tabs its state and the caller’s actions call for', () => {
    const row = {
      status: 'submitted' as const,
      timeliness: 'late' as const,
      changedSinceApproval: false,
      workflowUnit: { level: 'commune' as const, underDistrict: false },
    };
    expect(tabsOf(row, ['approve', 'return'])).toEqual(['all', 'late', 'my-review']);
    expect(tabsOf({ ...row, status: 'returned', timeliness: 'overdue', changedSinceApproval: true }, [])).toEqual([
      'all',
      'not-submitted',
      'late',
      'returned',
      'changed',
    ]);
  });
});
