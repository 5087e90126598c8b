import { DomainError } from '../../domain/errors.ts';
import { denialFor, type Action, type Resource, type SessionUser } from './policies.ts';

export { can, POLICIES, ROLES, type Action, type Resource, type Role, type SessionUser } from './policies.ts';

/** Throws the policy's refusal (401 or 403) unless `user` may perform `action` (on `resource`, when given). */
export function assertCan(user: SessionUser | null, action: Action, resource?: Resource): void {
  const denial = denialFor(user, action, resource);
  if (denial) throw new DomainError(denial.code, denial.message, denial.details);
}
