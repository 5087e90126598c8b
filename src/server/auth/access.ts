import { DomainError } from '../../domain/errors.ts';

export const ROLES = ['admin', 'province', 'district', 'commune', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/** What a route does; each route names one (or `public`). */
export type Action = 'public' | 'session' | 'overview:read' | 'evaluation:read' | 'unit:create' | 'set:import' | 'user:create';

/**
 * Which roles may perform each action. Scope (the unit subtree) is checked separately by `requireUnitAccess`.
 * Data, not code paths, so that the access matrix test can enumerate it.
 */
export const POLICY: Record<Exclude<Action, 'public'>, readonly Role[]> = {
  session: ROLES,
  'overview:read': ROLES,
  'evaluation:read': ROLES,
  'unit:create': ['admin', 'province'],
  'set:import': ['admin', 'province'],
  'user:create': ['admin'],
};

export interface SessionUser {
  id: number;
  username: string;
  fullName: string;
  role: Role;
  unitId: number | null;
  /** Unit ids the user may see: their unit, its descendants and the units it was formed from. */
  scope: Set<number> | 'all';
}

/** Throws unless the user is logged in and their role may perform the action. */
export function authorize(user: SessionUser | null, action: Action): void {
  if (action === 'public') return;
  if (!user) throw new DomainError('UNAUTHENTICATED', 'Cần đăng nhập để dùng chức năng này');
  if (!POLICY[action].includes(user.role)) throw new DomainError('FORBIDDEN', 'Tài khoản không có quyền thực hiện thao tác này', { action, role: user.role });
}

/** Throws unless the unit lies in the user's scope. */
export function requireUnitAccess(user: SessionUser, unitId: number): void {
  if (user.scope === 'all' || user.scope.has(unitId)) return;
  throw new DomainError('FORBIDDEN', 'Đơn vị này nằm ngoài phạm vi được giao cho tài khoản', { unitId });
}

export function canSee(user: SessionUser, unitId: number): boolean {
  return user.scope === 'all' || user.scope.has(unitId);
}
