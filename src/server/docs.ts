import type { FastifyInstance, RouteOptions } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { SESSION_COOKIE } from './auth/service.ts';
import { errorResponses, type ErrorStatus } from './contracts.ts';

const HOW_TO_LOG_IN =
  `Đăng nhập bằng \`POST /api/auth/login\` với \`{"username", "password"}\`: máy chủ đặt cookie \`${SESSION_COOKIE}\` ` +
  '(httpOnly, SameSite=Lax) mà các yêu cầu sau gửi kèm. Yêu cầu thay đổi dữ liệu từ trình duyệt phải cùng nguồn (Origin) với máy chủ; ' +
  'chương trình không phải trình duyệt (curl, script) không gửi Origin nên không bị chặn. Đăng xuất: `POST /api/auth/logout`; ' +
  'mọi nơi: `POST /api/auth/logout-all`.';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * A response schema without a description of its own gets one (never "Default Response"): a 2xx one the route's
 * summary, an error one the shared description of its status.
 */
function described(schema: unknown, status: string, summary: string | undefined): unknown {
  if (!(schema instanceof z.ZodType) || schema.description) return schema;
  if (status.startsWith('2')) return schema.describe(summary ?? 'Kết quả');
  const shared = errorResponses(Number(status) as ErrorStatus)[Number(status) as ErrorStatus] as z.ZodType | undefined;
  return shared?.description ? schema.describe(shared.description) : schema;
}

/**
 * Every API route documents the errors any route can give (the shared error body): 400 for input (text that cannot
 * be stored is refused everywhere), 401/403 where a session is needed or the request changes data, 500. Routes list
 * their own further errors (404, 409…); what they list is kept.
 */
function documentErrors(route: RouteOptions): void {
  if (!route.url.startsWith('/api/') || route.url.startsWith('/api/docs')) return;
  const access = route.config?.access;
  const statuses: ErrorStatus[] = [400, 500];
  const methods = [route.method].flat();
  if (access !== 'public') statuses.push(401, 403);
  else if (methods.some((m) => UNSAFE.has(m))) statuses.push(403);
  const schema = (route.schema ??= {});
  const own = Object.entries((schema.response ?? {}) as Record<string, unknown>).map(([status, s]) => [status, described(s, status, schema.summary)]);
  schema.response = { ...errorResponses(...statuses), ...Object.fromEntries(own) };
  (schema as { security?: unknown }).security = access === 'public' ? [] : [{ session: [] }];
}

/** OpenAPI at /api/docs: real response schemas, the session cookie as the security scheme, errors per route. */
export async function registerDocs(app: FastifyInstance, opts: { https: boolean }): Promise<void> {
  app.addHook('onRoute', documentErrors);
  await app.register(swagger, {
    openapi: {
      info: { title: 'Chung Sức API', description: `API của hệ thống Chung Sức (nông thôn mới, phong trào thi đua).\n\n${HOW_TO_LOG_IN}`, version: '0.1.0' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE, description: HOW_TO_LOG_IN } } },
    },
    transform: jsonSchemaTransform,
  });
  // Swagger UI brings its own page: its own policy (hashes of its inline scripts), without the HTTPS upgrade on plain HTTP.
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    staticCSP: true,
    transformStaticCSP: (header) =>
      (opts.https ? header : header.replace(/\s*upgrade-insecure-requests;?/, ''))
        .replace("frame-ancestors 'self'", "frame-ancestors 'none'")
        // Swagger UI sets inline styles at run time; with a hash in the list the browser would ignore 'unsafe-inline'.
        .replace(/style-src [^;]*;/, "style-src 'self' 'unsafe-inline';"),
  });
}
