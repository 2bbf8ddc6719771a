import { defineRoutes } from './route.js';
import { workbenchQuery, workbenchSchema } from './workbench.js';

export const workbenchApi = defineRoutes('workbench', {
  get: {
    method: 'GET',
    path: '/workbench',
    summary: '支部工作台:本期规定动作卡片',
    query: workbenchQuery,
    response: workbenchSchema,
  },
});
