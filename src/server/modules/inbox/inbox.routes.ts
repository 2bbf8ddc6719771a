import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { inboxSchema } from '../../../common/api/cases.js';
import { authed } from '../auth/auth.hooks.js';

export const inboxRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/inbox',
    { schema: { tags: ['inbox'], summary: '待办:各角色等待处理的事项', response: { 200: inboxSchema } } },
    async (request) => app.services.inbox.get(authed(request)),
  );
};
