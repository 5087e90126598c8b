import type { Database } from '../db/client.ts';
import type { AuthSettings } from './auth/settings.ts';

export interface AppContext {
  database: Database;
  secureCookies: boolean;
  /** Session lifetimes and login throttle (defaults in auth/settings.ts). */
  auth?: AuthSettings;
  /** Origins besides this server's own that may send state-changing requests (CHUNGSUC_ALLOWED_ORIGINS). */
  allowedOrigins?: readonly string[];
}
