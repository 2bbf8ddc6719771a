import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { recordsApi } from '../../../common/api/records.routes.js';
import { tableRoutes } from '../../lib/routes.js';
import { authed } from '../auth/auth.hooks.js';

// Annotated: the type of app.services is built from the module list, which holds this plugin.
export const recordsRoutes: FastifyPluginAsyncZod = tableRoutes(recordsApi, (app) => {
  const { records, review, submitMonth } = app.services;
  return {
    list: (request) => records.list(authed(request), request.query),
    template: (request) =>
      records.template(authed(request), request.query.branchId, request.query.kind, request.query.excludeId),
    expected: (request) => records.expected(authed(request), request.query),
    reviewGroups: (request) => review.groups(authed(request)),
    branchMonth: (request) =>
      review.branchMonth(authed(request), request.query.branchId, request.query.periodKey),
    approveMany: (request) => review.approveMany(authed(request), request.body.items, request.body.comment),
    submitMonth: (request) => submitMonth.submitMonth(authed(request), request.body),
    get: (request) => records.get(authed(request), request.params.id),
    history: (request) => records.history(authed(request), request.params.id),
    create: (request) => records.create(authed(request), request.body),
    update: (request) => records.update(authed(request), request.params.id, request.body),
    submit: (request) => records.submit(authed(request), request.params.id, request.body.version),
    review: (request) =>
      review.review(
        authed(request),
        request.params.id,
        request.body.decision,
        request.body.comment,
        undefined,
        request.body.decision === 'approved'
          ? { quality: request.body.quality, basis: request.body.basis }
          : {},
      ),
    grade: (request) => records.grade(authed(request), request.params.id, request.body),
  };
});
