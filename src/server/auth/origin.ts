import type { FastifyRequest } from 'fastify';
import { DomainError } from '../../domain/errors.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The origin a browser would send for this server: the Host header (behind a proxy, list the public origin). */
function ownOrigins(req: FastifyRequest, allowed: readonly string[]): string[] {
  const host = req.headers.host;
  return host ? [`http://${host}`, `https://${host}`, ...allowed] : [...allowed];
}

/**
 * Refuses state-changing requests another site makes a browser send (CSRF), on every route: by `Sec-Fetch-Site`
 * when the browser sends it (only `same-origin` and `none`, a user's own navigation, pass), else by `Origin`
 * (must be this server's). Programs that are not browsers (the CLI, curl, integrations) send neither header and
 * pass; they hold a session cookie only if they logged in themselves.
 */
export function crossSiteGuard(allowedOrigins: readonly string[]) {
  return async (req: FastifyRequest): Promise<void> => {
    if (SAFE_METHODS.has(req.method)) return;
    const site = req.headers['sec-fetch-site'];
    const origin = req.headers.origin;
    const refused =
      typeof site === 'string' ? site !== 'same-origin' && site !== 'none' : typeof origin === 'string' && !ownOrigins(req, allowedOrigins).includes(origin);
    if (refused)
      throw new DomainError('CROSS_SITE', 'Yêu cầu thay đổi dữ liệu đến từ một trang web khác nên bị từ chối; hãy thao tác trực tiếp trên Chung Sức', {
        origin: origin ?? null,
        secFetchSite: site ?? null,
      });
  };
}
