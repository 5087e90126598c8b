/**
 * The actions a route can declare (besides `public`). The names are shared by the server, whose access policies
 * say who may perform each (src/server/auth/policies.ts must have exactly these keys), and by the web, which hides
 * entries a user could not use.
 */
export const ACTIONS = ['session', 'overview:read', 'evaluation:read', 'unit:create', 'set:import', 'set:withdraw', 'user:create'] as const;
export type ProtectedAction = (typeof ACTIONS)[number];
/** What a route does; each route names one in `config.access` (or `public`). */
export type Action = 'public' | ProtectedAction;
