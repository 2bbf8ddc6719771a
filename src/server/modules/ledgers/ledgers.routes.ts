import { PassThrough } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ledgerParams, ledgerQuery } from '../../../common/api/ledgers.js';
import { authed } from '../auth/auth.hooks.js';
import { attachment, XLSX_MIME } from './content-disposition.js';

export const ledgersRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ledgers } = app.services;

  app.get(
    '/ledgers/:kind',
    {
      schema: {
        tags: ['ledgers'],
        summary: '导出台账(xlsx):各类记录、党员参学考勤、月度任务',
        params: ledgerParams,
        querystring: ledgerQuery,
      },
    },
    async (request, reply) => {
      // Authorization, filters and the audit row come first, so a refusal is a JSON error, not a file.
      const file = await ledgers.prepare(authed(request), request.params.kind, request.query);
      const body = new PassThrough();
      file.write(body).catch((err: unknown) => {
        // A cancelled download closes the stream: that ends the export, it is no failure.
        if (body.destroyed) request.log.info('ledger download closed by the client');
        else request.log.error({ err }, 'ledger export failed');
        body.destroy(err as Error);
      });
      reply
        .header('Content-Type', XLSX_MIME)
        .header('Content-Disposition', attachment(file.fileName, file.asciiName))
        .header('Cache-Control', 'private, no-store');
      return reply.send(body);
    },
  );
};
