import type { z } from 'zod';
import { DomainError } from '../errors.ts';
import type { SetRegistry } from './registry.ts';
import { criteriaSetSchema, type CriteriaSet } from './schema.ts';

/** Formats a schema path as "criteria[3].indicators[0].thresholds". */
export function formatPath(p: readonly PropertyKey[]): string {
  let out = '';
  for (const k of p) out += typeof k === 'number' ? `[${k}]` : out ? `.${String(k)}` : String(k);
  return out || '(gốc)';
}

/** An INVALID_CRITERIA_FILE error naming the file and the path of the first schema problem. */
export function invalidFile(file: string, issues: readonly z.core.$ZodIssue[]): DomainError {
  const first = issues[0]!;
  const where = formatPath(first.path);
  return new DomainError('INVALID_CRITERIA_FILE', `Tệp bộ tiêu chí "${file}" không hợp lệ tại ${where}: ${first.message}`, {
    file,
    path: where,
    problem: first.message,
    issues: issues.slice(0, 20).map((i) => ({ path: formatPath(i.path), message: i.message })),
  });
}

/** How big one set may be: bounds the work of validating and evaluating it and the responses that carry it. */
export const SET_LIMITS = { criteria: 200, indicators: 1_000, thresholds: 20_000 } as const;

const listOf = (v: unknown, key: string): unknown[] => {
  const list = v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined;
  return Array.isArray(list) ? list : [];
};

/** Counts criteria, indicators and thresholds of an unchecked value before the schema walks it. */
function checkSize(value: unknown, file: string): void {
  const criteria = listOf(value, 'criteria');
  const indicators = criteria.flatMap((c) => listOf(c, 'indicators'));
  const thresholds = indicators.reduce<number>((n, i) => n + listOf(i, 'thresholds').length, 0);
  const counts = { criteria: criteria.length, indicators: indicators.length, thresholds };
  const names = { criteria: 'tiêu chí', indicators: 'chỉ tiêu', thresholds: 'ngưỡng' };
  for (const key of ['criteria', 'indicators', 'thresholds'] as const)
    if (counts[key] > SET_LIMITS[key])
      throw new DomainError(
        'FILE_TOO_LARGE',
        `Tệp bộ tiêu chí "${file}" có ${counts[key]} ${names[key]}, quá giới hạn ${SET_LIMITS[key]} ${names[key]} của một bộ`,
        { file, limit: key, count: counts[key], max: SET_LIMITS[key] },
      );
}

/** Validates a parsed value as a criteria set, naming the file and the path of the first problem. */
export function validateSet(value: unknown, file: string): CriteriaSet {
  checkSize(value, file);
  const parsed = criteriaSetSchema.safeParse(value);
  if (!parsed.success) throw invalidFile(file, parsed.error.issues);
  return parsed.data;
}

/** Whether `next` amends `old`, directly or through earlier amendments. */
function isAmendedBy(registry: SetRegistry, old: CriteriaSet, next: CriteriaSet): boolean {
  for (let id = next.amends, n = 0; id && n < 50; n++) {
    if (id === old.id) return true;
    id = registry.has(id) ? registry.get(id).amends : undefined;
  }
  return false;
}

/** The families a set refers to: its prerequisite tier and the references of its indicators. */
export function referencedFamilies(set: CriteriaSet): string[] {
  const refs = [
    set.requiresTier?.family,
    ...set.criteria.flatMap((c) => c.indicators.flatMap((i) => [i.relative?.family, i.requiresTier?.family, i.derive?.family])),
  ];
  return [...new Set(refs.filter((f): f is string => Boolean(f)))];
}

/**
 * Checks a validated set against the versions already known before it is added: the id is new, two versions
 * of a family start on the same day only when the new one amends the other, the version it amends exists and
 * every family it refers to is known (itself included). Only the new version and what it references are looked
 * at; the stored versions were checked when they were added.
 */
export function checkNewVersion(registry: SetRegistry, set: CriteriaSet): void {
  if (registry.has(set.id)) throw new DomainError('SET_EXISTS', `Đã có bộ tiêu chí mã "${set.id}": hãy đặt mã mới cho phiên bản mới`, { set: set.id });
  const clash = registry.all().find((s) => s.family === set.family && s.effectiveFrom === set.effectiveFrom && !isAmendedBy(registry, s, set));
  if (clash)
    throw new DomainError(
      'CONFLICT',
      `Nhóm bộ "${set.family}" đã có phiên bản "${clash.id}" có hiệu lực từ cùng ngày ${set.effectiveFrom}: chọn ngày hiệu lực khác, hoặc, nếu bản mới thay thế bản đó, ghi "${clash.id}" vào mục "Sửa đổi" (trang "Thông tin" của tệp Excel, cột B; trong tệp JSON là trường "amends")`,
      { set: set.id, clash: clash.id, field: 'amends' },
    );
  if (set.amends && !registry.has(set.amends))
    throw new DomainError(
      'CRITERIA_REFERENCE',
      `Mục "Sửa đổi" của bộ tiêu chí "${set.id}" ghi phiên bản "${set.amends}", nhưng hệ thống không có phiên bản nào đang dùng mã này: kiểm tra lại mã ở mục "Sửa đổi" (trang "Thông tin", cột B; trong tệp JSON là trường "amends") hoặc để trống mục đó`,
      { set: set.id, amends: set.amends, field: 'amends' },
    );
  for (const family of referencedFamilies(set))
    if (family !== set.family && !registry.all().some((s) => s.family === family))
      throw new DomainError('CRITERIA_REFERENCE', `Bộ tiêu chí "${set.id}" tham chiếu nhóm bộ "${family}" chưa có trong hệ thống`, { set: set.id, family });
}
