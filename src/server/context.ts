import type { Database } from '../db/client.ts';
import type { Action, SessionUser } from './auth/access.ts';

declare module 'fastify' {
  interface FastifyRequest {
    user: SessionUser | null;
  }
  interface FastifyContextConfig {
    /** The access check of the route; every route must declare one. */
    access?: Action;
  }
}

export interface AppContext {
  database: Database;
  secureCookies: boolean;
}
