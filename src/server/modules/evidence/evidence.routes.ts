import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { evidenceApi } from '../../../common/api/evidence.routes.js';
import { evidenceMeta } from '../../../common/api/records.js';
import { idParam } from '../../../common/api/shared.js';
import { AppError } from '../../lib/errors.js';
import { tableRoutes } from '../../lib/routes.js';
import { authed } from '../auth/auth.hooks.js';

/** A body cut short (connection lost, no closing boundary) is the client's problem: 400, not 500. */
function incomplete(err: unknown): unknown {
  if (err instanceof AppError || (err as { statusCode?: number }).statusCode) return err;
  return new AppError('VALIDATION_FAILED', [{ path: 'body.file', message: '文件上传不完整,请重试' }]);
}

/**
 * The file part of an upload and its fields (kind, validOn, caption), checked: they come before
 * the file, so a bad field is refused before the file is stored.
 */
async function uploadForm(request: FastifyRequest) {
  if (!request.isMultipart()) {
    throw new AppError('VALIDATION_FAILED', [{ path: 'body', message: '请以 multipart/form-data 上传文件' }]);
  }
  const file = await request.file().catch((err: unknown) => {
    throw incomplete(err);
  });
  if (!file) throw new AppError('VALIDATION_FAILED', [{ path: 'body.file', message: '请选择文件' }]);
  const fields = Object.fromEntries(
    Object.entries(file.fields)
      .filter(([, v]) => v && !Array.isArray(v) && v.type === 'field')
      .map(([k, v]) => [k, (v as { value: unknown }).value]),
  );
  const meta = evidenceMeta
    .refine((m) => !JSON.stringify(m).includes('\\u0000'), '内容中不能包含空字符')
    .safeParse(fields);
  if (!meta.success) {
    file.file.resume();
    throw new AppError(
      'VALIDATION_FAILED',
      meta.error.issues.map((i) => ({ path: ['body', ...i.path].join('.'), message: i.message })),
    );
  }
  return { file, meta: meta.data };
}

/** RFC 5987 filename for Chinese names, with an ASCII fallback. */
function disposition(kind: 'attachment' | 'inline', name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

// Annotated: the type of app.services is built from the module list, which holds this plugin.
export const evidenceRoutes: FastifyPluginAsyncZod = tableRoutes(evidenceApi, (app) => {
  const { evidence } = app.services;
  return {
    upload: async (request) => {
      const ctx = authed(request);
      const { file, meta } = await uploadForm(request);
      return evidence.upload(ctx, request.params.id, file.filename, file.file, meta).catch((err: unknown) => {
        throw incomplete(err);
      });
    },
    remove: async (request) => {
      await evidence.remove(authed(request), request.params.id, request.params.evidenceId);
      return { ok: true as const };
    },
  };
});

/** The files themselves: bytes with their own headers, so not in the JSON route table. */
export const evidenceFileRoutes: FastifyPluginAsyncZod = async (app) => {
  const { evidence } = app.services;
  const tags = ['evidence'];

  app.get(
    '/evidence/:id/file',
    { schema: { tags, summary: '下载佐证材料(附件方式)', params: idParam } },
    async (request, reply) => {
      const file = await evidence.open(authed(request), request.params.id, false);
      reply
        .header('Content-Type', file.mime)
        .header('Content-Length', file.size)
        .header('Content-Disposition', disposition('attachment', file.name))
        .header('Cache-Control', 'private, no-store');
      return reply.send(file.stream);
    },
  );

  app.get(
    '/evidence/:id/thumbnail',
    { schema: { tags, summary: '图片缩略图', params: idParam } },
    async (request, reply) => {
      const file = await evidence.open(authed(request), request.params.id, true);
      reply
        .header('Content-Type', 'image/jpeg')
        .header('Content-Disposition', disposition('inline', `thumb-${file.name}.jpg`))
        .header('Cache-Control', 'private, max-age=3600');
      return reply.send(file.stream);
    },
  );
};
