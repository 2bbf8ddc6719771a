import { defineRoutes } from './route.js';
import { idParam } from './shared.js';
import { extendDueBody, taskList, taskQuery, taskSchema } from './tasks.js';

export const tasksApi = defineRoutes('tasks', {
  list: {
    method: 'GET',
    path: '/tasks',
    summary: '月度任务(状态由记录实时计算)',
    query: taskQuery,
    response: taskList,
  },
  get: { method: 'GET', path: '/tasks/:id', summary: '任务详情', params: idParam, response: taskSchema },
  extend: {
    method: 'POST',
    path: '/tasks/:id/extend',
    summary: '延长截止日期(须说明理由)',
    params: idParam,
    body: extendDueBody,
    response: taskSchema,
  },
});
