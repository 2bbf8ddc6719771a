import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { revisionsApi } from '../../../common/api/revisions.routes.js';
import { tableRoutes } from '../../lib/routes.js';
import { authed } from '../auth/auth.hooks.js';

// Annotated: the type of app.services is built from the module list, which holds this plugin.
export const revisionsRoutes: FastifyPluginAsyncZod = tableRoutes(revisionsApi, (app) => {
  const { revisions } = app.services;
  return {
    list: (request) => revisions.list(authed(request), request.query),
    get: (request) => revisions.get(authed(request), request.params.id),
    leaderSubmit: async (request) => {
      await revisions.submitToLeader(authed(request), request.params.id, request.body.version);
      return { ok: true as const };
    },
    leaderReview: async (request) => {
      await revisions.leaderReview(
        authed(request),
        request.params.id,
        request.body.decision,
        request.body.comment,
      );
      return { ok: true as const };
    },
    noteFollowup: async (request) => {
      const { id, followupId } = request.params;
      await revisions.noteFollowup(authed(request), id, followupId, request.body);
      return { ok: true as const };
    },
  };
});
