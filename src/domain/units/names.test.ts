import { describe, expect, it } from 'vitest';
import { compareVi, nameKey, searchKey } from './names.ts';
import { inForceOn, isIsoDate } from './types.ts';

describe('nameKey', () => {
  it('treats the old and new tone placement as the same name (Hoà = Hòa)', () => {
    expect(nameKey('Hoà An')).toBe(nameKey('Hòa An'));
    expect(nameKey('Huyện Hoà An')).toBe(nameKey('huyện  hòa an '));
    expect(nameKey('Thuỷ')).toBe(nameKey('Thủy'));
  });

  it('is insensitive to Unicode composition (NFC vs NFD input)', () => {
    expect(nameKey('Hòa An'.normalize('NFD'))).toBe(nameKey('Hòa An'.normalize('NFC')));
  });

  it('keeps the tone itself: Hóa is not Hòa', () => {
    expect(nameKey('Hóa')).not.toBe(nameKey('Hòa'));
    expect(nameKey('Hoá')).toBe(nameKey('Hóa'));
  });

  it('keeps the other diacritics that change the word', () => {
    expect(nameKey('Đức')).not.toBe(nameKey('Dức'));
    expect(nameKey('Bằng')).not.toBe(nameKey('Bàng'));
    expect(nameKey('Sơn')).not.toBe(nameKey('Son'));
  });
});

describe('searchKey', () => {
  it('drops every diacritic and đ for typing without accents', () => {
    expect(searchKey('Xã Hòa An')).toBe('xa hoa an');
    expect(searchKey('Đức  Long')).toBe('duc long');
    expect(searchKey('Hoà An')).toBe(searchKey('Hòa An'));
  });
});

describe('compareVi', () => {
  it('sorts Vietnamese names in Vietnamese order', () => {
    const names = ['Đức Long', 'Bảo Lạc', 'An Lạc', 'Dân Chủ', 'Ân Hòa'];
    expect([...names].sort(compareVi)).toEqual(['An Lạc', 'Ân Hòa', 'Bảo Lạc', 'Dân Chủ', 'Đức Long']);
  });
});

describe('unit dates', () => {
  it('isIsoDate accepts real calendar dates only', () => {
    expect(isIsoDate('2025-06-30')).toBe(true);
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2025-02-30')).toBe(false);
    expect(isIsoDate('2025-13-01')).toBe(false);
    expect(isIsoDate('2025-6-30')).toBe(false);
    expect(isIsoDate('30/06/2025')).toBe(false);
  });

  it('inForceOn includes both ends and treats open ends as unbounded', () => {
    const old = { validFrom: null, validTo: '2025-06-30' };
    const current = { validFrom: '2025-07-01', validTo: null };
    expect(inForceOn(old, '2025-06-30')).toBe(true);
    expect(inForceOn(old, '2025-07-01')).toBe(false);
    expect(inForceOn(current, '2025-06-30')).toBe(false);
    expect(inForceOn(current, '2025-07-01')).toBe(true);
    expect(inForceOn({ validFrom: null, validTo: null }, '1990-01-01')).toBe(true);
  });
});
