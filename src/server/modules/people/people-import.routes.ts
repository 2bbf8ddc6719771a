import type { MultipartFile } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../../lib/errors.js';
import { authed } from '../auth/auth.hooks.js';
import { attachment, XLSX_MIME } from '../ledgers/content-disposition.js';

/**
 * The template download answers a file, so it stays outside the route table; the upload
 * (`peopleApi.import`) is in the table and reads its file with `importedFile`.
 */
export const peopleImportRoutes: FastifyPluginAsyncZod = async (app) => {
  const { peopleImport } = app.services;
  const tags = ['people'];

  app.get(
    '/people/import-template',
    { schema: { tags, summary: '下载党员信息导入模板(xlsx)' } },
    async (request, reply) => {
      const file = await peopleImport.template(authed(request));
      reply
        .header('Content-Type', XLSX_MIME)
        .header('Content-Disposition', attachment(file.fileName, 'member-import-template.xlsx'))
        .header('Cache-Control', 'private, no-store');
      return reply.send(file.content);
    },
  );
};

/** The uploaded sheet of an import request; a request without one is refused as invalid. */
export async function importedFile(request: FastifyRequest): Promise<MultipartFile> {
  if (!request.isMultipart()) {
    throw new AppError('VALIDATION_FAILED', [{ path: 'body', message: '请以 multipart/form-data 上传文件' }]);
  }
  const file = await request.file().catch((err: unknown) => {
    if (err instanceof AppError || (err as { statusCode?: number }).statusCode) throw err;
    throw new AppError('VALIDATION_FAILED', [{ path: 'body.file', message: '文件上传不完整,请重试' }]);
  });
  if (!file) throw new AppError('VALIDATION_FAILED', [{ path: 'body.file', message: '请选择文件' }]);
  return file;
}
