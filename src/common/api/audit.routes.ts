import { auditList, auditQuery } from './audit.js';
import { defineRoutes } from './route.js';

/** Read-only by design: there is no endpoint that changes the audit log. */
export const auditApi = defineRoutes('audit', {
  search: { method: 'GET', path: '/audit', summary: '审计日志查询', query: auditQuery, response: auditList },
});
