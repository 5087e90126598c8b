import type { SessionUser } from './access.ts';

export function presentUser(u: SessionUser) {
  return { id: u.id, username: u.username, fullName: u.fullName, role: u.role, unitId: u.unitId };
}
