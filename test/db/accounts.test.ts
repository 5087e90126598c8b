import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { queryRows, type Database } from '../../src/db/client.ts';
import { findUnitAsOf } from '../../src/db/repos/units.ts';
import { countUsers, insertSession } from '../../src/db/repos/users.ts';
import { createUser, login, logout, purgeExpired, userFromToken } from '../../src/server/auth/service.ts';
import { backends } from './backends.ts';
import { codeOf } from './errors.ts';

const PASSWORD = 'mat-khau-thu-nghiem';

describe.each(backends)('accounts and sessions on $name', (backend) => {
  let d: Database;
  beforeAll(async () => {
    d = await backend.shared();
    await createUser(d.db, { username: 'can.bo.xa', fullName: 'Cán bộ xã', password: PASSWORD, role: 'commune', unitCode: '01654', asOf: '2025-07-01' }, null);
    await createUser(d.db, { username: 'quan.tri', fullName: 'Quản trị', password: PASSWORD, role: 'admin', unitCode: '04', asOf: '2025-07-01' }, null);
  });

  const sessionCount = async () => Number((await queryRows<{ n: number }>(d.db, sql`SELECT count(*)::int AS n FROM sessions`))[0]!.n);

  it('creates accounts scoped to a unit in force, refusing bad input and writing nothing then', async () => {
    const before = await countUsers(d.db);
    const base = { username: 'moi', fullName: 'Mới', password: PASSWORD, role: 'viewer' as const, unitCode: '04', asOf: '2025-07-01' };
    expect(await codeOf(createUser(d.db, { ...base, username: 'can.bo.xa' }, null))).toBe('USER_EXISTS');
    expect(await codeOf(createUser(d.db, { ...base, unitCode: '01666' }, null))).toBe('UNIT_NOT_IN_FORCE');
    expect(await codeOf(createUser(d.db, { ...base, password: 'ngan' }, null))).toBe('VALIDATION');
    expect(await codeOf(createUser(d.db, { ...base, role: 'superuser' as never }, null))).toBe('VALIDATION');
    expect(await countUsers(d.db)).toBe(before);
  });

  it('logs in with the right password and gives the session user their scope', async () => {
    const { token, user } = await login(d.db, 'can.bo.xa', PASSWORD);
    expect(user).toMatchObject({ username: 'can.bo.xa', role: 'commune' });
    const hoaAn = (await findUnitAsOf(d.db, '01654', '2025-07-01'))!;
    const daiTien = (await findUnitAsOf(d.db, '01666', '2025-06-30'))!;
    const other = (await findUnitAsOf(d.db, '01304', '2025-07-01'))!;
    const fromCookie = await userFromToken(d.db, token);
    expect(fromCookie?.username).toBe('can.bo.xa');
    const scope = fromCookie!.scope as Set<number>;
    expect(scope.has(hoaAn.id)).toBe(true);
    expect(scope.has(daiTien.id)).toBe(true);
    expect(scope.has(other.id)).toBe(false);
    expect((await login(d.db, 'quan.tri', PASSWORD)).user.scope).toBe('all');
  });

  it('refuses a wrong password and an unknown user alike, recording the attempt', async () => {
    const failed = async () =>
      Number((await queryRows<{ n: number }>(d.db, sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'login-failed'`))[0]!.n);
    const before = await failed();
    const sessions = await sessionCount();
    expect(await codeOf(login(d.db, 'can.bo.xa', 'sai'))).toBe('BAD_CREDENTIALS');
    expect(await codeOf(login(d.db, 'khong.ai', PASSWORD))).toBe('BAD_CREDENTIALS');
    expect(await failed()).toBe(before + 2);
    expect(await sessionCount()).toBe(sessions);
  });

  it('stores only a hash of the session token', async () => {
    const { token } = await login(d.db, 'can.bo.xa', PASSWORD);
    const hash = crypto.createHash('sha256').update(token).digest('hex');
    const rows = await queryRows<{ token_hash: string }>(d.db, sql`SELECT token_hash FROM sessions`);
    expect(rows.map((r) => r.token_hash)).toContain(hash);
    expect(rows.map((r) => r.token_hash)).not.toContain(token);
  });

  it('ends a session on logout, and ignores expired sessions and unknown tokens', async () => {
    const { token } = await login(d.db, 'can.bo.xa', PASSWORD);
    await logout(d.db, token);
    expect(await userFromToken(d.db, token)).toBeNull();
    expect(await userFromToken(d.db, 'khong-co')).toBeNull();
    expect(await userFromToken(d.db, undefined)).toBeNull();

    const user = (await queryRows<{ id: number }>(d.db, sql`SELECT id FROM users WHERE username = 'can.bo.xa'`))[0]!;
    const expired = 'phien-het-han';
    await insertSession(d.db, crypto.createHash('sha256').update(expired).digest('hex'), Number(user.id), new Date(Date.now() - 60_000));
    expect(await userFromToken(d.db, expired)).toBeNull();
    const before = await sessionCount();
    await purgeExpired(d.db);
    expect(await sessionCount()).toBe(before - 1);
  });

  it('shuts out a deactivated account, including its open sessions', async () => {
    const { token } = await login(d.db, 'quan.tri', PASSWORD);
    await d.db.execute(sql`UPDATE users SET active = false WHERE username = 'quan.tri'`);
    try {
      expect(await userFromToken(d.db, token)).toBeNull();
      expect(await codeOf(login(d.db, 'quan.tri', PASSWORD))).toBe('BAD_CREDENTIALS');
    } finally {
      await d.db.execute(sql`UPDATE users SET active = true WHERE username = 'quan.tri'`);
    }
  });
});
