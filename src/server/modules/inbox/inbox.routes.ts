import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { inboxApi } from '../../../common/api/inbox.routes.js';
import { tableRoutes } from '../../lib/routes.js';
import { authed } from '../auth/auth.hooks.js';

// Annotated: the type of app.services is built from the module list, which holds this plugin.
export const inboxRoutes: FastifyPluginAsyncZod = tableRoutes(inboxApi, (app) => ({
  get: (request) => app.services.inbox.get(authed(request)),
}));
