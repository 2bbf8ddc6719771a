import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { signInApi } from '../../../common/api/sign-in.routes.js';
import { tableRoutes } from '../../lib/routes.js';
import { authed } from '../auth/auth.hooks.js';

// Annotated: the type of app.services is built from the module list, which holds this plugin.
export const signInRoutes: FastifyPluginAsyncZod = tableRoutes(signInApi, (app) => {
  const { signIn } = app.services;
  return {
    createLink: (request) => signIn.createLink(authed(request), request.params.id, request.body.minutes),
    info: (request) => signIn.info(authed(request), request.params.token),
    signIn: (request) => signIn.signIn(authed(request), request.params.token),
  };
});
