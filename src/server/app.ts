import '../domain/zod-locale.ts';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { DomainError } from '../domain/errors.ts';
import { installAccessGuard } from './auth/guard.ts';
import { authRoutes } from './auth/routes.ts';
import { SESSION_COOKIE, userFromToken } from './auth/service.ts';
import type { AppContext } from './context.ts';
import { criteriaRoutes } from './criteria/routes.ts';
import { statusFor } from './errors.ts';
import { evaluationRoutes } from './evaluation/routes.ts';
import { healthRoutes } from './health/routes.ts';
import { unitRoutes } from './units/routes.ts';

const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/web');

const FIELD_NAMES: Record<string, string> = {
  asOf: 'ngày (asOf)',
  year: 'năm',
  level: 'cấp',
  username: 'tên đăng nhập',
  password: 'mật khẩu',
  set: 'bộ tiêu chí',
  parentCode: 'xã',
  name: 'tên',
  type: 'loại',
  code: 'mã',
  validFrom: 'hiệu lực từ',
  legalBasis: 'căn cứ pháp lý',
  fileName: 'tên tệp',
  content: 'nội dung tệp',
  note: 'ghi chú',
};

/** Builds the HTTP app: every route declares its access check, validates its input with Zod and errors share one shape. */
export async function buildApp(ctx: AppContext, opts: { logger?: boolean; serveWeb?: boolean } = {}): Promise<FastifyInstance> {
  const app = Fastify({ logger: opts.logger ?? false, bodyLimit: 2_000_000 }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(cookie);
  installAccessGuard(app, (req) => userFromToken(ctx.database.db, req.cookies[SESSION_COOKIE]));
  await app.register(swagger, {
    openapi: { info: { title: 'Chung Sức API', description: 'API của hệ thống Chung Sức (nông thôn mới, phong trào thi đua)', version: '0.1.0' } },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  app.setErrorHandler((err: FastifyError | DomainError, req, reply) => {
    if (hasZodFastifySchemaValidationErrors(err)) {
      const issue = err.validation[0]!;
      const field =
        issue.instancePath.replace(/^\//, '').replace(/\//g, '.') || String((issue.params as { issue?: { path?: unknown[] } }).issue?.path?.join('.') ?? '');
      const label = FIELD_NAMES[field] ?? field;
      return reply.code(400).send({
        error: {
          code: 'VALIDATION',
          message: `Dữ liệu không hợp lệ${label ? ` ở trường "${label}"` : ''}: ${issue.message}`,
          details: { field, context: err.validationContext },
        },
      });
    }
    if (err instanceof DomainError) return reply.code(statusFor(err.code)).send({ error: { code: err.code, message: err.message, details: err.details } });
    const status = err.statusCode ?? 500;
    if (status < 500) {
      const code = err.code ?? 'BAD_REQUEST';
      const message =
        code === 'FST_ERR_CTP_INVALID_JSON_BODY' || code === 'FST_ERR_CTP_EMPTY_JSON_BODY'
          ? 'Nội dung gửi lên không phải JSON hợp lệ'
          : code === 'FST_ERR_CTP_BODY_TOO_LARGE'
            ? 'Nội dung gửi lên quá lớn'
            : 'Yêu cầu không hợp lệ';
      return reply.code(status).send({ error: { code: code.startsWith('FST_ERR_CTP') ? 'INVALID_BODY' : code, message, details: { reason: err.message } } });
    }
    req.log.error(err);
    return reply.code(500).send({ error: { code: 'INTERNAL', message: 'Lỗi máy chủ, vui lòng thử lại sau' } });
  });

  await app.register(healthRoutes(ctx));
  await app.register(authRoutes(ctx));
  await app.register(unitRoutes(ctx));
  await app.register(criteriaRoutes(ctx));
  await app.register(evaluationRoutes(ctx));

  if (opts.serveWeb !== false && fs.existsSync(path.join(WEB_DIST, 'index.html'))) {
    await app.register(fastifyStatic, {
      root: WEB_DIST,
      wildcard: false,
      maxAge: '1h',
      setHeaders: (reply, p) => {
        if (p.endsWith('index.html')) void reply.header('Cache-Control', 'no-cache');
      },
    });
  }
  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/') || req.method !== 'GET' || !fs.existsSync(path.join(WEB_DIST, 'index.html')))
      return reply.code(404).send({ error: { code: 'NOT_FOUND', message: `Không tìm thấy ${req.method} ${req.url.split('?')[0]}` } });
    return reply.header('Cache-Control', 'no-cache').sendFile('index.html');
  });
  return app;
}
