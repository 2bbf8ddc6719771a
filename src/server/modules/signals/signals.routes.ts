import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { signalsApi } from '../../../common/api/signals.routes.js';
import { tableRoutes } from '../../lib/routes.js';
import { authed } from '../auth/auth.hooks.js';

// Annotated: the type of app.services is built from the module list, which holds this plugin.
export const signalsRoutes: FastifyPluginAsyncZod = tableRoutes(signalsApi, (app) => {
  const { signals } = app.services;
  return {
    list: (request) => signals.list(authed(request), request.params.id),
    mark: (request) => signals.mark(authed(request), request.params.id, request.body),
    counts: (request) => signals.openCounts(authed(request), request.query.recordIds),
    branchCounts: (request) =>
      signals.branchCounts(authed(request), request.params.id, request.query.campaignId),
  };
});
