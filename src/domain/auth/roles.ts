/** The roles an account can have; who may do what with each is in the server's access policies. */
export const ROLES = ['admin', 'province', 'district', 'commune', 'viewer'] as const;
export type Role = (typeof ROLES)[number];
