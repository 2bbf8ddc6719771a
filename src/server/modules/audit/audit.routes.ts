import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { auditList, auditQuery } from '../../../common/api/audit.js';
import { authed } from '../auth/auth.hooks.js';

/** Read-only by design: there is no endpoint that changes the audit log. */
export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/audit',
    {
      schema: {
        tags: ['audit'],
        summary: '审计日志查询',
        querystring: auditQuery,
        response: { 200: auditList },
      },
    },
    async (request) => app.services.audit.search(authed(request), request.query),
  );
};
