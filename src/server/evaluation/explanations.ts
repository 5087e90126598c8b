import type { CriteriaSet } from '../../domain/criteria/schema.ts';
import type { NoSetReason, UnitKind } from '../../domain/evaluation/ladder.ts';

/** Why a view has no evaluation: a stable code and a sentence for officers. Part of a 200 response, not an error. */
export interface Explanation {
  code: 'NO_SET_FOR_UNIT' | 'NO_SET_FOR_YEAR' | 'GROUP_MISSING';
  message: string;
}

/** "2021–2030", or "2021–2025, 2028" when the years are not one run. */
export function formatYears(years: number[]): string {
  const runs: string[] = [];
  for (let i = 0; i < years.length;) {
    let j = i;
    while (j + 1 < years.length && years[j + 1] === years[j]! + 1) j++;
    runs.push(i === j ? String(years[i]) : `${years[i]}–${years[j]}`);
    i = j + 1;
  }
  return runs.join(', ');
}

export function explainNoSet(reason: NoSetReason, unit: UnitKind, year: number): Explanation {
  if (reason.code === 'NO_SET_FOR_UNIT')
    return { code: 'NO_SET_FOR_UNIT', message: `Không có bộ tiêu chí nông thôn mới nào áp dụng cho ${unit.type.toLowerCase()}` };
  return {
    code: 'NO_SET_FOR_YEAR',
    message: `Không có bộ tiêu chí nào áp dụng cho ${unit.type.toLowerCase()} trong năm ${year}; có bộ tiêu chí cho các năm ${formatYears(reason.years)}`,
  };
}

export function groupMissing(unit: { fullName: string }, set: CriteriaSet, asOf: string): Explanation {
  return {
    code: 'GROUP_MISSING',
    message: `Chưa có nhóm xã của ${unit.fullName} vào ngày ${asOf.split('-').reverse().join('/')}: bộ tiêu chí ${set.decision} phân ngưỡng theo nhóm xã`,
  };
}
