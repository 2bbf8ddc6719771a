import { inboxSchema } from './cases.js';
import { defineRoutes } from './route.js';

export const inboxApi = defineRoutes('inbox', {
  get: { method: 'GET', path: '/inbox', summary: '待办:各角色等待处理的事项', response: inboxSchema },
});
