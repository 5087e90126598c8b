import { describe, expect, it } from 'vitest';
import { planValue } from '../../src/server/dhis2/plan.ts';
import { dhis2Text } from '../../src/server/dhis2/text.ts';
import { generatedUid } from '../../src/interchange/dhis2/uid.ts';

describe('how a DHIS2 data value changes a stored value', () => {
  const stored = { value: 80, note: 'cũ' };
  it('counts a new value imported, a changed one updated, the same one ignored (nothing written)', () => {
    expect(planValue('CREATE_AND_UPDATE', undefined, 80, undefined)).toEqual({ outcome: 'imported', value: 80 });
    expect(planValue('CREATE_AND_UPDATE', { value: null, note: 'chỉ có ghi chú' }, 80, undefined)).toEqual({ outcome: 'imported', value: 80 });
    expect(planValue('CREATE_AND_UPDATE', stored, 92, undefined)).toEqual({ outcome: 'updated', value: 92 });
    expect(planValue('CREATE_AND_UPDATE', stored, 80, undefined)).toEqual({ outcome: 'ignored' });
    expect(planValue('CREATE_AND_UPDATE', stored, 80, 'cũ')).toEqual({ outcome: 'ignored' });
    expect(planValue('CREATE_AND_UPDATE', stored, 80, 'mới')).toEqual({ outcome: 'updated', note: 'mới' });
  });
  it('deletes a stored value given an empty one, and clears a note with an empty comment', () => {
    expect(planValue('CREATE_AND_UPDATE', stored, null, undefined)).toEqual({ outcome: 'deleted', value: null });
    expect(planValue('CREATE_AND_UPDATE', undefined, null, undefined)).toEqual({ outcome: 'ignored' });
    expect(planValue('CREATE_AND_UPDATE', stored, 80, '')).toEqual({ outcome: 'updated', note: null });
  });
  it('follows the import strategy', () => {
    expect(planValue('CREATE', stored, 92, undefined)).toEqual({ outcome: 'ignored' });
    expect(planValue('CREATE', undefined, 92, undefined)).toEqual({ outcome: 'imported', value: 92 });
    expect(planValue('UPDATE', undefined, 92, undefined)).toEqual({ outcome: 'ignored' });
    expect(planValue('UPDATE', stored, 92, undefined)).toEqual({ outcome: 'updated', value: 92 });
    expect(planValue('DELETE', stored, 92, undefined)).toEqual({ outcome: 'deleted', value: null, note: null });
    expect(planValue('DELETE', undefined, 92, undefined)).toEqual({ outcome: 'ignored' });
  });
});

describe('DHIS2 text and identifiers', () => {
  it('writes values as DHIS2 strings', () => {
    expect([true, false, 12, 85.5, 0.1 + 0.2, 'met', null].map(dhis2Text)).toEqual(['true', 'false', '12', '85.5', '0.3', 'met', '']);
  });
  it('derives the same identifier from the same seed, in DHIS2 form, and another on a second attempt', () => {
    const a = generatedUid('orgUnit:01654:2025-07-01');
    expect(a).toMatch(/^[A-Za-z][A-Za-z0-9]{10}$/);
    expect(generatedUid('orgUnit:01654:2025-07-01')).toBe(a);
    expect(generatedUid('orgUnit:01654:')).not.toBe(a);
    expect(generatedUid('orgUnit:01654:2025-07-01', 1)).not.toBe(a);
  });
});
