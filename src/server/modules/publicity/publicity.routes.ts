import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { publicityApi } from '../../../common/api/publicity.routes.js';
import { tableRoutes } from '../../lib/routes.js';
import { authed } from '../auth/auth.hooks.js';

// Annotated: the type of app.services is built from the module list, which holds this plugin.
export const publicityRoutes: FastifyPluginAsyncZod = tableRoutes(publicityApi, (app) => ({
  list: (request) => app.services.publicity.list(authed(request), request.query),
}));
