import { and, count, desc, eq, gte, lt, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { auditLog } from '../../db/schema/index.js';

export interface AuditFilter {
  entityType?: string;
  entityId?: string;
  action?: string;
  actorUserId?: number;
  from?: Date;
  to?: Date;
  limit: number;
  offset: number;
}

export async function searchAudit(db: Db, f: AuditFilter) {
  const where: SQL[] = [];
  if (f.entityType) where.push(eq(auditLog.entityType, f.entityType));
  if (f.entityId) where.push(eq(auditLog.entityId, f.entityId));
  if (f.action) where.push(eq(auditLog.action, f.action));
  if (f.actorUserId) where.push(eq(auditLog.actorUserId, f.actorUserId));
  if (f.from) where.push(gte(auditLog.at, f.from));
  if (f.to) where.push(lt(auditLog.at, f.to));
  const condition = where.length ? and(...where) : undefined;
  const [total] = await db.select({ n: count() }).from(auditLog).where(condition);
  const rows = await db
    .select()
    .from(auditLog)
    .where(condition)
    .orderBy(desc(auditLog.id))
    .limit(f.limit)
    .offset(f.offset);
  return { total: total?.n ?? 0, items: rows.map((r) => ({ ...r, at: r.at.toISOString() })) };
}
