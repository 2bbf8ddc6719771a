import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { peopleApi } from '../../../common/api/people.routes.js';
import { tableRoutes } from '../../lib/routes.js';
import { authed } from '../auth/auth.hooks.js';
import { importedFile } from './people-import.routes.js';

// Annotated: the type of app.services is built from the module list, which holds this plugin.
export const peopleRoutes: FastifyPluginAsyncZod = tableRoutes(peopleApi, (app) => {
  const { people, postTerms, peopleImport } = app.services;
  return {
    list: (request) => people.list(authed(request), request.query),
    get: (request) => people.get(authed(request), request.params.id),
    create: (request) => people.create(authed(request), request.body),
    update: (request) => people.update(authed(request), request.params.id, request.body),
    posts: (request) => postTerms.list(authed(request), request.params.id),
    addPost: (request) => postTerms.add(authed(request), request.params.id, request.body),
    editPost: (request) =>
      postTerms.edit(authed(request), request.params.id, request.params.termId, request.body),
    removePost: (request) => postTerms.remove(authed(request), request.params.id, request.params.termId),
    import: async (request) => {
      const ctx = authed(request);
      const file = await importedFile(request);
      return peopleImport.import(ctx, file.filename, file.file);
    },
  };
});
