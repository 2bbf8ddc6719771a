import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { extendDueBody, taskList, taskQuery, taskSchema } from '../../../common/api/tasks.js';
import { idParam } from '../../../common/api/shared.js';
import { authed } from '../auth/auth.hooks.js';

export const tasksRoutes: FastifyPluginAsyncZod = async (app) => {
  const { tasks } = app.services;
  const tags = ['tasks'];
  app.get(
    '/tasks',
    {
      schema: {
        tags,
        summary: '月度任务(状态由记录实时计算)',
        querystring: taskQuery,
        response: { 200: taskList },
      },
    },
    async (request) => tasks.list(authed(request), request.query),
  );
  app.get(
    '/tasks/:id',
    { schema: { tags, summary: '任务详情', params: idParam, response: { 200: taskSchema } } },
    async (request) => tasks.get(authed(request), request.params.id),
  );
  app.post(
    '/tasks/:id/extend',
    {
      schema: {
        tags,
        summary: '延长截止日期(须说明理由)',
        params: idParam,
        body: extendDueBody,
        response: { 200: taskSchema },
      },
    },
    async (request) =>
      tasks.extendDue(authed(request), request.params.id, request.body.dueDate, request.body.reason),
  );
};
