import { describe, expect, it } from 'vitest';
import { safeNext } from '../../src/web/routes/safeNext.ts';
import { loginSearch, overviewSearch, parseSearch, stringifySearch, unitSearch } from '../../src/web/routes/search.ts';
import { resolveView } from '../../src/web/view.ts';

const ORIGIN = 'https://chungsuc.example';

describe('safeNext: after login, only a path of this site', () => {
  it.each([
    ['/don-vi/01708?asOf=2025-07-01&year=2025', '/don-vi/01708?asOf=2025-07-01&year=2025'],
    ['/bo-tieu-chi#top', '/bo-tieu-chi#top'],
  ])('keeps %s', (next, expected) => expect(safeNext(next, ORIGIN)).toBe(expected));

  it.each([
    undefined,
    '',
    'https://evil.example/',
    '//evil.example/',
    '/\\evil.example/',
    '/\\/evil.example',
    '\\\\evil.example',
    'javascript:alert(1)',
    ' /tong-quan',
    '/dang-nhap?next=/tong-quan',
  ])('sends %j to the overview', (next) => expect(safeNext(next, ORIGIN)).toBe('/tong-quan'));
});

describe('search parameters', () => {
  it('reads plain k=v pairs and writes them back in the same form', () => {
    const raw = parseSearch('?asOf=2025-07-01&year=2025&q=bach%20dang');
    expect(overviewSearch(raw)).toEqual({ asOf: '2025-07-01', year: 2025, q: 'bach dang' });
    expect(stringifySearch({ asOf: '2025-07-01', year: 2025, q: undefined, tier: '' })).toBe('?asOf=2025-07-01&year=2025');
  });

  it('drops what is malformed instead of failing the page', () => {
    expect(overviewSearch({ asOf: '2025-02-30', year: 'abc', tier: 'gold', q: '' })).toEqual({});
    expect(unitSearch({ asOf: '01/07/2025', year: '20250', set: 'xa-ntm-2024' })).toEqual({ set: 'xa-ntm-2024' });
    expect(overviewSearch({ tier: 'none', district: 'Hòa An' })).toEqual({ tier: 'none', district: 'Hòa An' });
    expect(loginSearch({ next: 'x'.repeat(3000) })).toEqual({});
  });

  it('defaults the view to today and the year of the date', () => {
    expect(resolveView({}, '2026-03-04')).toEqual({ asOf: '2026-03-04', year: 2026, set: null });
    expect(resolveView({ asOf: '2025-06-30' }, '2026-03-04')).toEqual({ asOf: '2025-06-30', year: 2025, set: null });
    expect(resolveView({ asOf: '2025-06-30', year: 2024, set: 'x' }, '2026-03-04')).toEqual({ asOf: '2025-06-30', year: 2024, set: 'x' });
  });
});
