import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  campaignBody,
  campaignList,
  campaignPatch,
  campaignSchema,
  copyCampaignBody,
} from '../../../common/api/campaigns.js';
import { idParam } from '../../../common/api/shared.js';
import { authed } from '../auth/auth.hooks.js';

export const campaignsRoutes: FastifyPluginAsyncZod = async (app) => {
  const { campaigns } = app.services;
  const tags = ['campaigns'];
  const one = { 200: campaignSchema };

  app.get(
    '/campaigns',
    { schema: { tags, summary: '活动列表', response: { 200: campaignList } } },
    async (request) => campaigns.list(authed(request)),
  );
  app.get(
    '/campaigns/:id',
    { schema: { tags, summary: '活动详情', params: idParam, response: one } },
    async (request) => campaigns.get(authed(request), request.params.id),
  );
  app.post(
    '/campaigns',
    { schema: { tags, summary: '新建活动', body: campaignBody, response: one } },
    async (request) => campaigns.create(authed(request), request.body),
  );
  app.patch(
    '/campaigns/:id',
    { schema: { tags, summary: '修改活动配置', params: idParam, body: campaignPatch, response: one } },
    async (request) => campaigns.update(authed(request), request.params.id, request.body),
  );
  app.post(
    '/campaigns/:id/copy',
    { schema: { tags, summary: '复制为新年度活动', params: idParam, body: copyCampaignBody, response: one } },
    async (request) =>
      campaigns.copy(authed(request), request.params.id, request.body.name, request.body.year),
  );
  app.post(
    '/campaigns/:id/start',
    { schema: { tags, summary: '启动活动(生成月度任务)', params: idParam, response: one } },
    async (request) => campaigns.start(authed(request), request.params.id),
  );
  app.post(
    '/campaigns/:id/close',
    { schema: { tags, summary: '结束活动', params: idParam, response: one } },
    async (request) => campaigns.close(authed(request), request.params.id),
  );
};
