import { caseList, casesQuery, exemplaryBody } from './cases.js';
import { defineRoutes } from './route.js';
import { idParam, okSchema } from './shared.js';

export const casesApi = defineRoutes('cases', {
  list: {
    method: 'GET',
    path: '/cases',
    summary: '典型案例(各支部可见)',
    query: casesQuery,
    response: caseList,
  },
  mark: {
    method: 'POST',
    path: '/records/:id/exemplary',
    summary: '评为或取消典型案例',
    params: idParam,
    body: exemplaryBody,
    response: okSchema,
  },
});
