import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { auditApi } from '../../../common/api/audit.routes.js';
import { tableRoutes } from '../../lib/routes.js';
import { authed } from '../auth/auth.hooks.js';

// Annotated: the type of app.services is built from the module list, which holds this plugin.
export const auditRoutes: FastifyPluginAsyncZod = tableRoutes(auditApi, (app) => ({
  search: (request) => app.services.audit.search(authed(request), request.query),
}));
