import type { FastifyRequest } from 'fastify';
import { DomainError } from '../domain/errors.ts';
import { fieldLabel } from './errors.ts';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why a string cannot be stored as PostgreSQL text, or null: NUL is refused by PostgreSQL, a lone surrogate is not UTF-8. */
function textProblem(s: string): string | null {
  if (s.includes('\u0000')) return 'chứa ký tự NUL (\\u0000)';
  if (LONE_SURROGATE.test(s)) return 'chứa ký tự Unicode lẻ cặp (surrogate), không phải UTF-8 hợp lệ';
  return null;
}

/** The first string (or object key) in `value` that cannot be stored, with its path (`values.1\.1`, `criteria[2].name`). */
export function findBadText(value: unknown): { path: string; problem: string } | null {
  // Iterative: a deeply nested body must not overflow the stack.
  const stack: [unknown, string][] = [[value, '']];
  while (stack.length) {
    const [v, path] = stack.pop()!;
    if (typeof v === 'string') {
      const problem = textProblem(v);
      if (problem) return { path, problem };
    } else if (Array.isArray(v)) {
      v.forEach((item, i) => stack.push([item, `${path}[${i}]`]));
    } else if (v !== null && typeof v === 'object') {
      for (const [k, item] of Object.entries(v)) {
        const at = path ? `${path}.${k}` : k;
        const problem = textProblem(k);
        if (problem) return { path: path || '(tên trường)', problem: `có tên trường ${problem}` };
        stack.push([item, at]);
      }
    }
  }
  return null;
}

/** Throws 400 INVALID_TEXT naming `field` unless `value` can be stored (for text read outside the JSON body: multipart fields). */
export function assertStorableText(value: unknown, field: string): void {
  const bad = findBadText(value);
  if (bad) throw new DomainError('INVALID_TEXT', `Dữ liệu không hợp lệ ở trường "${fieldLabel(field)}": ${bad.problem}`, { field, location: 'body' });
}

const WHERE = { params: 'đường dẫn', query: 'tham số truy vấn', body: 'nội dung gửi lên' } as const;

/**
 * Refuses, for every route, text that PostgreSQL cannot store (NUL, lone surrogates) in the path parameters, the
 * query string or the body, with a 400 naming the field; before validation, so no handler ever sees it.
 */
export async function refuseBadText(req: FastifyRequest): Promise<void> {
  for (const where of ['params', 'query', 'body'] as const) {
    const bad = findBadText(req[where]);
    if (!bad) continue;
    const field = bad.path.replace(/^\./, '');
    const label = field ? `trường "${fieldLabel(field)}"` : WHERE[where];
    throw new DomainError('INVALID_TEXT', `Dữ liệu không hợp lệ ở ${label} (${WHERE[where]}): ${bad.problem}`, { field, location: where });
  }
}
