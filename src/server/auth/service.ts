import crypto from 'node:crypto';
import argon2 from 'argon2';
import type { Db } from '../../db/client.ts';
import { scopeIds, findUnitAsOf } from '../../db/repos/units.ts';
import { purgeLoginFailures } from '../../db/repos/login-failures.ts';
import {
  audit,
  deleteSession,
  deleteUserSessions,
  findUserByUsername,
  insertSession,
  insertUser,
  purgeExpiredSessions,
  userForSession,
  type UserRow,
} from '../../db/repos/users.ts';
import { DomainError } from '../../domain/errors.ts';
import { ROLES, type Role, type SessionUser } from './access.ts';
import { absoluteExpiry, DEFAULT_AUTH, idleSince, type AuthSettings } from './settings.ts';
import { assertLoginAllowed, clearAccountFailures, loginKeys, recordFailure, usernameHash } from './throttle.ts';

export const SESSION_COOKIE = 'chungsuc_session';

const hashToken = (token: string) => crypto.createHash('sha256').update(token).digest('hex');

async function toSessionUser(db: Db, u: UserRow): Promise<SessionUser> {
  const role = u.role as Role;
  const scope = role === 'admin' || u.unitId === null ? 'all' : await scopeIds(db, u.unitId);
  return { id: u.id, username: u.username, fullName: u.fullName, role, unitId: u.unitId, scope };
}

// A fixed hash to verify against when the user does not exist, so both paths take the same time.
let dummyHash: Promise<string> | undefined;

export interface LoginOptions {
  settings?: AuthSettings;
  /** The client's address, for the per-address throttle. */
  address?: string;
  /** The session the request came with, ended at login so that a session id fixed before login is worthless. */
  previousToken?: string | undefined;
  now?: Date;
}

/**
 * Checks a password and opens a server-side session; returns the cookie token. Throttled per account and per
 * address (429 TOO_MANY_ATTEMPTS); failures are audited with the account id or a hash of the name typed, never
 * the name itself.
 */
export async function login(
  db: Db,
  username: string,
  password: string,
  opts: LoginOptions = {},
): Promise<{ token: string; user: SessionUser; expiresAt: Date }> {
  const settings = opts.settings ?? DEFAULT_AUTH;
  const now = opts.now ?? new Date();
  const keys = loginKeys(username, opts.address ?? 'unknown');
  await assertLoginAllowed(db, keys, settings, now);
  const u = await findUserByUsername(db, username);
  dummyHash ??= argon2.hash('không-dùng', { type: argon2.argon2id });
  const ok = u && u.active ? await argon2.verify(u.passwordHash, password) : (await argon2.verify(await dummyHash, password), false);
  if (!u || !ok) {
    await recordFailure(db, keys, now);
    await audit(db, {
      userId: u?.id ?? null,
      action: 'login-failed',
      entity: 'user',
      entityId: u ? String(u.id) : undefined,
      data: { usernameHash: usernameHash(username) },
    });
    throw new DomainError('BAD_CREDENTIALS', 'Tên đăng nhập hoặc mật khẩu không đúng');
  }
  await clearAccountFailures(db, keys);
  if (opts.previousToken) await deleteSession(db, hashToken(opts.previousToken));
  const token = crypto.randomBytes(32).toString('base64url');
  const expiresAt = absoluteExpiry(settings, now);
  await insertSession(db, hashToken(token), u.id, expiresAt);
  await audit(db, { userId: u.id, action: 'login', entity: 'user', entityId: String(u.id) });
  return { token, user: await toSessionUser(db, u), expiresAt };
}

/** The account of a live session (not idle too long, not past its absolute expiry), or null. */
export async function userFromToken(db: Db, token: string | undefined, settings = DEFAULT_AUTH, now = new Date()): Promise<SessionUser | null> {
  if (!token) return null;
  const u = await userForSession(db, hashToken(token), now, idleSince(settings, now));
  return u ? toSessionUser(db, u) : null;
}

export async function logout(db: Db, token: string | undefined): Promise<void> {
  if (token) await deleteSession(db, hashToken(token));
}

/** Ends every session of the user, on every device ("đăng xuất mọi nơi"). */
export async function logoutEverywhere(db: Db, user: SessionUser): Promise<number> {
  const ended = await deleteUserSessions(db, user.id);
  await audit(db, { userId: user.id, action: 'logout-all', entity: 'user', entityId: String(user.id), data: { sessions: ended } });
  return ended;
}

/** Deletes expired and idle sessions and failed logins older than the throttle window. */
export async function purgeExpired(db: Db, settings = DEFAULT_AUTH, now = new Date()): Promise<number> {
  await purgeLoginFailures(db, new Date(now.getTime() - settings.loginWindowMinutes * 60_000));
  return purgeExpiredSessions(db, now, idleSince(settings, now));
}

/** Purges expired sessions now and then every `everyMs` while the server runs; returns the function that stops it. */
export function startSessionPurge(db: Db, settings = DEFAULT_AUTH, everyMs = 10 * 60_000): () => void {
  const run = () => void purgeExpired(db, settings).catch(() => undefined);
  run();
  const timer = setInterval(run, everyMs);
  timer.unref();
  return () => clearInterval(timer);
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
