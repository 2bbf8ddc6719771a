import { z } from 'zod';
import { actionKinds, studyForms } from '../actions.js';
import { gradeBody } from './dashboard.js';
import {
  expectedList,
  historyList,
  recordBody,
  recordDetail,
  recordList,
  recordQuery,
  recordUpdate,
  reviewBody,
  versionBody,
} from './records.js';
import { approveManyBody, approveManyResult, branchMonth, branchMonthQuery, reviewGroups } from './review.js';
import { defineRoutes } from './route.js';
import { id, idParam, isoDate } from './shared.js';
import { submitMonthBody, submitMonthResult } from './submit-month.js';

/** excludeId: the draft being edited, so "last month's" is never the record itself. */
const templateQuery = z.object({ branchId: id, kind: z.enum(actionKinds), excludeId: id.optional() });
/** "沿用上月": the fields that usually repeat, from the branch's latest record of the kind. */
export const recordTemplate = z.object({
  fromRecordId: z.number().nullable(),
  data: z.record(z.string(), z.unknown()),
  expectedPersonIds: z.array(z.number()),
});

const expectedQuery = z.object({
  branchId: id,
  kind: z.enum(actionKinds),
  occurredOn: isoDate,
  form: z.enum(studyForms).optional(),
  partyGroupId: id.optional(),
});

export const recordsApi = defineRoutes('records', {
  list: {
    method: 'GET',
    path: '/records',
    summary: '记录列表(审核队列:status=submitted)',
    query: recordQuery,
    response: recordList,
  },
  template: {
    method: 'GET',
    path: '/records/template',
    summary: '沿用上月:常用字段',
    query: templateQuery,
    response: recordTemplate,
  },
  expected: {
    method: 'GET',
    path: '/records/expected',
    summary: '应到人员(按会议形式和日期)',
    query: expectedQuery,
    response: expectedList,
  },
  reviewGroups: {
    method: 'GET',
    path: '/records/review-groups',
    summary: '待审核:按支部和月份',
    response: reviewGroups,
  },
  branchMonth: {
    method: 'GET',
    path: '/records/branch-month',
    summary: '支部当月记录(含完成情况、佐证和上月记录)',
    query: branchMonthQuery,
    response: branchMonth,
  },
  approveMany: {
    method: 'POST',
    path: '/records/approve-many',
    summary: '全部通过(逐条审核,逐条结果)',
    body: approveManyBody,
    response: approveManyResult,
  },
  submitMonth: {
    method: 'POST',
    path: '/records/submit-month',
    summary: '提交本月(逐条提交,逐条结果)',
    body: submitMonthBody,
    response: submitMonthResult,
  },
  get: { method: 'GET', path: '/records/:id', summary: '记录详情', params: idParam, response: recordDetail },
  history: {
    method: 'GET',
    path: '/records/:id/history',
    summary: '修改历史',
    params: idParam,
    response: historyList,
  },
  create: {
    method: 'POST',
    path: '/records',
    summary: '新建记录(草稿)',
    body: recordBody,
    response: recordDetail,
  },
  update: {
    method: 'PUT',
    path: '/records/:id',
    summary: '保存记录(带版本号)',
    params: idParam,
    body: recordUpdate,
    response: recordDetail,
  },
  submit: {
    method: 'POST',
    path: '/records/:id/submit',
    summary: '提交审核',
    params: idParam,
    body: versionBody,
    response: recordDetail,
  },
  review: {
    method: 'POST',
    path: '/records/:id/review',
    summary: '审核:通过或退回',
    params: idParam,
    body: reviewBody,
    response: recordDetail,
  },
  grade: {
    method: 'POST',
    path: '/records/:id/grade',
    summary: '质量评定与亮点(已通过的记录)',
    params: idParam,
    body: gradeBody,
    response: recordDetail,
  },
});
