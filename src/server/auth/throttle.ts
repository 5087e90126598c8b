import crypto from 'node:crypto';
import type { Db } from '../../db/client.ts';
import { clearLoginFailures, loginFailuresSince, recordLoginFailure } from '../../db/repos/login-failures.ts';
import { DomainError } from '../../domain/errors.ts';
import type { AuthSettings } from './settings.ts';

/** A short hash of a username as typed: the throttle and the audit log never hold the attacker-chosen string. */
export const usernameHash = (username: string) => crypto.createHash('sha256').update(username.trim().toLowerCase()).digest('hex').slice(0, 24);

export interface LoginKeys {
  account: string;
  address: string;
}

export const loginKeys = (username: string, address: string): LoginKeys => ({ account: `account:${usernameHash(username)}`, address: `address:${address}` });

/**
 * Refuses with 429 TOO_MANY_ATTEMPTS while the account or the address has had too many failed logins within the
 * window (counted in the database, so every app server agrees); `retryAfter` is when the oldest failure leaves it.
 */
export async function assertLoginAllowed(db: Db, keys: LoginKeys, s: AuthSettings, now: Date): Promise<void> {
  const windowMs = s.loginWindowMinutes * 60_000;
  const counts = await loginFailuresSince(db, [keys.account, keys.address], new Date(now.getTime() - windowMs));
  const limits: [string, number, string][] = [
    [keys.account, s.maxFailuresPerAccount, 'tài khoản này'],
    [keys.address, s.maxFailuresPerAddress, 'địa chỉ máy này'],
  ];
  for (const [key, max, who] of limits) {
    const c = counts.get(key);
    if (!c || c.count < max) continue;
    const retryAfter = Math.max(1, Math.ceil((c.oldest.getTime() + windowMs - now.getTime()) / 1000));
    const minutes = Math.ceil(retryAfter / 60);
    throw new DomainError('TOO_MANY_ATTEMPTS', `Đăng nhập sai quá nhiều lần từ ${who}: hãy thử lại sau ${minutes} phút`, {
      retryAfter,
      limit: key === keys.account ? 'account' : 'address',
    });
  }
}

export const recordFailure = (db: Db, keys: LoginKeys, now: Date) => recordLoginFailure(db, [keys.account, keys.address], now);

/** A successful login clears its account's failures (the address keeps its own). */
export const clearAccountFailures = (db: Db, keys: LoginKeys) => clearLoginFailures(db, keys.account);
