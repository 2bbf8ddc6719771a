import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { casesApi } from '../../../common/api/cases.routes.js';
import { tableRoutes } from '../../lib/routes.js';
import { authed } from '../auth/auth.hooks.js';

// Annotated: the type of app.services is built from the module list, which holds this plugin.
export const casesRoutes: FastifyPluginAsyncZod = tableRoutes(casesApi, (app) => {
  const { cases } = app.services;
  return {
    list: (request) => cases.list(authed(request), request.query),
    mark: async (request) => {
      await cases.mark(authed(request), request.params.id, request.body.exemplary, request.body.note);
      return { ok: true as const };
    },
  };
});
