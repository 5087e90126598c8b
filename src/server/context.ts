import type { Database } from '../db/client.ts';

export interface AppContext {
  database: Database;
  secureCookies: boolean;
}
