import { describe, expect, it } from 'vitest';
import { vnDates } from '../../src/web/components/ApiErrorView.tsx';
import { parseVnDate } from '../../src/web/components/DateField.tsx';

describe('dates as officers write them', () => {
  it('reads dd/mm/yyyy, one-digit day and month included, and refuses what is not a date from 2000 on', () => {
    expect(parseVnDate('30/06/2025')).toBe('2025-06-30');
    expect(parseVnDate(' 1/7/2025 ')).toBe('2025-07-01');
    expect(parseVnDate('01.07.2025')).toBe('2025-07-01');
    for (const bad of ['31/02/2025', '2025-06-30', '30/06/25', '30/06/0202', '', '13/13/2025']) expect(parseVnDate(bad), bad).toBeNull();
  });

  it('writes the dates inside a server message as dd/MM/yyyy', () => {
    expect(vnDates('Phiên bản "x" đã được rút ngày 2026-02-15')).toBe('Phiên bản "x" đã được rút ngày 15/02/2026');
  });
});
