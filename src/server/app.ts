import '../domain/zod-locale.ts';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyReply, type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import compress from '@fastify/compress';
import fastifyStatic from '@fastify/static';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { installAccessGuard } from './auth/guard.ts';
import { crossSiteGuard } from './auth/origin.ts';
import { auditRoutes } from './audit/routes.ts';
import { authRoutes } from './auth/routes.ts';
import { SESSION_COOKIE, userFromToken } from './auth/service.ts';
import type { AppContext } from './context.ts';
import { criteriaRoutes } from './criteria/routes.ts';
import { dhis2Routes } from './dhis2/routes.ts';
import { registerDocs } from './docs.ts';
import { handleError, handleFrameworkError } from './errors.ts';
import { registerSecurityHeaders } from './security.ts';
import { refuseBadText } from './text.ts';
import { assessmentRoutes } from './assessments/routes.ts';
import { boardRoutes } from './boards/routes.ts';
import { evaluationRoutes } from './evaluation/routes.ts';
import { evidenceRoutes } from './evidence/routes.ts';
import { healthRoutes } from './health/routes.ts';
import { planRoutes } from './plans/routes.ts';
import { mapRoutes } from './maps/routes.ts';
import { recognitionRoutes } from './recognition/routes.ts';
import { unitRoutes } from './units/routes.ts';
import { workbookRoutes } from './workbooks/routes.ts';

const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/web');

/** Builds the HTTP app: every route declares its access check, validates its input with Zod and errors share one shape. */
export async function buildApp(ctx: AppContext, opts: { logger?: boolean; serveWeb?: boolean } = {}): Promise<FastifyInstance> {
  const webIndex = opts.serveWeb !== false && fs.existsSync(path.join(WEB_DIST, 'index.html')) ? path.join(WEB_DIST, 'index.html') : null;
  const app = Fastify({
    logger: opts.logger ?? false,
    bodyLimit: 2_000_000,
    // A page address the browser could not encode (`/don-vi/%E0%A4%A`) still gets the app, which shows its not-found
    // page; API clients get the error.
    frameworkErrors: (err, req, reply) => {
      if (webIndex && err.code === 'FST_ERR_BAD_URL' && req.method === 'GET' && !req.url.startsWith('/api/')) {
        void (reply as FastifyReply).status(404).type('text/html; charset=utf-8').header('Cache-Control', 'no-cache').send(fs.readFileSync(webIndex, 'utf8'));
        return;
      }
      handleFrameworkError(err, req, reply);
    },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  // Before any plugin, so that every route (the docs too) answers errors in the shared shape.
  app.setErrorHandler(handleError);
  await registerSecurityHeaders(app, { https: ctx.secureCookies });
  // API answers (the overview's JSON is tens of kB) travel compressed; built files are already compressed at build
  // time and sent as they are. Brotli at a low quality: little CPU per answer for most of the gain.
  await app.register(compress, {
    global: true,
    threshold: 1024,
    encodings: ['br', 'gzip'],
    brotliOptions: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } },
  });
  await app.register(cookie);
  app.addHook('onRequest', crossSiteGuard(ctx.allowedOrigins ?? []));
  installAccessGuard(app, (req) => userFromToken(ctx.database.db, req.cookies[SESSION_COOKIE], ctx.auth));
  app.addHook('preValidation', refuseBadText);
  await registerDocs(app, { https: ctx.secureCookies });

  await app.register(healthRoutes(ctx));
  await app.register(authRoutes(ctx));
  await app.register(unitRoutes(ctx));
  await app.register(criteriaRoutes(ctx));
  await app.register(evaluationRoutes(ctx));
  await app.register(assessmentRoutes(ctx));
  // evidence
  await app.register(evidenceRoutes(ctx));
  // workbooks
  await app.register(workbookRoutes(ctx));
  // dhis2
  await app.register(dhis2Routes(ctx));
  // audit
  await app.register(auditRoutes(ctx));
  // boards
  await app.register(boardRoutes(ctx));
  // recognition
  await app.register(recognitionRoutes(ctx));
  // plans
  await app.register(planRoutes(ctx));
  // maps
  await app.register(mapRoutes(ctx));

  if (webIndex) {
    await app.register(fastifyStatic, {
      root: WEB_DIST,
      wildcard: false,
      // The build writes .br and .gz beside each file: sent as they are, never compressed per request.
      preCompressed: true,
      cacheControl: false,
      setHeaders: (reply, file) => {
        // Files under assets/ carry a content hash in their name: a new build gives new names, so they never change.
        const hashed = path.relative(WEB_DIST, file).split(path.sep)[0] === 'assets';
        void reply.header('Cache-Control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
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
