import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { problemsApi } from '../../../common/api/problems.routes.js';
import { tableRoutes } from '../../lib/routes.js';
import { authed } from '../auth/auth.hooks.js';

// Annotated: the type of app.services is built from the module list, which holds this plugin.
export const problemsRoutes: FastifyPluginAsyncZod = tableRoutes(problemsApi, (app) => {
  const { problems } = app.services;
  return {
    list: (request) => problems.list(authed(request), request.query),
    get: (request) => problems.get(authed(request), request.params.id),
    raise: (request) => problems.raise(authed(request), request.body),
    accept: (request) => problems.accept(authed(request), request.params.id, request.body),
    addMeasure: (request) => problems.addMeasure(authed(request), request.params.id, request.body),
    markSolved: (request) => problems.markSolved(authed(request), request.params.id, request.body),
    confirm: (request) => problems.confirm(authed(request), request.params.id, request.body),
    confirmOnBehalf: (request) =>
      problems.confirmOnBehalf(authed(request), request.params.id, request.body.result, request.body.reason),
    recheck: (request) => problems.recheck(authed(request), request.params.id, request.body),
  };
});
