import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { workbenchQuery, workbenchSchema } from '../../../common/api/workbench.js';
import { authed } from '../auth/auth.hooks.js';

export const workbenchRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/workbench',
    {
      schema: {
        tags: ['workbench'],
        summary: '支部工作台:本期规定动作卡片',
        querystring: workbenchQuery,
        response: { 200: workbenchSchema },
      },
    },
    async (request) => app.services.workbench.get(authed(request), request.query),
  );
};
