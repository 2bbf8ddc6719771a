import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { channelsBody } from '../../../common/api/settings.js';
import { authed } from '../auth/auth.hooks.js';

export const settingsRoutes: FastifyPluginAsyncZod = async (app) => {
  const { settings } = app.services;
  const tags = ['settings'];
  app.get(
    '/settings/publicity-channels',
    { schema: { tags, summary: '新闻宣传渠道', response: { 200: channelsBody } } },
    async (request) => settings.channels(authed(request)),
  );
  app.put(
    '/settings/publicity-channels',
    { schema: { tags, summary: '配置新闻宣传渠道', body: channelsBody, response: { 200: channelsBody } } },
    async (request) => settings.saveChannels(authed(request), request.body.channels),
  );
};
