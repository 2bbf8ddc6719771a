import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  branchRobotsBody,
  branchRobotsListSchema,
  branchRobotsSchema,
  channelStatusSchema,
  deliveriesQuery,
  deliveriesSchema,
  deliverySchema,
  ladderSchema,
  notificationListQuery,
  notificationListSchema,
  preferencesBody,
  preferencesSchema,
  remindersQuery,
  remindersSchema,
  testMessageBody,
  testMessageResult,
  unreadCountSchema,
} from '../../../common/api/notifications.js';
import { idParam, okSchema } from '../../../common/api/shared.js';
import { authed } from '../auth/auth.hooks.js';

export const notificationsRoutes: FastifyPluginAsyncZod = async (app) => {
  const { notifications: svc } = app.services;
  const tags = ['notifications'];
  app.get(
    '/notifications',
    {
      schema: {
        tags,
        summary: '我的通知',
        querystring: notificationListQuery,
        response: { 200: notificationListSchema },
      },
    },
    async (request) => svc.list(authed(request), request.query),
  );
  app.get(
    '/notifications/unread-count',
    {
      // The bell polls it while the page is open: that is not the user at work.
      config: { passive: true },
      schema: { tags, summary: '未读通知数', response: { 200: unreadCountSchema } },
    },
    async (request) => svc.unread(authed(request)),
  );
  app.post(
    '/notifications/:id/read',
    { schema: { tags, summary: '标记为已读', params: idParam, response: { 200: okSchema } } },
    async (request) => svc.markRead(authed(request), request.params.id),
  );
  app.post(
    '/notifications/read-all',
    { schema: { tags, summary: '全部标记为已读', response: { 200: okSchema } } },
    async (request) => svc.markAllRead(authed(request)),
  );
  app.get(
    '/notifications/preferences',
    { schema: { tags, summary: '我的通知方式', response: { 200: preferencesSchema } } },
    async (request) => svc.preferences(authed(request)),
  );
  app.put(
    '/notifications/preferences',
    {
      schema: {
        tags,
        summary: '设置我的通知方式',
        body: preferencesBody,
        response: { 200: preferencesSchema },
      },
    },
    async (request) => svc.savePreferences(authed(request), request.body),
  );
  app.get(
    '/notifications/robots',
    { schema: { tags, summary: '各支部群机器人', response: { 200: branchRobotsListSchema } } },
    async (request) => svc.robots(authed(request)),
  );
  app.put(
    '/notifications/robots/:id',
    {
      schema: {
        tags,
        summary: '设置支部群机器人(钉钉、企业微信)',
        params: idParam,
        body: branchRobotsBody,
        response: { 200: branchRobotsSchema },
      },
    },
    async (request) => svc.saveRobots(authed(request), request.params.id, request.body),
  );
  app.get(
    '/notifications/ladder/:id',
    { schema: { tags, summary: '活动的提醒规则', params: idParam, response: { 200: ladderSchema } } },
    async (request) => svc.ladder(authed(request), request.params.id),
  );
  app.put(
    '/notifications/ladder/:id',
    {
      schema: {
        tags,
        summary: '设置活动的提醒规则',
        params: idParam,
        body: ladderSchema,
        response: { 200: ladderSchema },
      },
    },
    async (request) => svc.saveLadder(authed(request), request.params.id, request.body),
  );
  app.get(
    '/notifications/admin/status',
    { schema: { tags, summary: '通知渠道与调度状态', response: { 200: channelStatusSchema } } },
    async (request) => svc.status(authed(request)),
  );
  app.get(
    '/notifications/admin/deliveries',
    {
      schema: {
        tags,
        summary: '通知发送记录',
        querystring: deliveriesQuery,
        response: { 200: deliveriesSchema },
      },
    },
    async (request) => svc.deliveries(authed(request), request.query),
  );
  app.get(
    '/notifications/admin/reminders',
    {
      schema: {
        tags,
        summary: '已生成的提醒',
        querystring: remindersQuery,
        response: { 200: remindersSchema },
      },
    },
    async (request) => svc.reminders(authed(request), request.query),
  );
  app.post(
    '/notifications/admin/deliveries/:id/retry',
    { schema: { tags, summary: '重新发送失败的通知', params: idParam, response: { 200: deliverySchema } } },
    async (request) => svc.retry(authed(request), request.params.id),
  );
  app.post(
    '/notifications/admin/test',
    {
      schema: { tags, summary: '发送测试消息', body: testMessageBody, response: { 200: testMessageResult } },
    },
    async (request) => svc.sendTest(authed(request), request.body),
  );
};
