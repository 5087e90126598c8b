import type { Role } from '../../domain/auth/roles.ts';
import type { Action } from '../../domain/auth/actions.ts';
import type { User } from '../api/types.ts';

/** The server's actions that have a screen of their own; the server checks them again on every request. */
export type ScreenAction = Extract<
  Action,
  'set:import' | 'set:withdraw' | 'unit:create' | 'assessment:write' | 'workbook:import' | 'recognition:write' | 'plan:write'
>;

/**
 * Which roles see each action's entry. A copy of the server's POLICY (src/server/auth/access.ts) so that no server
 * code is bundled; a unit test keeps the two equal.
 */
export const SCREEN_POLICY: Record<ScreenAction, readonly Role[]> = {
  'set:import': ['admin', 'province'],
  'set:withdraw': ['admin', 'province'],
  'unit:create': ['admin', 'province'],
  'assessment:write': ['commune', 'district', 'province', 'admin'],
  'workbook:import': ['commune', 'district', 'province', 'admin'],
  'recognition:write': ['admin', 'province'],
  'plan:write': ['district', 'province', 'admin'],
};

/** Whether the logged-in user may perform the action (hides entries they could not use). */
export function can(user: User | null | undefined, action: ScreenAction): boolean {
  return Boolean(user && SCREEN_POLICY[action].includes(user.role));
}
