import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { setupBody } from '../../../common/api/setup.js';
import { meSchema } from '../../../common/api/auth.js';
import { secureCookies, setSessionCookies } from '../auth/auth.hooks.js';

export const setupRoutes: FastifyPluginAsyncZod = async (app) => {
  const { setup, auth, config } = app.services;
  app.post(
    '/setup',
    {
      config: { public: true },
      schema: { tags: ['setup'], summary: '首次运行初始化', body: setupBody, response: { 200: meSchema } },
    },
    async (request, reply) => {
      await setup.setup(request.ctx, request.body);
      // The new administrator is signed in straight away.
      const { token, csrfToken } = await auth.login(
        request.ctx,
        request.body.adminUsername,
        request.body.adminPassword,
        {},
      );
      setSessionCookies(reply, secureCookies(request), token, csrfToken, config.sessionAbsoluteMs / 1000);
      const resolved = await auth.resolveSession(token);
      return auth.me(resolved === 'expired' ? null : resolved);
    },
  );
};
