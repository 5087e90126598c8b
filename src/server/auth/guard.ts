import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DomainError } from '../../domain/errors.ts';
import { assertCan } from './access.ts';
import { can, isAction, policyFor, type Action, type ProtectedAction, type Resource, type SessionUser } from './policies.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in account; set by the access hook on every route whose action is not `public`. */
    user: SessionUser | null;
    /** Whether the handler showed the resource to the policy (scoped actions must). */
    accessChecked: boolean;
    /** Throws 403 unless the route's declared action is allowed on `resource` (scope, then the policy's rule). */
    authorizeResource(resource: Resource): void;
    /** The items whose resource the route's declared action is allowed on (list routes of a scoped action). */
    visibleOnly<T>(items: readonly T[], resourceOf: (item: T) => Resource): T[];
  }
  interface FastifyContextConfig {
    /** The access check of the route; every API route must declare one. */
    access?: Action;
  }
}

/** The signed-in account of a route that is not `public` (the access hook guarantees one). */
export function sessionUser(req: FastifyRequest): SessionUser {
  if (!req.user) throw new DomainError('UNAUTHENTICATED', 'Cần đăng nhập để dùng chức năng này');
  return req.user;
}

function scopedAction(req: FastifyRequest): ProtectedAction {
  const access = req.routeOptions.config.access;
  if (!access || access === 'public' || !policyFor(access).resource)
    throw new Error(`Route ${req.method} ${req.routeOptions.url ?? req.url} checks a resource but its action (${String(access)}) is not scoped to one`);
  return access;
}

function needsResourceCheck(req: FastifyRequest): boolean {
  const access = req.routeOptions.config.access;
  return Boolean(access && access !== 'public' && policyFor(access).resource);
}

/**
 * Enforces every route's declared action in one place: routes must declare one; before the body is read the
 * session is loaded and the role refused; a scoped route that answers 2xx without having checked its resource
 * is answered with a 500 instead, so a forgotten scope check fails closed (and fails the tests).
 */
export function installAccessGuard(app: FastifyInstance, loadUser: (req: FastifyRequest) => Promise<SessionUser | null>): void {
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/') || route.url.startsWith('/api/docs')) return;
    if (!isAction(route.config?.access)) throw new Error(`Route ${String(route.method)} ${route.url} has no known access check (config.access)`);
  });
  app.decorateRequest('user', null);
  app.decorateRequest('accessChecked', false);
  app.decorateRequest('authorizeResource', function (this: FastifyRequest, resource: Resource) {
    const action = scopedAction(this);
    this.accessChecked = true;
    assertCan(this.user, action, resource);
  });
  app.decorateRequest('visibleOnly', function <T>(this: FastifyRequest, items: readonly T[], resourceOf: (item: T) => Resource): T[] {
    const action = scopedAction(this);
    this.accessChecked = true;
    return items.filter((item) => can(this.user, action, resourceOf(item)));
  });

  // onRequest runs before the body is read: an anonymous or wrong-role request never gets its body parsed.
  app.addHook('onRequest', async (req) => {
    const access = req.routeOptions.config.access;
    if (!access || access === 'public') return;
    req.user = await loadUser(req);
    assertCan(req.user, access);
  });

  app.addHook('onSend', async (req, reply, payload) => {
    if (reply.statusCode >= 300 || req.accessChecked || !needsResourceCheck(req)) return payload;
    req.log.error({ route: req.routeOptions.url, action: req.routeOptions.config.access }, 'scoped route answered without checking its resource');
    void reply.code(500).type('application/json; charset=utf-8');
    return JSON.stringify({ error: { code: 'ACCESS_UNCHECKED', message: 'Lỗi máy chủ: quyền truy cập chưa được kiểm tra, vui lòng báo quản trị viên' } });
  });
}
