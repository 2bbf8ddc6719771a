import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { changePasswordBody, loginBody, logoutSchema, meSchema } from '../../../common/api/auth.js';
import { okSchema } from '../../../common/api/shared.js';
import { authed, ensureCsrfCookie, secureCookies, setCsrfCookie, setSessionCookies } from './auth.hooks.js';
import { SESSION_COOKIE, newToken } from './session-token.js';

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const { auth } = app.services;

  app.get(
    '/auth/me',
    {
      config: { public: true },
      schema: { tags: ['auth'], summary: '当前登录状态', response: { 200: meSchema } },
    },
    async (request, reply) => {
      ensureCsrfCookie(request, reply, secureCookies(request));
      return auth.me(request.session);
    },
  );

  app.post(
    '/auth/login',
    {
      config: { public: true },
      schema: { tags: ['auth'], summary: '登录', body: loginBody, response: { 200: meSchema } },
    },
    async (request, reply) => {
      const { token, csrfToken } = await auth.login(
        request.ctx,
        request.body.username,
        request.body.password,
        {
          previousToken: request.cookies[SESSION_COOKIE],
          userAgent: request.headers['user-agent'],
        },
      );
      setSessionCookies(
        reply,
        secureCookies(request),
        token,
        csrfToken,
        app.services.config.sessionAbsoluteMs / 1000,
      );
      const resolved = await auth.resolveSession(token);
      return auth.me(resolved === 'expired' ? null : resolved);
    },
  );

  app.post(
    '/auth/logout',
    {
      config: { duringPasswordChange: true },
      schema: { tags: ['auth'], summary: '退出登录', response: { 200: logoutSchema } },
    },
    async (request, reply) => {
      const { idHash, method } = request.session!;
      await auth.logout(authed(request), idHash);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      setCsrfCookie(reply, secureCookies(request), newToken());
      // A session opened by the company sign-in also ends at the provider, where it has a logout.
      const endSessionUrl = method === 'oidc' ? await app.services.sso.endSessionUrl() : null;
      return { ok: true as const, endSessionUrl };
    },
  );

  app.post(
    '/auth/password',
    {
      config: { duringPasswordChange: true },
      schema: { tags: ['auth'], summary: '修改密码', body: changePasswordBody, response: { 200: okSchema } },
    },
    async (request) => {
      await auth.changePassword(
        authed(request),
        request.session!.idHash,
        request.body.currentPassword,
        request.body.newPassword,
      );
      return { ok: true as const };
    },
  );
};
