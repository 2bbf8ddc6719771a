import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { fusionApi } from '../../../common/api/fusion.routes.js';
import { tableRoutes } from '../../lib/routes.js';
import { authed } from '../auth/auth.hooks.js';

// Annotated: the type of app.services is built from the module list, which holds this plugin.
export const fusionRoutes: FastifyPluginAsyncZod = tableRoutes(fusionApi, (app) => {
  const { fusion } = app.services;
  return {
    figures: (request) => fusion.figures(authed(request), request.query),
    reviewContext: (request) => fusion.reviewContext(authed(request), request.params.id),
  };
});
