import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../context.ts';
import { errorResponse, errorResponses, okBody } from '../contracts.ts';
import { sessionUser } from './guard.ts';
import { presentUser } from './present.ts';
import { loggedOutEverywhere, loginBody, loginResponse, userResponse } from './schema.ts';
import { login, logout, logoutEverywhere, SESSION_COOKIE } from './service.ts';

const TAGS = ['tài khoản'];

export function authRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/api/auth/login',
      {
        config: { access: 'public' },
        schema: {
          summary: 'Đăng nhập',
          description:
            'Kiểm tra tên đăng nhập và mật khẩu, mở một phiên và đặt cookie `chungsuc_session` (httpOnly, SameSite=Lax). ' +
            'Các yêu cầu sau gửi kèm cookie này; chương trình không chạy trong trình duyệt giữ cookie và không gửi header Origin.',
          tags: TAGS,
          body: loginBody,
          response: { 200: loginResponse, ...errorResponses(400, 429), 401: errorResponse('Tên đăng nhập hoặc mật khẩu không đúng') },
        },
      },
      async (req, reply) => {
        const { token, user, expiresAt } = await login(ctx.database.db, req.body.username, req.body.password, {
          settings: ctx.auth,
          address: req.ip,
          previousToken: req.cookies[SESSION_COOKIE],
        });
        reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure: ctx.secureCookies, expires: expiresAt });
        return { user: presentUser(user) };
      },
    );
    app.post(
      '/api/auth/logout',
      {
        config: { access: 'public' },
        schema: { summary: 'Đăng xuất', description: 'Đóng phiên của cookie gửi kèm (nếu có) và xoá cookie.', tags: TAGS, response: { 200: okBody } },
      },
      async (req, reply) => {
        await logout(ctx.database.db, req.cookies[SESSION_COOKIE]);
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return { ok: true as const };
      },
    );
    app.post(
      '/api/auth/logout-all',
      {
        config: { access: 'session' },
        schema: {
          summary: 'Đăng xuất mọi nơi',
          description: 'Đóng mọi phiên của tài khoản đang đăng nhập, trên mọi máy và trình duyệt, và xoá cookie.',
          tags: TAGS,
          response: { 200: loggedOutEverywhere },
        },
      },
      async (req, reply) => {
        const ended = await logoutEverywhere(ctx.database.db, sessionUser(req));
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return { ok: true as const, sessions: ended };
      },
    );
    app.get(
      '/api/auth/me',
      { config: { access: 'session' }, schema: { summary: 'Tài khoản đang đăng nhập', tags: TAGS, response: { 200: userResponse } } },
      async (req) => ({ user: presentUser(sessionUser(req)) }),
    );
  };
}
