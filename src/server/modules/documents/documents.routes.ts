import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  bulletinQuery,
  issuedFileQuery,
  meetingBookQuery,
  meetingRecordQuery,
  summaryFileQuery,
} from '../../../common/api/documents.js';
import { documentsApi } from '../../../common/api/documents.routes.js';
import { idParam } from '../../../common/api/shared.js';
import { tableRoutes } from '../../lib/routes.js';
import { authed } from '../auth/auth.hooks.js';
import type { DocFile } from './documents.service.js';
import { pdfCapability } from './pdf.js';

/** RFC 5987 filename for Chinese names, with an ASCII fallback. */
function send(reply: FastifyReply, file: DocFile) {
  const ascii = file.name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return reply
    .header('Content-Type', file.mime)
    .header('Content-Length', file.content.length)
    .header(
      'Content-Disposition',
      `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.name)}`,
    )
    .header('Cache-Control', 'private, no-store')
    .send(file.content);
}

// Annotated: the type of app.services is built from the module list, which holds this plugin.
export const documentsRoutes: FastifyPluginAsyncZod = tableRoutes(documentsApi, (app) => {
  const { documents, issuedDocuments } = app.services;
  return {
    capabilities: (request) => {
      authed(request);
      return pdfCapability();
    },
    summary: (request) => documents.summary(authed(request), request.query.campaignId),
    saveSummary: (request) => documents.saveSummary(authed(request), request.body),
    issued: (request) => issuedDocuments.list(authed(request), request.query.campaignId),
    issue: (request) => issuedDocuments.issue(authed(request), request.body),
  };
});

/** The documents as files, Word or PDF: sent as downloads, outside the JSON table. */
export const documentFileRoutes: FastifyPluginAsyncZod = async (app) => {
  const { documents, issuedDocuments } = app.services;
  const tags = ['documents'];
  app.get(
    '/documents/records/:id/meeting-record',
    {
      schema: {
        tags,
        summary: '会议记录(学习研讨、主题党日;docx 或 pdf)',
        params: idParam,
        querystring: meetingRecordQuery,
      },
    },
    async (request, reply) =>
      send(reply, await documents.meetingRecord(authed(request), request.params.id, request.query.format)),
  );
  app.get(
    '/documents/meeting-book',
    {
      schema: {
        tags,
        summary: '支部会议记录本(一个月或全年的会议记录合订,每次会议另起一页;docx 或 pdf)',
        querystring: meetingBookQuery,
      },
    },
    async (request, reply) => send(reply, await documents.meetingBook(authed(request), request.query)),
  );
  app.get(
    '/documents/bulletin',
    {
      schema: {
        tags,
        summary: '通报草稿(未印发;按月、季度、半年或期间;docx 或 pdf)',
        querystring: bulletinQuery,
      },
    },
    async (request, reply) => send(reply, await documents.bulletin(authed(request), request.query)),
  );
  app.get(
    '/documents/summary/file',
    { schema: { tags, summary: '年度总结草稿(未印发;docx 或 pdf)', querystring: summaryFileQuery } },
    async (request, reply) => send(reply, await documents.summaryFile(authed(request), request.query)),
  );
  app.get(
    '/documents/issued/:id/file',
    {
      schema: {
        tags,
        summary: '下载已印发的文件(与印发时逐字节相同;pdf 由其转换)',
        params: idParam,
        querystring: issuedFileQuery,
      },
    },
    async (request, reply) =>
      send(reply, await issuedDocuments.file(authed(request), request.params.id, request.query.format)),
  );
};
