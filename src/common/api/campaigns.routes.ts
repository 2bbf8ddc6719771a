import { campaignBody, campaignList, campaignPatch, campaignSchema, copyCampaignBody } from './campaigns.js';
import { defineRoutes } from './route.js';
import { idParam } from './shared.js';

export const campaignsApi = defineRoutes('campaigns', {
  list: { method: 'GET', path: '/campaigns', summary: '活动列表', response: campaignList },
  get: {
    method: 'GET',
    path: '/campaigns/:id',
    summary: '活动详情',
    params: idParam,
    response: campaignSchema,
  },
  create: {
    method: 'POST',
    path: '/campaigns',
    summary: '新建活动',
    body: campaignBody,
    response: campaignSchema,
  },
  update: {
    method: 'PATCH',
    path: '/campaigns/:id',
    summary: '修改活动配置',
    params: idParam,
    body: campaignPatch,
    response: campaignSchema,
  },
  copy: {
    method: 'POST',
    path: '/campaigns/:id/copy',
    summary: '复制为新年度活动',
    params: idParam,
    body: copyCampaignBody,
    response: campaignSchema,
  },
  start: {
    method: 'POST',
    path: '/campaigns/:id/start',
    summary: '启动活动(生成月度任务)',
    params: idParam,
    response: campaignSchema,
  },
  close: {
    method: 'POST',
    path: '/campaigns/:id/close',
    summary: '结束活动',
    params: idParam,
    response: campaignSchema,
  },
});
