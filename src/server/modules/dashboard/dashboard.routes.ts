import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { dashboardHighlights } from '../../../common/api/dashboard.js';
import { dashboardApi } from '../../../common/api/dashboard.routes.js';
import { tableRoutes } from '../../lib/routes.js';
import { authed } from '../auth/auth.hooks.js';

// Annotated: the type of app.services is built from the module list, which holds this plugin.
export const dashboardRoutes: FastifyPluginAsyncZod = tableRoutes(dashboardApi, (app) => {
  const { dashboard, indicators, companies } = app.services;
  return {
    matrix: (request) => dashboard.matrix(authed(request), request.query),
    cell: (request) => dashboard.cell(authed(request), request.query),
    ranking: (request) => dashboard.ranking(authed(request), request.query),
    companies: (request) => companies.companies(authed(request), request.query),
    indicators: (request) =>
      indicators.indicators(authed(request), request.query, { latestHighlights: dashboardHighlights }),
    profile: (request) => indicators.profile(authed(request), request.params.id, request.query.campaignId),
    due: (request) => dashboard.due(authed(request), request.query),
  };
});
