import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { campaignsApi } from '../../../common/api/campaigns.routes.js';
import { tableRoutes } from '../../lib/routes.js';
import { authed } from '../auth/auth.hooks.js';

// Annotated: the type of app.services is built from the module list, which holds this plugin.
export const campaignsRoutes: FastifyPluginAsyncZod = tableRoutes(campaignsApi, (app) => {
  const { campaigns } = app.services;
  return {
    list: (request) => campaigns.list(authed(request)),
    get: (request) => campaigns.get(authed(request), request.params.id),
    create: (request) => campaigns.create(authed(request), request.body),
    update: (request) => campaigns.update(authed(request), request.params.id, request.body),
    copy: (request) =>
      campaigns.copy(authed(request), request.params.id, request.body.name, request.body.year),
    start: (request) => campaigns.start(authed(request), request.params.id),
    close: (request) => campaigns.close(authed(request), request.params.id),
  };
});
