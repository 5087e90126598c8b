import type { ViewParams } from '../view.ts';

// Typed link targets (path, params and search checked against the route tree by the compiler).

export function overviewLink(p: { asOf: string; year: number }) {
  return { to: '/tong-quan', search: { asOf: p.asOf, year: p.year } } as const;
}

export function unitLink(code: string, p: { asOf: string; year: number; set?: string | null }) {
  return { to: '/don-vi/$code', params: { code }, search: { asOf: p.asOf, year: p.year, ...(p.set ? { set: p.set } : {}) } } as const;
}

export function setLink(id: string) {
  return { to: '/bo-tieu-chi/$id', params: { id } } as const;
}

export const SETS_LINK = { to: '/bo-tieu-chi' } as const;
/** The import screen for a new criteria set version (outside /bo-tieu-chi/:id, so no set id can shadow it). */
export const IMPORT_SET_LINK = { to: '/nap-bo-tieu-chi' } as const;

export type { ViewParams };
