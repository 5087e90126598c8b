import '../domain/zod-locale.ts';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { installAccessGuard } from './auth/guard.ts';
import { crossSiteGuard } from './auth/origin.ts';
import { authRoutes } from './auth/routes.ts';
import { SESSION_COOKIE, userFromToken } from './auth/service.ts';
import type { AppContext } from './context.ts';
import { criteriaRoutes } from './criteria/routes.ts';
import { registerDocs } from './docs.ts';
import { handleError, handleFrameworkError } from './errors.ts';
import { refuseBadText } from './text.ts';
import { evaluationRoutes } from './evaluation/routes.ts';
import { healthRoutes } from './health/routes.ts';
import { unitRoutes } from './units/routes.ts';

const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/web');

/** Builds the HTTP app: every route declares its access check, validates its input with Zod and errors share one shape. */
export async function buildApp(ctx: AppContext, opts: { logger?: boolean; serveWeb?: boolean } = {}): Promise<FastifyInstance> {
  const app = Fastify({ logger: opts.logger ?? false, bodyLimit: 2_000_000, frameworkErrors: handleFrameworkError }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  // Before any plugin, so that every route (the docs too) answers errors in the shared shape.
  app.setErrorHandler(handleError);
  await app.register(cookie);
  app.addHook('onRequest', crossSiteGuard(ctx.allowedOrigins ?? []));
  installAccessGuard(app, (req) => userFromToken(ctx.database.db, req.cookies[SESSION_COOKIE], ctx.auth));
  app.addHook('preValidation', refuseBadText);
  await registerDocs(app);

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
