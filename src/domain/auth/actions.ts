/**
 * The actions a route can declare (besides `public`). The names are shared by the server, whose access policies
 * say who may perform each (src/server/auth/policies.ts must have exactly these keys), and by the web, which hides
 * entries a user could not use.
 */
export const ACTIONS = [
  'session',
  'overview:read',
  'evaluation:read',
  'unit:create',
  'set:import',
  'set:withdraw',
  'user:create',
  // Assessments (values, workflow, history).
  'assessment:read',
  'assessment:write',
  'assessment:transition',
  'assessment:bulk',
  'assessment:board',
  'deadline:set',
  // Evidence files.
  'evidence:read',
  'evidence:upload',
  // Excel round trip.
  'workbook:export',
  'workbook:import',
  // DHIS2 interchange.
  'dhis2:read',
  'dhis2:write',
  'dhis2:mapping',
  // Recognition register (QĐ 18/2022).
  'recognition:read',
  'recognition:write',
  // Audit trail.
  'audit:read',
  // Plans and their targets.
  'plan:read',
  'plan:write',
] as const;
export type ProtectedAction = (typeof ACTIONS)[number];
/** What a route does; each route names one in `config.access` (or `public`). */
export type Action = 'public' | ProtectedAction;
