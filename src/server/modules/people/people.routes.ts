import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  peopleList,
  peopleQuery,
  personBody,
  personPatch,
  personSchema,
} from '../../../common/api/people.js';
import { idParam } from '../../../common/api/shared.js';
import { authed } from '../auth/auth.hooks.js';

export const peopleRoutes: FastifyPluginAsyncZod = async (app) => {
  const { people } = app.services;
  const tags = ['people'];

  app.get(
    '/people',
    { schema: { tags, summary: '人员名册', querystring: peopleQuery, response: { 200: peopleList } } },
    async (request) => people.list(authed(request), request.query),
  );
  app.get(
    '/people/:id',
    { schema: { tags, summary: '人员详情', params: idParam, response: { 200: personSchema } } },
    async (request) => people.get(authed(request), request.params.id),
  );
  app.post(
    '/people',
    { schema: { tags, summary: '新增人员', body: personBody, response: { 200: personSchema } } },
    async (request) => people.create(authed(request), request.body),
  );
  app.patch(
    '/people/:id',
    {
      schema: {
        tags,
        summary: '修改或停用人员',
        params: idParam,
        body: personPatch,
        response: { 200: personSchema },
      },
    },
    async (request) => people.update(authed(request), request.params.id, request.body),
  );
};
