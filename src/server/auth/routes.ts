import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../context.ts';
import { sessionUser } from './guard.ts';
import { login, logout, SESSION_COOKIE } from './service.ts';
import { presentUser } from './present.ts';

const loginBody = z.object({
  username: z.string().trim().min(1, 'chưa nhập tên đăng nhập').max(100),
  password: z.string().min(1, 'chưa nhập mật khẩu').max(200),
});

export function authRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/api/auth/login',
      { config: { access: 'public' }, schema: { summary: 'Đăng nhập', tags: ['tài khoản'], body: loginBody } },
      async (req, reply) => {
        const { token, user, expiresAt } = await login(ctx.database.db, req.body.username, req.body.password);
        reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure: ctx.secureCookies, expires: expiresAt });
        return { user: presentUser(user) };
      },
    );
    app.post('/api/auth/logout', { config: { access: 'public' }, schema: { summary: 'Đăng xuất', tags: ['tài khoản'] } }, async (req, reply) => {
      await logout(ctx.database.db, req.cookies[SESSION_COOKIE]);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true };
    });
    app.get('/api/auth/me', { config: { access: 'session' }, schema: { summary: 'Tài khoản đang đăng nhập', tags: ['tài khoản'] } }, async (req) => {
      return { user: presentUser(sessionUser(req)) };
    });
  };
}
