import type { SessionUser } from './policies.ts';
import type { SessionUserBody } from './schema.ts';

export function presentUser(u: SessionUser): SessionUserBody {
  return { id: u.id, username: u.username, fullName: u.fullName, role: u.role, unitId: u.unitId };
}
