import { versionBody } from './records.js';
import {
  followupBody,
  followupParams,
  leaderReviewBody,
  revisionList,
  revisionQuery,
  revisionSchema,
} from './revisions.js';
import { defineRoutes } from './route.js';
import { idParam, okSchema } from './shared.js';

export const revisionsApi = defineRoutes('revisions', {
  list: {
    method: 'GET',
    path: '/revisions',
    summary: '制度修订台账 / 分管领导待审',
    query: revisionQuery,
    response: revisionList,
  },
  get: {
    method: 'GET',
    path: '/revisions/:id',
    summary: '一项制度修订:分管领导审核记录、发布与实施效果跟踪',
    params: idParam,
    response: revisionSchema,
  },
  leaderSubmit: {
    method: 'POST',
    path: '/records/:id/leader-submit',
    summary: '报分管领导审核',
    params: idParam,
    body: versionBody,
    response: okSchema,
  },
  leaderReview: {
    method: 'POST',
    path: '/records/:id/leader-review',
    summary: '分管领导审核:通过或退回',
    params: idParam,
    body: leaderReviewBody,
    response: okSchema,
  },
  noteFollowup: {
    method: 'POST',
    path: '/records/:id/followups/:followupId',
    summary: '填写实施效果跟踪',
    params: followupParams,
    body: followupBody,
    response: okSchema,
  },
});
