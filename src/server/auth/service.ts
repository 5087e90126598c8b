import crypto from 'node:crypto';
import argon2 from 'argon2';
import type { Db } from '../../db/client.ts';
import { scopeIds, findUnitAsOf } from '../../db/repos/units.ts';
import { audit, deleteSession, findUserByUsername, insertSession, insertUser, userForSession, type UserRow } from '../../db/repos/users.ts';
import { DomainError } from '../../domain/errors.ts';
import { ROLES, type Role, type SessionUser } from './access.ts';

export const SESSION_COOKIE = 'chungsuc_session';
const SESSION_DAYS = 7;

const hashToken = (token: string) => crypto.createHash('sha256').update(token).digest('hex');

async function toSessionUser(db: Db, u: UserRow): Promise<SessionUser> {
  const role = u.role as Role;
  const scope = role === 'admin' || u.unitId === null ? 'all' : await scopeIds(db, u.unitId);
  return { id: u.id, username: u.username, fullName: u.fullName, role, unitId: u.unitId, scope };
}

// A fixed hash to verify against when the user does not exist, so both paths take the same time.
let dummyHash: Promise<string> | undefined;

/** Checks a password and opens a server-side session; returns the cookie token. */
export async function login(db: Db, username: string, password: string): Promise<{ token: string; user: SessionUser; expiresAt: Date }> {
  const u = await findUserByUsername(db, username);
  dummyHash ??= argon2.hash('không-dùng', { type: argon2.argon2id });
  const ok = u && u.active ? await argon2.verify(u.passwordHash, password) : (await argon2.verify(await dummyHash, password), false);
  if (!u || !ok) {
    await audit(db, { userId: u?.id ?? null, action: 'login-failed', entity: 'user', entityId: username });
    throw new DomainError('BAD_CREDENTIALS', 'Tên đăng nhập hoặc mật khẩu không đúng');
  }
  const token = crypto.randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + SESSION_DAYS * 86_400_000);
  await insertSession(db, hashToken(token), u.id, expiresAt);
  await audit(db, { userId: u.id, action: 'login', entity: 'user', entityId: String(u.id) });
  return { token, user: await toSessionUser(db, u), expiresAt };
}

export async function userFromToken(db: Db, token: string | undefined): Promise<SessionUser | null> {
  if (!token) return null;
  const u = await userForSession(db, hashToken(token), new Date());
  return u ? toSessionUser(db, u) : null;
}

export async function logout(db: Db, token: string | undefined): Promise<void> {
  if (token) await deleteSession(db, hashToken(token));
}

export interface NewUserInput {
  username: string;
  fullName: string;
  password: string;
  role: Role;
  unitCode: string;
  asOf: string;
}

/** Creates an account scoped to a unit in force on `asOf`. Accounts are created by admins, never self-registered. */
export async function createUser(db: Db, input: NewUserInput, byUserId: number | null): Promise<number> {
  if (!ROLES.includes(input.role)) throw new DomainError('VALIDATION', `Vai trò "${input.role}" không hợp lệ (${ROLES.join(', ')})`, { field: 'role' });
  if (input.password.length < 8) throw new DomainError('VALIDATION', 'Mật khẩu phải có ít nhất 8 ký tự', { field: 'password' });
  if (await findUserByUsername(db, input.username)) throw new DomainError('USER_EXISTS', `Đã có tài khoản "${input.username}"`, { field: 'username' });
  const unit = await findUnitAsOf(db, input.unitCode, input.asOf);
  if (!unit) throw new DomainError('UNIT_NOT_IN_FORCE', `Không có đơn vị hành chính mã "${input.unitCode}" vào ngày ${input.asOf}`, { field: 'unit' });
  const passwordHash = await argon2.hash(input.password, { type: argon2.argon2id });
  return db.transaction(async (tx) => {
    const id = await insertUser(tx, { username: input.username, fullName: input.fullName, passwordHash, role: input.role, unitId: unit.id });
    await audit(tx, {
      userId: byUserId,
      action: 'create',
      entity: 'user',
      entityId: String(id),
      data: { username: input.username, role: input.role, unit: unit.code },
    });
    return id;
  });
}
