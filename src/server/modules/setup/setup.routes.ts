import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { setupApi } from '../../../common/api/setup.routes.js';
import { tableRoutes } from '../../lib/routes.js';
import { answerSignedIn } from '../auth/auth.hooks.js';

// Annotated: the type of app.services is built from the module list, which holds this plugin.
export const setupRoutes: FastifyPluginAsyncZod = tableRoutes(setupApi, (app) => {
  const { setup, auth } = app.services;
  return {
    setup: {
      config: { public: true },
      handler: async (request, reply) => {
        await setup.setup(request.ctx, request.body);
        // The new administrator is signed in straight away.
        const opened = await auth.login(
          request.ctx,
          request.body.adminUsername,
          request.body.adminPassword,
          {},
        );
        return answerSignedIn(request, reply, opened);
      },
    },
  };
});
