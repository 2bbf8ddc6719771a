import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  cellQuery,
  cellSchema,
  dueQuery,
  dueSchema,
  indicatorsQuery,
  indicatorsSchema,
  matrixQuery,
  matrixSchema,
  profileQuery,
  profileSchema,
  rankingQuery,
  rankingSchema,
} from '../../../common/api/dashboard.js';
import { idParam } from '../../../common/api/shared.js';
import { authed } from '../auth/auth.hooks.js';

export const dashboardRoutes: FastifyPluginAsyncZod = async (app) => {
  const { dashboard, indicators } = app.services;
  const tags = ['dashboard'];
  app.get(
    '/dashboard/matrix',
    {
      schema: {
        tags,
        summary: '完成情况矩阵(支部 × 月份)',
        querystring: matrixQuery,
        response: { 200: matrixSchema },
      },
    },
    async (request) => dashboard.matrix(authed(request), request.query),
  );
  app.get(
    '/dashboard/cell',
    {
      schema: {
        tags,
        summary: '单元格明细与得分说明',
        querystring: cellQuery,
        response: { 200: cellSchema },
      },
    },
    async (request) => dashboard.cell(authed(request), request.query),
  );
  app.get(
    '/dashboard/ranking',
    { schema: { tags, summary: '得分与排名', querystring: rankingQuery, response: { 200: rankingSchema } } },
    async (request) => dashboard.ranking(authed(request), request.query),
  );
  app.get(
    '/dashboard/indicators',
    {
      schema: {
        tags,
        summary: '对标指标',
        querystring: indicatorsQuery,
        response: { 200: indicatorsSchema },
      },
    },
    async (request) => indicators.indicators(authed(request), request.query),
  );
  app.get(
    '/dashboard/branches/:id',
    {
      schema: {
        tags,
        summary: '支部画像',
        params: idParam,
        querystring: profileQuery,
        response: { 200: profileSchema },
      },
    },
    async (request) => indicators.profile(authed(request), request.params.id, request.query.campaignId),
  );
  app.get(
    '/dashboard/due',
    {
      schema: { tags, summary: '即将到期与已逾期任务', querystring: dueQuery, response: { 200: dueSchema } },
    },
    async (request) => dashboard.due(authed(request), request.query),
  );
};
