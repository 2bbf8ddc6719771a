import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { settingsApi } from '../../../common/api/settings.routes.js';
import { tableRoutes } from '../../lib/routes.js';
import { authed } from '../auth/auth.hooks.js';

// Annotated: the type of app.services is built from the module list, which holds this plugin.
export const settingsRoutes: FastifyPluginAsyncZod = tableRoutes(settingsApi, (app) => {
  const { settings } = app.services;
  return {
    channels: (request) => settings.channels(authed(request)),
    saveChannels: (request) => settings.saveChannels(authed(request), request.body.channels),
  };
});
