import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { caseList, casesQuery, exemplaryBody } from '../../../common/api/cases.js';
import { idParam, okSchema } from '../../../common/api/shared.js';
import { authed } from '../auth/auth.hooks.js';

export const casesRoutes: FastifyPluginAsyncZod = async (app) => {
  const { cases } = app.services;
  app.get(
    '/cases',
    {
      schema: {
        tags: ['cases'],
        summary: '典型案例(各支部可见)',
        querystring: casesQuery,
        response: { 200: caseList },
      },
    },
    async (request) => cases.list(authed(request), request.query),
  );
  app.post(
    '/records/:id/exemplary',
    {
      schema: {
        tags: ['cases'],
        summary: '评为或取消典型案例',
        params: idParam,
        body: exemplaryBody,
        response: { 200: okSchema },
      },
    },
    async (request) => {
      await cases.mark(authed(request), request.params.id, request.body.exemplary, request.body.note);
      return { ok: true as const };
    },
  );
};
