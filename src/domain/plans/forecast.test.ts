import { describe, expect, it } from 'vitest';
import { forecastTarget, trendPerYear, type ForecastInput, type NearUnit } from './forecast.ts';

const near = (n: number, gap = 1): NearUnit[] =>
  Array.from({ length: n }, (_, i) => ({ code: `0${1000 + i}`, name: `Xã ${String.fromCharCode(65 + i)}`, gap, missing: ['5', '17'].slice(0, gap) }));

/** "50 communes by 31/12/2025", asked on 30/06/2024 (1.5 years left). */
const base = (over: Partial<ForecastInput>): ForecastInput => ({
  goal: 50,
  direction: 'at-least',
  current: 30,
  history: [],
  asOf: '2024-06-30',
  deadline: '2025-12-31',
  near: [],
  stepPerUnit: 1,
  ceiling: 120,
  say: (v) => `${Math.round(v)} xã`,
  ...over,
});

describe('forecast of a target on constructed histories', () => {
  it('is on track when the trend reaches the goal by the deadline', () => {
    // +15 a year from 30 with 1.5 years left: 52 by the deadline.
    const f = forecastTarget(
      base({
        history: [
          { year: 2022, value: 0 },
          { year: 2023, value: 15 },
          { year: 2024, value: 30 },
        ],
      }),
    );
    expect(f.perYear).toBeCloseTo(15);
    expect(f.projected).toBeGreaterThanOrEqual(50);
    expect(f.status).toBe('on-track');
    expect(f.reason).toMatch(/^Đúng tiến độ: theo xu hướng 2022–2024 \(\+15\/năm\), đến 31\/12\/2025 dự kiến 5\d xã, chỉ tiêu 50 xã\.$/);
  });

  it('is at risk when the trend falls short but the units within one or two criteria would close the gap', () => {
    const f = forecastTarget(
      base({
        history: [
          { year: 2022, value: 26 },
          { year: 2023, value: 28 },
          { year: 2024, value: 30 },
        ],
        near: [...near(15, 2), ...near(6, 1)],
      }),
    );
    expect(f.projected).toBeCloseTo(33, 0);
    expect(f.withNear).toBe(51);
    expect(f.status).toBe('at-risk');
    expect(f.closers[0]!.gap).toBe(1);
    expect(f.closers).toHaveLength(21);
    expect(f.reason).toContain('21 đơn vị chỉ còn thiếu 1–2 tiêu chí, nếu đạt cả thì được 51 xã');
  });

  it('is off track when neither the trend nor the near units reach the goal', () => {
    const f = forecastTarget(
      base({
        history: [
          { year: 2022, value: 29 },
          { year: 2023, value: 30 },
          { year: 2024, value: 30 },
        ],
        near: near(3),
      }),
    );
    expect(f.status).toBe('off-track');
    expect(f.withNear).toBe(33);
    expect(f.reason).toMatch(/^Chậm tiến độ: /);
  });

  it('is achieved once the goal is reached, and missed after a deadline not reached', () => {
    expect(forecastTarget(base({ current: 52 })).status).toBe('achieved');
    const late = forecastTarget(base({ asOf: '2026-01-05', current: 41, near: near(2) }));
    expect(late.status).toBe('missed');
    expect(late.projected).toBeNull();
    expect(late.reason).toBe('Không đạt: đã quá thời hạn 31/12/2025, kết quả 41 xã so với chỉ tiêu 50 xã.');
  });

  it('counts down for at-most targets ("no commune below 15 criteria")', () => {
    const input = base({
      goal: 0,
      direction: 'at-most',
      current: 6,
      history: [
        { year: 2022, value: 14 },
        { year: 2023, value: 10 },
        { year: 2024, value: 6 },
      ],
      say: (v) => `${Math.round(v)} xã`,
    });
    const f = forecastTarget(input);
    expect(f.perYear).toBeCloseTo(-4);
    expect(f.projected).toBe(0);
    expect(f.status).toBe('on-track');
    const slow = forecastTarget({
      ...input,
      history: [
        { year: 2023, value: 7 },
        { year: 2024, value: 6 },
      ],
      near: near(6),
    });
    expect(slow.status).toBe('at-risk');
    expect(slow.withNear).toBe(0);
  });

  it('has no trend with a single year and says what stands in for it', () => {
    expect(trendPerYear([{ year: 2024, value: 3 }])).toBeNull();
    const f = forecastTarget(
      base({ goal: 1, current: 0, ceiling: 1, near: near(1, 2), trendNote: 'Xã Hưng Đạo chưa đạt mức nâng cao', say: (v) => (v >= 1 ? 'đạt' : 'chưa đạt') }),
    );
    expect(f.status).toBe('at-risk');
    expect(f.reason).toContain('Xã Hưng Đạo chưa đạt mức nâng cao');
  });
});
