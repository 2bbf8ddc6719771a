import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  acceptBody,
  confirmBody,
  confirmOnBehalfBody,
  measureBody,
  problemList,
  problemQuery,
  problemSchema,
  raiseBody,
  solvedBody,
} from '../../../common/api/problems.js';
import { idParam } from '../../../common/api/shared.js';
import { authed } from '../auth/auth.hooks.js';

export const problemsRoutes: FastifyPluginAsyncZod = async (app) => {
  const { problems } = app.services;
  const tags = ['problems'];
  const one = { 200: problemSchema };
  app.get(
    '/problems',
    { schema: { tags, summary: '基层问题台账', querystring: problemQuery, response: { 200: problemList } } },
    async (request) => problems.list(authed(request), request.query),
  );
  app.get(
    '/problems/:id',
    { schema: { tags, summary: '问题详情', params: idParam, response: one } },
    async (request) => problems.get(authed(request), request.params.id),
  );
  app.post(
    '/problems',
    { schema: { tags, summary: '反映问题', body: raiseBody, response: one } },
    async (request) => problems.raise(authed(request), request.body),
  );
  app.post(
    '/problems/:id/accept',
    { schema: { tags, summary: '支部受理并指定经办人', params: idParam, body: acceptBody, response: one } },
    async (request) => problems.accept(authed(request), request.params.id, request.body),
  );
  app.post(
    '/problems/:id/measures',
    { schema: { tags, summary: '记录解决措施', params: idParam, body: measureBody, response: one } },
    async (request) => problems.addMeasure(authed(request), request.params.id, request.body),
  );
  app.post(
    '/problems/:id/solved',
    { schema: { tags, summary: '标记已解决', params: idParam, body: solvedBody, response: one } },
    async (request) => problems.markSolved(authed(request), request.params.id, request.body),
  );
  app.post(
    '/problems/:id/confirm',
    {
      schema: {
        tags,
        summary: '基层单位确认与满意度评价',
        params: idParam,
        body: confirmBody,
        response: one,
      },
    },
    async (request) => problems.confirm(authed(request), request.params.id, request.body),
  );
  app.post(
    '/problems/:id/confirm-on-behalf',
    {
      schema: {
        tags,
        summary: '逾期未确认时由机关党委代为确认',
        params: idParam,
        body: confirmOnBehalfBody,
        response: one,
      },
    },
    async (request) =>
      problems.confirmOnBehalf(authed(request), request.params.id, request.body.result, request.body.reason),
  );
};
