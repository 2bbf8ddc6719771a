import { z } from 'zod';
import { id, page } from './shared.js';

export const auditQuery = z.object({
  entityType: z.string().trim().max(40).optional(),
  entityId: z.string().trim().max(40).optional(),
  action: z.string().trim().max(60).optional(),
  actorUserId: id.optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  ...page,
});
export const auditEntrySchema = z.object({
  id: z.number(),
  at: z.string(),
  actorUserId: z.number().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  ip: z.string().nullable(),
});
export const auditList = z.object({ total: z.number(), items: z.array(auditEntrySchema) });
