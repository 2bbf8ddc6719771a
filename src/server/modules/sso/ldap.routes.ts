import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { directoryApi } from '../../../common/api/auth.routes.js';
import { tableRoutes } from '../../lib/routes.js';
import { answerSignedIn, signInOrigin } from '../auth/auth.hooks.js';

// Annotated: the type of app.services is built from the module list, which holds this plugin.
/** The sign-in form's names and passwords, checked against the company directory. */
export const ldapRoutes: FastifyPluginAsyncZod = tableRoutes(directoryApi, (app) => {
  const { ldap } = app.services;
  return {
    login: {
      config: { public: true },
      handler: async (request, reply) => {
        const opened = await ldap.login(
          request.ctx,
          request.body.username,
          request.body.password,
          signInOrigin(request),
        );
        return answerSignedIn(request, reply, opened);
      },
    },
  };
});
