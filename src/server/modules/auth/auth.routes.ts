import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { authApi } from '../../../common/api/auth.routes.js';
import { tableRoutes } from '../../lib/routes.js';
import {
  authed,
  ensureCsrfCookie,
  answerSignedIn,
  secureCookies,
  setCsrfCookie,
  signInOrigin,
} from './auth.hooks.js';
import { SESSION_COOKIE, newToken } from './session-token.js';

// Annotated: the type of app.services is built from the module list, which holds this plugin.
export const authRoutes: FastifyPluginAsyncZod = tableRoutes(authApi, (app) => {
  const { auth } = app.services;
  return {
    me: {
      config: { public: true },
      handler: (request, reply) => {
        ensureCsrfCookie(request, reply, secureCookies(request));
        return auth.me(request.session);
      },
    },
    login: {
      config: { public: true },
      handler: async (request, reply) => {
        const opened = await auth.login(
          request.ctx,
          request.body.username,
          request.body.password,
          signInOrigin(request),
        );
        return answerSignedIn(request, reply, opened);
      },
    },
    logout: {
      config: { duringPasswordChange: true },
      handler: async (request, reply) => {
        const { idHash, method } = request.session!;
        await auth.logout(authed(request), idHash);
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        setCsrfCookie(reply, secureCookies(request), newToken());
        // A session opened by the company sign-in also ends at the provider, where it has a logout.
        const endSessionUrl = method === 'oidc' ? await app.services.sso.endSessionUrl() : null;
        return { ok: true as const, endSessionUrl };
      },
    },
    changePassword: {
      config: { duringPasswordChange: true },
      handler: async (request) => {
        await auth.changePassword(
          authed(request),
          request.session!.idHash,
          request.body.currentPassword,
          request.body.newPassword,
        );
        return { ok: true as const };
      },
    },
  };
});
