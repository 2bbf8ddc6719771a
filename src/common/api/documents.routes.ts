import {
  capabilitiesSchema,
  issueBody,
  issuedDocument,
  issuedList,
  issuedListQuery,
  summaryQuery,
  summarySaveBody,
  summaryView,
} from './documents.js';
import { defineRoutes } from './route.js';

/**
 * The documents' JSON routes: what can be exported, the annual summary's editor, and the issued
 * documents. The files themselves (meeting records, bulletins, the summary, issued copies) answer
 * Word or PDF and stay outside the table.
 */
export const documentsApi = defineRoutes('documents', {
  capabilities: {
    method: 'GET',
    path: '/documents/capabilities',
    summary: '文档导出能力(是否可导出 PDF)',
    response: capabilitiesSchema,
  },
  summary: {
    method: 'GET',
    path: '/documents/summary',
    summary: '年度总结草稿(编辑用)',
    query: summaryQuery,
    response: summaryView,
  },
  saveSummary: {
    method: 'PUT',
    path: '/documents/summary',
    summary: '保存年度总结的文字',
    body: summarySaveBody,
    response: summaryView,
  },
  issued: {
    method: 'GET',
    path: '/documents/issued',
    summary: '活动已印发的通报和年度总结',
    query: issuedListQuery,
    response: issuedList,
  },
  issue: {
    method: 'POST',
    path: '/documents/issued',
    summary: '印发通报或年度总结(编期号、定印发日期并存档)',
    body: issueBody,
    response: issuedDocument,
  },
});
