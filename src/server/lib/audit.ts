import { auditLog } from '../db/schema/index.js';
import type { Db } from '../db/client.js';
import type { RequestContext } from './actor.js';
import type { Clock } from './clock.js';

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId?: string | number | null;
  before?: unknown;
  after?: unknown;
}

/** Sensitive fields never enter the audit log. */
const redacted = new Set(['passwordHash', 'password', 'csrfToken', 'initialPassword', 'newPassword']);

function clean(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  return JSON.parse(
    JSON.stringify(value, (k, v) =>
      redacted.has(k) ? '[redacted]' : v instanceof Date ? v.toISOString() : v,
    ),
  );
}

/** Writes one audit row. Call it with the transaction of the change, so both commit or neither. */
export async function writeAudit(
  tx: Db,
  ctx: RequestContext,
  clock: Clock,
  entry: AuditEntry,
): Promise<void> {
  await tx.insert(auditLog).values({
    at: clock.now(),
    actorUserId: ctx.actor?.userId ?? null,
    actorName: ctx.actor?.displayName ?? null,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId === undefined || entry.entityId === null ? null : String(entry.entityId),
    before: clean(entry.before),
    after: clean(entry.after),
    ip: ctx.ip,
  });
}
