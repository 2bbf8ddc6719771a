import { and, desc, eq } from 'drizzle-orm';
import type { ServiceDeps } from '../../lib/service-deps.js';
import type { AuthedContext } from '../../lib/actor.js';
import { AppError, forbidden, notFound } from '../../lib/errors.js';
import { writeAudit } from '../../lib/audit.js';
import { branches, records } from '../../db/schema/index.js';
import { evidenceOf, findRecord, updateRecordVersioned } from '../records/records.repo.js';
import { canReadRecord } from '../records/records.policy.js';
import { canMarkExemplary, caseCan, readsCases } from '../../../common/policies/cases.js';

export class CasesService {
  constructor(private readonly deps: ServiceDeps) {}

  async list(ctx: AuthedContext, q: { campaignId?: number; tag?: string; periodKey?: string }) {
    if (!readsCases(ctx.actor)) throw forbidden();
    const rows = await this.deps.db
      .select({ record: records, branchName: branches.name })
      .from(records)
      .innerJoin(branches, eq(branches.id, records.branchId))
      .where(
        and(
          // Only optional actions are cases: the same test as the case evidence check.
          eq(records.kind, 'optional'),
          eq(records.exemplary, true),
          eq(records.status, 'approved'),
          q.campaignId ? eq(records.campaignId, q.campaignId) : undefined,
          q.periodKey ? eq(records.periodKey, q.periodKey) : undefined,
        ),
      )
      .orderBy(desc(records.occurredOn));
    const files = await Promise.all(rows.map(({ record }) => evidenceOf(this.deps.db, record.id)));
    const items = rows.map(({ record, branchName }, i) => {
      const d = record.data as { category?: string; description?: string; novelty?: string; tags?: string[] };
      return {
        recordId: record.id,
        campaignId: record.campaignId,
        branchId: record.branchId,
        branchName,
        title: record.title,
        occurredOn: record.occurredOn,
        periodKey: record.periodKey,
        category: d.category ?? '',
        description: d.description ?? '',
        novelty: d.novelty ?? '',
        tags: d.tags ?? [],
        note: record.exemplaryNote,
        evidence: files[i]!.map((e) => ({ ...e, uploadedAt: e.uploadedAt.toISOString() })),
        can: caseCan(ctx.actor, record),
      };
    });
    return { items: q.tag ? items.filter((i) => i.tags.includes(q.tag!)) : items };
  }

  async mark(ctx: AuthedContext, id: number, exemplary: boolean, note?: string) {
    if (!canMarkExemplary(ctx.actor)) throw forbidden();
    await this.deps.db.transaction(async (tx) => {
      const record = await findRecord(tx, id);
      if (!record || !canReadRecord(ctx.actor, record)) throw notFound();
      if (record.kind !== 'optional' || record.status !== 'approved') {
        throw new AppError('VALIDATION_FAILED', [
          { path: 'id', message: '只有已通过的自选动作可以评为典型案例' },
        ]);
      }
      const values = { exemplary, exemplaryNote: exemplary ? note || null : null };
      if (!(await updateRecordVersioned(tx, id, record.version, values))) throw new AppError('CONFLICT');
      await writeAudit(tx, ctx, this.deps.clock, {
        action: exemplary ? 'record.exemplary' : 'record.not_exemplary',
        entityType: 'record',
        entityId: id,
        before: { exemplary: record.exemplary },
        after: values,
      });
    });
  }
}
