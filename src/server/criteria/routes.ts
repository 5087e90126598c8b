import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { DomainError } from '../../domain/errors.ts';
import { sessionUser } from '../auth/guard.ts';
import type { AppContext } from '../context.ts';
import { loadPendingAnnexes, parseSetBuffer } from '../../interchange/criteria/files.ts';
import { presentSet } from './present.ts';
import { getRegistry, importSet } from './service.ts';

const setParams = z.object({ id: z.string().min(1).max(100) });
const importBody = z.object({
  fileName: z.string().regex(/\.(json|xlsx)$/i, 'tệp phải là .json hoặc .xlsx'),
  /** The file's bytes, base64-encoded. */
  content: z.string().min(1, 'tệp rỗng').max(15_000_000, 'tệp quá lớn (tối đa 10 MB)'),
  note: z.string().max(500).optional(),
});

export function criteriaRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/api/sets', { config: { access: 'public' }, schema: { summary: 'Các bộ tiêu chí (mọi phiên bản)', tags: ['bộ tiêu chí'] } }, async () => {
      const registry = await getRegistry(ctx.database.db);
      return {
        sets: registry.all().map((s) => ({ ...registry.summary(s), family: s.family, sample: s.sample, indicatorsPending: s.indicatorsPending, tier: s.tier })),
        pending: loadPendingAnnexes(),
      };
    });
    app.get(
      '/api/sets/:id',
      { config: { access: 'public' }, schema: { summary: 'Một bộ tiêu chí với mọi chỉ tiêu và ngưỡng', tags: ['bộ tiêu chí'], params: setParams } },
      async (req) => {
        const registry = await getRegistry(ctx.database.db);
        return presentSet(registry.get(req.params.id), registry);
      },
    );
    app.post(
      '/api/sets/import',
      {
        config: { access: 'set:import' },
        bodyLimit: 16_000_000,
        schema: { summary: 'Nạp một phiên bản bộ tiêu chí (JSON hoặc Excel)', tags: ['bộ tiêu chí'], body: importBody },
      },
      async (req, reply) => {
        const buf = Buffer.from(req.body.content, 'base64');
        if (buf.length === 0) throw new DomainError('INVALID_CRITERIA_FILE', `Tệp "${req.body.fileName}" rỗng`, { file: req.body.fileName });
        const set = await parseSetBuffer(buf, req.body.fileName);
        const registry = await importSet(ctx.database.db, set, sessionUser(req).id, req.body.note);
        return reply.code(201).send(presentSet(registry.get(set.id), registry));
      },
    );
  };
}
