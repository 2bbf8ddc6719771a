import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  peopleList,
  peopleQuery,
  personBody,
  personPatch,
  personSchema,
  postTermBody,
  postTermList,
  postTermPatch,
} from '../../../common/api/people.js';
import { id, idParam } from '../../../common/api/shared.js';
import { z } from 'zod';
import { authed } from '../auth/auth.hooks.js';

export const peopleRoutes: FastifyPluginAsyncZod = async (app) => {
  const { people, postTerms } = app.services;
  const termParams = z.object({ id, termId: id });
  const terms = { 200: postTermList };
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
  app.get(
    '/people/:id/posts',
    { schema: { tags, summary: '任职记录', params: idParam, response: terms } },
    async (request) => postTerms.list(authed(request), request.params.id),
  );
  app.post(
    '/people/:id/posts',
    { schema: { tags, summary: '添加任职记录', params: idParam, body: postTermBody, response: terms } },
    async (request) => postTerms.add(authed(request), request.params.id, request.body),
  );
  app.patch(
    '/people/:id/posts/:termId',
    {
      schema: {
        tags,
        summary: '修改任职记录(含离任)',
        params: termParams,
        body: postTermPatch,
        response: terms,
      },
    },
    async (request) =>
      postTerms.edit(authed(request), request.params.id, request.params.termId, request.body),
  );
  app.delete(
    '/people/:id/posts/:termId',
    { schema: { tags, summary: '删除误填的任职记录', params: termParams, response: terms } },
    async (request) => postTerms.remove(authed(request), request.params.id, request.params.termId),
  );
};
