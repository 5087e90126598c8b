/** How long sessions live and how hard login is throttled; from the configuration (see README, Configuration). */
export interface AuthSettings {
  /** A session unused this long ends (CHUNGSUC_SESSION_IDLE_MINUTES). */
  idleMinutes: number;
  /** A session ends this long after login whatever happens (CHUNGSUC_SESSION_MAX_HOURS). */
  maxHours: number;
  /** Failed logins are counted over this window (CHUNGSUC_LOGIN_WINDOW_MINUTES). */
  loginWindowMinutes: number;
  /** Failures per account within the window before it is locked until the window passes (CHUNGSUC_LOGIN_MAX_FAILURES). */
  maxFailuresPerAccount: number;
  /** Failures per client address within the window (CHUNGSUC_LOGIN_MAX_FAILURES_PER_ADDRESS). */
  maxFailuresPerAddress: number;
}

export const DEFAULT_AUTH: AuthSettings = {
  idleMinutes: 240,
  maxHours: 7 * 24,
  loginWindowMinutes: 15,
  maxFailuresPerAccount: 5,
  maxFailuresPerAddress: 30,
};

export const idleSince = (s: AuthSettings, now: Date) => new Date(now.getTime() - s.idleMinutes * 60_000);
export const absoluteExpiry = (s: AuthSettings, now: Date) => new Date(now.getTime() + s.maxHours * 3_600_000);
