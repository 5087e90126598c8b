import { describe, expect, it } from 'vitest';
import { buildIndicator, buildThreshold } from '../../../test/factories.ts';
import { indicatorSchema } from './schema.ts';
import { resolveThreshold } from './thresholds.ts';

const ind = (thresholds: ReturnType<typeof buildThreshold>[]) => indicatorSchema.parse(buildIndicator({ thresholds }));

describe('resolveThreshold', () => {
  it('uses the unqualified entry when nothing more specific matches', () => {
    const i = ind([buildThreshold({ value: 10 }), buildThreshold({ region: 'DBSH', value: 20 })]);
    expect(resolveThreshold(i, { region: 'TDMNPB', year: 2023 })?.value).toBe(10);
  });

  it('prefers the entry for the unit’s region over the general one, whatever the order', () => {
    const i = ind([buildThreshold({ region: 'TDMNPB', value: 30 }), buildThreshold({ value: 10 })]);
    expect(resolveThreshold(i, { region: 'TDMNPB', year: 2023 })?.value).toBe(30);
    expect(resolveThreshold(i, { region: 'DBSH', year: 2023 })?.value).toBe(10);
  });

  it('prefers region + year over region alone and over year alone', () => {
    const i = ind([
      buildThreshold({ year: 2024, value: 1 }),
      buildThreshold({ region: 'TDMNPB', value: 2 }),
      buildThreshold({ region: 'TDMNPB', year: 2024, value: 3 }),
    ]);
    expect(resolveThreshold(i, { region: 'TDMNPB', year: 2024 })?.value).toBe(3);
    expect(resolveThreshold(i, { region: 'TDMNPB', year: 2023 })?.value).toBe(2);
    expect(resolveThreshold(i, { region: 'DBSH', year: 2024 })?.value).toBe(1);
    expect(resolveThreshold(i, { region: 'DBSH', year: 2023 })).toBeUndefined();
  });

  it('never applies an entry whose selector names another region, group or year', () => {
    const i = ind([buildThreshold({ region: 'DBSH', value: 1 }), buildThreshold({ year: 2022, value: 2 })]);
    expect(resolveThreshold(i, { region: 'TDMNPB', year: 2023 })).toBeUndefined();
    const g = ind([buildThreshold({ group: '1', value: 5 }), buildThreshold({ group: '3', value: 7 })]);
    expect(resolveThreshold(g, { group: '3', year: 2027 })?.value).toBe(7);
    expect(resolveThreshold(g, { group: '2', year: 2027 })).toBeUndefined();
    expect(resolveThreshold(g, { year: 2027 })).toBeUndefined();
  });

  it('keeps the first listed entry on a tie', () => {
    const i = ind([buildThreshold({ region: 'TDMNPB', value: 1 }), buildThreshold({ region: 'TDMNPB', value: 2 })]);
    expect(resolveThreshold(i, { region: 'TDMNPB', year: 2023 })?.value).toBe(1);
  });

  it('returns an entry whose value is unknown (null) rather than falling back to a less specific one', () => {
    const i = ind([buildThreshold({ value: 10 }), buildThreshold({ region: 'TDMNPB', year: 2025, value: null })]);
    expect(resolveThreshold(i, { region: 'TDMNPB', year: 2025 })).toMatchObject({ value: null, confirmed: false });
  });
});
