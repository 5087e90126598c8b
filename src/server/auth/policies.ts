/**
 * Who may do what: one policy per action, read by the access hook (role, before the body is read) and by
 * `req.authorizeResource` (scope and resource state, once the handler knows the resource). Changing who may do
 * something is one edit here; the access matrix test (test/db/access-matrix.test.ts) enumerates it.
 */

import type { Action, ProtectedAction } from '../../domain/auth/actions.ts';
import { ROLES, type Role } from '../../domain/auth/roles.ts';
import { ASSESSMENT_STATES } from '../../domain/assessments/workflow.ts';

export { ROLES, type Role } from '../../domain/auth/roles.ts';

export interface SessionUser {
  id: number;
  username: string;
  fullName: string;
  role: Role;
  unitId: number | null;
  /** Unit ids the user may see: their unit, its descendants and the units it was formed from. */
  scope: Set<number> | 'all';
}

/** A unit an action touches (for `unit:create`, the commune the hamlet is added to). */
export interface UnitResource {
  kind: 'unit';
  unitId: number;
}

/** What a scoped action is checked against. Resources with a state (assessments) add a `state` field. */
export type Resource = UnitResource;

/** Why access is refused: 401 without a session, 403 otherwise. */
export interface Denial {
  code: 'UNAUTHENTICATED' | 'FORBIDDEN';
  message: string;
  details?: Record<string, unknown>;
}

export interface Policy {
  /** Roles that may perform the action at all; checked before the request body is read. */
  roles: readonly Role[];
  /**
   * The kind of resource the action is scoped to: a route with this action must call `req.authorizeResource`
   * (or `req.visibleOnly` for lists) before it answers 2xx, or the response is replaced by a 500.
   */
  resource?: Resource['kind'];
  /**
   * Resource states in which access differs (e.g. an assessment's `draft`, `submitted`, `approved`); the access
   * matrix must have a case for each.
   */
  states?: readonly string[];
  /** A rule on the resource beyond scope (its state, its owner); returns why it is refused, or null. */
  rule?: (user: SessionUser, resource: Resource) => Denial | null;
}

const PROVINCE_STAFF = ['admin', 'province'] as const satisfies readonly Role[];
/** Accounts that enter and change data (everyone but viewers); each is held to its scope. */
const ENTRY_STAFF = ['commune', 'district', 'province', 'admin'] as const satisfies readonly Role[];

/** Every action a route can declare (besides `public`). */
export const POLICIES = {
  /** Any signed-in account. */
  session: { roles: ROLES },
  /** The overview table: rows outside the user's scope are left out. */
  'overview:read': { roles: ROLES, resource: 'unit' },
  /** One unit's evaluation, for a unit in scope. */
  'evaluation:read': { roles: ROLES, resource: 'unit' },
  /** Add a hamlet: the province keeps hamlet lists; the commune must be in scope. */
  'unit:create': { roles: PROVINCE_STAFF, resource: 'unit' },
  'set:import': { roles: PROVINCE_STAFF },
  'set:withdraw': { roles: PROVINCE_STAFF },
  'user:create': { roles: ['admin'] },

  /** An assessment of a unit in scope (its values, evidence list, transitions). */
  'assessment:read': { roles: ROLES, resource: 'unit' },
  /**
   * Change values, statuses and notes of a unit in scope. Only in draft or returned: otherwise 409 LOCKED (the
   * state is the assessment's, checked by the service, so that a stale screen learns what happened).
   */
  'assessment:write': { roles: ENTRY_STAFF, resource: 'unit', states: ASSESSMENT_STATES },
  /** Submit, review, approve, return, reopen: who may do which, from which state, is the domain workflow's. */
  'assessment:transition': { roles: ENTRY_STAFF, resource: 'unit', states: ASSESSMENT_STATES },
  /** Approve or return many at once: reviewers only; each item is checked as a single transition. */
  'assessment:bulk': { roles: ['district', 'province', 'admin'], resource: 'unit' },
  /** Status boards: rows outside scope are left out. */
  'assessment:board': { roles: ROLES, resource: 'unit' },
  /** Submission deadlines per year are set by the province. */
  'deadline:set': { roles: PROVINCE_STAFF },
  'evidence:read': { roles: ROLES, resource: 'unit' },
  'evidence:upload': { roles: ENTRY_STAFF, resource: 'unit' },
  'workbook:export': { roles: ROLES, resource: 'unit' },
  'workbook:import': { roles: ENTRY_STAFF, resource: 'unit' },
  'dhis2:read': { roles: ROLES, resource: 'unit' },
  'dhis2:write': { roles: ENTRY_STAFF, resource: 'unit' },
  /** The mapping between local codes and DHIS2 identifiers. */
  'dhis2:mapping': { roles: PROVINCE_STAFF },
  'recognition:read': { roles: ROLES, resource: 'unit' },
  /** Recognition dossiers and decisions are kept by the province. */
  'recognition:write': { roles: PROVINCE_STAFF, resource: 'unit' },
  'audit:read': { roles: ROLES, resource: 'unit' },
  /** Plans, their targets and progress are public documents of the People's Committees: every account reads them. */
  'plan:read': { roles: ROLES },
  /** A plan is written by staff of the unit it is for (the province, a district before 1/7/2025). */
  'plan:write': { roles: ['district', 'province', 'admin'], resource: 'unit' },
} as const satisfies Record<ProtectedAction, Policy>;

export type { Action, ProtectedAction };

export function policyFor(action: ProtectedAction): Policy {
  return POLICIES[action];
}

export function isAction(value: unknown): value is Action {
  return value === 'public' || (typeof value === 'string' && Object.hasOwn(POLICIES, value));
}

export function inScope(user: SessionUser, unitId: number): boolean {
  return user.scope === 'all' || user.scope.has(unitId);
}

/**
 * Why `user` may not perform `action` on `resource`, or null when they may. Without a resource, only the role is
 * checked (what the access hook can know before the handler runs).
 */
export function denialFor(user: SessionUser | null, action: Action, resource?: Resource): Denial | null {
  if (action === 'public') return null;
  if (!user) return { code: 'UNAUTHENTICATED', message: 'Cần đăng nhập để dùng chức năng này' };
  const policy = policyFor(action);
  if (!policy.roles.includes(user.role))
    return { code: 'FORBIDDEN', message: 'Tài khoản không có quyền thực hiện thao tác này', details: { action, role: user.role } };
  if (!resource) return null;
  if (!inScope(user, resource.unitId))
    return { code: 'FORBIDDEN', message: 'Đơn vị này nằm ngoài phạm vi được giao cho tài khoản', details: { action, unitId: resource.unitId } };
  return policy.rule?.(user, resource) ?? null;
}

/** Whether `user` may perform `action` (on `resource`, when given). */
export function can(user: SessionUser | null, action: Action, resource?: Resource): boolean {
  return denialFor(user, action, resource) === null;
}
