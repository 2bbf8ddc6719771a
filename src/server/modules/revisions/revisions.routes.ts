import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  followupBody,
  followupParams,
  leaderReviewBody,
  revisionList,
  revisionQuery,
  revisionSchema,
} from '../../../common/api/revisions.js';
import { versionBody } from '../../../common/api/records.js';
import { idParam, okSchema } from '../../../common/api/shared.js';
import { authed } from '../auth/auth.hooks.js';

export const revisionsRoutes: FastifyPluginAsyncZod = async (app) => {
  const { revisions } = app.services;
  const tags = ['revisions'];
  app.get(
    '/revisions',
    {
      schema: {
        tags,
        summary: '制度修订台账 / 分管领导待审',
        querystring: revisionQuery,
        response: { 200: revisionList },
      },
    },
    async (request) => revisions.list(authed(request), request.query),
  );
  app.get(
    '/revisions/:id',
    {
      schema: {
        tags,
        summary: '一项制度修订:分管领导审核记录、发布与实施效果跟踪',
        params: idParam,
        response: { 200: revisionSchema },
      },
    },
    async (request) => revisions.get(authed(request), request.params.id),
  );
  app.post(
    '/records/:id/leader-submit',
    {
      schema: {
        tags,
        summary: '报分管领导审核',
        params: idParam,
        body: versionBody,
        response: { 200: okSchema },
      },
    },
    async (request) => {
      await revisions.submitToLeader(authed(request), request.params.id, request.body.version);
      return { ok: true as const };
    },
  );
  app.post(
    '/records/:id/leader-review',
    {
      schema: {
        tags,
        summary: '分管领导审核:通过或退回',
        params: idParam,
        body: leaderReviewBody,
        response: { 200: okSchema },
      },
    },
    async (request) => {
      await revisions.leaderReview(
        authed(request),
        request.params.id,
        request.body.decision,
        request.body.comment,
      );
      return { ok: true as const };
    },
  );
  app.post(
    '/records/:id/followups/:followupId',
    {
      schema: {
        tags,
        summary: '填写实施效果跟踪',
        params: followupParams,
        body: followupBody,
        response: { 200: okSchema },
      },
    },
    async (request) => {
      const { id, followupId } = request.params;
      await revisions.noteFollowup(authed(request), id, followupId, request.body.note, request.body.notedOn);
      return { ok: true as const };
    },
  );
};
