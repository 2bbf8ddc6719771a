import { publicityList, publicityQuery } from './publicity.js';
import { defineRoutes } from './route.js';

export const publicityApi = defineRoutes('publicity', {
  list: {
    method: 'GET',
    path: '/publicity',
    summary: '新闻宣传台账(按月份、渠道、支部筛选)',
    query: publicityQuery,
    response: publicityList,
  },
});
