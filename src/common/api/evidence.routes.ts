import { z } from 'zod';
import { defineRoutes } from './route.js';
import { id, idParam, okSchema } from './shared.js';

/** The new evidence's id. */
export const evidenceUploaded = z.object({ id: z.number() });

/**
 * A record's evidence. The files themselves (/evidence/:id/file and /thumbnail) answer bytes with
 * their own headers, so they stay out of the table, registered by hand in the evidence module.
 */
export const evidenceApi = defineRoutes('evidence', {
  upload: {
    method: 'POST',
    path: '/records/:id/evidence',
    summary: '上传佐证材料(multipart:kind、validOn、caption 字段在前,file 在后)',
    consumes: ['multipart/form-data'],
    params: idParam,
    response: evidenceUploaded,
  },
  remove: {
    method: 'DELETE',
    path: '/records/:id/evidence/:evidenceId',
    summary: '撤下佐证材料',
    params: z.object({ id, evidenceId: id }),
    response: okSchema,
  },
});
