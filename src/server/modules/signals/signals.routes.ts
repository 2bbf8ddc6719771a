import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParam } from '../../../common/api/shared.js';
import { integritySignal, markBody, signalList } from '../../../common/api/signals.js';
import { authed } from '../auth/auth.hooks.js';

export const signalsRoutes: FastifyPluginAsyncZod = async (app) => {
  const { signals } = app.services;
  const tags = ['signals'];
  app.get(
    '/records/:id/signals',
    { schema: { tags, summary: '记录的核查提示(仅审核人)', params: idParam, response: { 200: signalList } } },
    async (request) => signals.list(authed(request), request.params.id),
  );
  app.post(
    '/signals/:id/mark',
    {
      schema: {
        tags,
        summary: '标记核查提示:已核实 / 存疑',
        params: idParam,
        body: markBody,
        response: { 200: integritySignal },
      },
    },
    async (request) => signals.mark(authed(request), request.params.id, request.body),
  );
};
