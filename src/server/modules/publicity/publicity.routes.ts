import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { publicityList, publicityQuery } from '../../../common/api/publicity.js';
import { authed } from '../auth/auth.hooks.js';

export const publicityRoutes: FastifyPluginAsyncZod = async (app) => {
  const { publicity } = app.services;
  app.get(
    '/publicity',
    {
      schema: {
        tags: ['publicity'],
        summary: '新闻宣传台账(按月份、渠道、支部筛选)',
        querystring: publicityQuery,
        response: { 200: publicityList },
      },
    },
    async (request) => publicity.list(authed(request), request.query),
  );
};
