import {
  acceptBody,
  confirmBody,
  confirmOnBehalfBody,
  measureBody,
  problemList,
  problemQuery,
  problemSchema,
  raiseBody,
  solvedBody,
} from './problems.js';
import { defineRoutes } from './route.js';
import { idParam } from './shared.js';

export const problemsApi = defineRoutes('problems', {
  list: {
    method: 'GET',
    path: '/problems',
    summary: '基层问题台账',
    query: problemQuery,
    response: problemList,
  },
  get: {
    method: 'GET',
    path: '/problems/:id',
    summary: '问题详情',
    params: idParam,
    response: problemSchema,
  },
  raise: { method: 'POST', path: '/problems', summary: '反映问题', body: raiseBody, response: problemSchema },
  accept: {
    method: 'POST',
    path: '/problems/:id/accept',
    summary: '支部受理并指定经办人',
    params: idParam,
    body: acceptBody,
    response: problemSchema,
  },
  addMeasure: {
    method: 'POST',
    path: '/problems/:id/measures',
    summary: '记录解决措施',
    params: idParam,
    body: measureBody,
    response: problemSchema,
  },
  markSolved: {
    method: 'POST',
    path: '/problems/:id/solved',
    summary: '标记已解决',
    params: idParam,
    body: solvedBody,
    response: problemSchema,
  },
  confirm: {
    method: 'POST',
    path: '/problems/:id/confirm',
    summary: '基层单位确认与满意度评价',
    params: idParam,
    body: confirmBody,
    response: problemSchema,
  },
  confirmOnBehalf: {
    method: 'POST',
    path: '/problems/:id/confirm-on-behalf',
    summary: '逾期未确认时由机关党委代为确认',
    params: idParam,
    body: confirmOnBehalfBody,
    response: problemSchema,
  },
});
