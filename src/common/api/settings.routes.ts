import { defineRoutes } from './route.js';
import { channelsBody } from './settings.js';

export const settingsApi = defineRoutes('settings', {
  channels: {
    method: 'GET',
    path: '/settings/publicity-channels',
    summary: '新闻宣传渠道',
    response: channelsBody,
  },
  saveChannels: {
    method: 'PUT',
    path: '/settings/publicity-channels',
    summary: '配置新闻宣传渠道',
    body: channelsBody,
    response: channelsBody,
  },
});
