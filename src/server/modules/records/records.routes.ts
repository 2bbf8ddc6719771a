import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  historyList,
  recordBody,
  recordDetail,
  recordList,
  recordQuery,
  recordUpdate,
  reviewBody,
  versionBody,
} from '../../../common/api/records.js';
import { actionKinds, studyForms } from '../../../common/actions.js';
import { gradeBody } from '../../../common/api/dashboard.js';
import { id, idParam, isoDate } from '../../../common/api/shared.js';
import { expectedList } from '../../../common/api/records.js';
import {
  approveManyBody,
  approveManyResult,
  branchMonth,
  branchMonthQuery,
  reviewGroups,
} from '../../../common/api/review.js';
import { submitMonthBody, submitMonthResult } from '../../../common/api/submit-month.js';
import { authed } from '../auth/auth.hooks.js';

/** excludeId: the draft being edited, so "last month's" is never the record itself. */
const templateQuery = z.object({ branchId: id, kind: z.enum(actionKinds), excludeId: id.optional() });
const templateSchema = z.object({
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

export const recordsRoutes: FastifyPluginAsyncZod = async (app) => {
  const { records, review, submitMonth } = app.services;
  const tags = ['records'];
  const detail = { 200: recordDetail };

  app.get(
    '/records',
    {
      schema: {
        tags,
        summary: '记录列表(审核队列:status=submitted)',
        querystring: recordQuery,
        response: { 200: recordList },
      },
    },
    async (request) => records.list(authed(request), request.query),
  );
  app.get(
    '/records/template',
    {
      schema: {
        tags,
        summary: '沿用上月:常用字段',
        querystring: templateQuery,
        response: { 200: templateSchema },
      },
    },
    async (request) =>
      records.template(authed(request), request.query.branchId, request.query.kind, request.query.excludeId),
  );
  app.get(
    '/records/expected',
    {
      schema: {
        tags,
        summary: '应到人员(按会议形式和日期)',
        querystring: expectedQuery,
        response: { 200: expectedList },
      },
    },
    async (request) => records.expected(authed(request), request.query),
  );
  app.get(
    '/records/review-groups',
    { schema: { tags, summary: '待审核:按支部和月份', response: { 200: reviewGroups } } },
    async (request) => review.groups(authed(request)),
  );
  app.get(
    '/records/branch-month',
    {
      schema: {
        tags,
        summary: '支部当月记录(含完成情况、佐证和上月记录)',
        querystring: branchMonthQuery,
        response: { 200: branchMonth },
      },
    },
    async (request) => review.branchMonth(authed(request), request.query.branchId, request.query.periodKey),
  );
  app.post(
    '/records/approve-many',
    {
      schema: {
        tags,
        summary: '全部通过(逐条审核,逐条结果)',
        body: approveManyBody,
        response: { 200: approveManyResult },
      },
    },
    async (request) => review.approveMany(authed(request), request.body.items, request.body.comment),
  );
  app.post(
    '/records/submit-month',
    {
      schema: {
        tags,
        summary: '提交本月(逐条提交,逐条结果)',
        body: submitMonthBody,
        response: { 200: submitMonthResult },
      },
    },
    async (request) => submitMonth.submitMonth(authed(request), request.body),
  );
  app.get(
    '/records/:id',
    { schema: { tags, summary: '记录详情', params: idParam, response: detail } },
    async (request) => records.get(authed(request), request.params.id),
  );
  app.get(
    '/records/:id/history',
    { schema: { tags, summary: '修改历史', params: idParam, response: { 200: historyList } } },
    async (request) => records.history(authed(request), request.params.id),
  );
  app.post(
    '/records',
    { schema: { tags, summary: '新建记录(草稿)', body: recordBody, response: detail } },
    async (request) => records.create(authed(request), request.body),
  );
  app.put(
    '/records/:id',
    {
      schema: { tags, summary: '保存记录(带版本号)', params: idParam, body: recordUpdate, response: detail },
    },
    async (request) => records.update(authed(request), request.params.id, request.body),
  );
  app.post(
    '/records/:id/submit',
    { schema: { tags, summary: '提交审核', params: idParam, body: versionBody, response: detail } },
    async (request) => records.submit(authed(request), request.params.id, request.body.version),
  );
  app.post(
    '/records/:id/review',
    { schema: { tags, summary: '审核:通过或退回', params: idParam, body: reviewBody, response: detail } },
    async (request) =>
      review.review(authed(request), request.params.id, request.body.decision, request.body.comment),
  );
  app.post(
    '/records/:id/grade',
    {
      schema: {
        tags,
        summary: '质量评定与亮点(已通过的记录)',
        params: idParam,
        body: gradeBody,
        response: detail,
      },
    },
    async (request) => records.grade(authed(request), request.params.id, request.body),
  );
};
