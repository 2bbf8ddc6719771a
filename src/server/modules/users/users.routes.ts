import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { usersApi } from '../../../common/api/users.routes.js';
import { tableRoutes } from '../../lib/routes.js';
import { authed } from '../auth/auth.hooks.js';

// Annotated: the type of app.services is built from the module list, which holds this plugin.
export const usersRoutes: FastifyPluginAsyncZod = tableRoutes(usersApi, (app) => {
  const { users } = app.services;
  return {
    list: (request) => users.list(authed(request)),
    create: (request) => users.create(authed(request), request.body),
    update: (request) => users.update(authed(request), request.params.id, request.body),
    resetPassword: async (request) => {
      await users.resetPassword(authed(request), request.params.id, request.body.newPassword);
      return { ok: true as const };
    },
    unlock: async (request) => {
      await users.unlock(authed(request), request.params.id);
      return { ok: true as const };
    },
  };
});
