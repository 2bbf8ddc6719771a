import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { tasksApi } from '../../../common/api/tasks.routes.js';
import { tableRoutes } from '../../lib/routes.js';
import { authed } from '../auth/auth.hooks.js';

// Annotated: the type of app.services is built from the module list, which holds this plugin.
export const tasksRoutes: FastifyPluginAsyncZod = tableRoutes(tasksApi, (app) => {
  const { tasks } = app.services;
  return {
    list: (request) => tasks.list(authed(request), request.query),
    get: (request) => tasks.get(authed(request), request.params.id),
    extend: (request) =>
      tasks.extendDue(authed(request), request.params.id, request.body.dueDate, request.body.reason),
  };
});
