import {
  cellQuery,
  cellSchema,
  companiesQuery,
  companiesSchema,
  dueQuery,
  dueSchema,
  indicatorsQuery,
  indicatorsSchema,
  matrixQuery,
  matrixSchema,
  profileQuery,
  profileSchema,
  rankingQuery,
  rankingSchema,
} from './dashboard.js';
import { defineRoutes } from './route.js';
import { idParam } from './shared.js';

export const dashboardApi = defineRoutes('dashboard', {
  matrix: {
    method: 'GET',
    path: '/dashboard/matrix',
    summary: '完成情况矩阵(支部 × 月份)',
    query: matrixQuery,
    response: matrixSchema,
  },
  cell: {
    method: 'GET',
    path: '/dashboard/cell',
    summary: '单元格明细与得分说明',
    query: cellQuery,
    response: cellSchema,
  },
  ranking: {
    method: 'GET',
    path: '/dashboard/ranking',
    summary: '得分与排名',
    query: rankingQuery,
    response: rankingSchema,
  },
  companies: {
    method: 'GET',
    path: '/dashboard/companies',
    summary: '公司对标(集团)',
    query: companiesQuery,
    response: companiesSchema,
  },
  indicators: {
    method: 'GET',
    path: '/dashboard/indicators',
    summary: '对标指标',
    query: indicatorsQuery,
    response: indicatorsSchema,
  },
  profile: {
    method: 'GET',
    path: '/dashboard/branches/:id',
    summary: '支部画像',
    params: idParam,
    query: profileQuery,
    response: profileSchema,
  },
  due: {
    method: 'GET',
    path: '/dashboard/due',
    summary: '即将到期与已逾期任务',
    query: dueQuery,
    response: dueSchema,
  },
});
