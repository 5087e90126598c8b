import { describe, expect, it } from 'vitest';
import { can, denialFor, isAction, POLICIES, type SessionUser } from './policies.ts';

const user = (role: SessionUser['role'], scope: SessionUser['scope']): SessionUser => ({ id: 1, username: 'u', fullName: 'U', role, unitId: 7, scope });

describe('access policies', () => {
  it('refuse without a session (401), the wrong role (403), and a resource out of scope (403)', () => {
    expect(denialFor(null, 'session')?.code).toBe('UNAUTHENTICATED');
    expect(denialFor(user('viewer', 'all'), 'unit:create')?.code).toBe('FORBIDDEN');
    const commune = user('province', new Set([7, 8]));
    expect(can(commune, 'unit:create', { kind: 'unit', unitId: 8 })).toBe(true);
    expect(denialFor(commune, 'unit:create', { kind: 'unit', unitId: 9 })).toMatchObject({ code: 'FORBIDDEN', details: { unitId: 9 } });
  });

  it('let everyone do public actions and check only the role when no resource is given', () => {
    expect(can(null, 'public')).toBe(true);
    expect(can(user('commune', new Set()), 'evaluation:read')).toBe(true);
    expect(can(user('commune', new Set()), 'evaluation:read', { kind: 'unit', unitId: 1 })).toBe(false);
  });

  it('know exactly the declared actions', () => {
    for (const action of Object.keys(POLICIES)) expect(isAction(action)).toBe(true);
    expect(isAction('public')).toBe(true);
    expect(isAction('toString')).toBe(false);
    expect(isAction(undefined)).toBe(false);
  });
});
