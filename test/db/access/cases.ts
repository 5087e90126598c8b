/** The shape of access matrix rows (test/db/access-matrix.test.ts), shared by the files that hold each feature's rows. */
import type { FastifyInstance, InjectOptions } from 'fastify';
import type { Database } from '../../../src/db/client.ts';

export const ROLES = ['anonymous', 'viewer', 'commune', 'district', 'province', 'admin'] as const;
export type Role = (typeof ROLES)[number];
export type Expected = Record<Role, number>;

/** Demo account of each role (see src/seed/demo.ts). */
export const ACCOUNT: Record<Exclude<Role, 'anonymous'>, string> = {
  viewer: 'xem',
  commune: 'xa.hoaan',
  district: 'huyen.hoaan',
  province: 'tinh',
  admin: 'admin',
};

export const everyone = (status: number): Expected => ({
  anonymous: status,
  viewer: status,
  commune: status,
  district: status,
  province: status,
  admin: status,
});
export const signedIn = (status: number): Expected => ({ ...everyone(status), anonymous: 401 });
export const provinceAndAdmin = (status: number): Expected => ({ anonymous: 401, viewer: 403, commune: 403, district: 403, province: status, admin: status });

export interface Case {
  /** The request made for the route (a route with parameters needs real values; scope cases pick one per account). */
  request: (role: Role) => InjectOptions | Promise<InjectOptions>;
  expected: Expected;
  /** The request ends the session it is made with, so it gets a session of its own. */
  ownSession?: boolean;
  /** The request ends every session of the account, so the shared sessions are opened again after it. */
  endsEverySession?: boolean;
  /** For a list filtered by scope: checks what each account is shown. */
  shows?: (role: Role, body: unknown, all: unknown) => void | Promise<void>;
  /** Brings the data into the situation the case is about (e.g. an assessment in a given state), once, first. */
  before?: () => Promise<void>;
}

/**
 * One case per situation where access differs. A route whose action is scoped to a resource needs an `in scope`
 * and an `out of scope` case (or, for a list, a `shows` check), and one case `state: <s>` for each state its
 * policy names.
 */
export type Row = Record<string, Case>;

/** A route where access is the same in every situation. */
export const one = (c: Case): Row => ({ any: c });

/** Accounts that enter data (not viewers, not anonymous). */
export const entryStaff = (status: number): Expected => ({ anonymous: 401, viewer: 403, commune: status, district: status, province: status, admin: status });

/** The app and database the matrix runs on, with an admin session, for cases that prepare data or read versions. */
export const matrixContext: { app?: FastifyInstance; db?: Database; admin?: Record<string, string> } = {};
