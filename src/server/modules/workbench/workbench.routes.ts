import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { workbenchApi } from '../../../common/api/workbench.routes.js';
import { tableRoutes } from '../../lib/routes.js';
import { authed } from '../auth/auth.hooks.js';

// Annotated: the type of app.services is built from the module list, which holds this plugin.
export const workbenchRoutes: FastifyPluginAsyncZod = tableRoutes(workbenchApi, (app) => ({
  get: (request) => app.services.workbench.get(authed(request), request.query),
}));
