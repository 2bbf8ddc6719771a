import type { ServiceDeps } from '../../lib/service-deps.js';
import { hasRole, type AuthedContext } from '../../lib/actor.js';
import { AppError, forbidden, notFound } from '../../lib/errors.js';
import { writeAudit } from '../../lib/audit.js';
import { evidenceByRecord } from '../evidence/evidence.service.js';
import * as repo from './cases.repo.js';
import { canReadRecord } from '../records/records.policy.js';
import { canMarkExemplary, caseCan, readsCases } from '../../../common/policies/cases.js';

export class CasesService {
  constructor(private readonly deps: Pick<ServiceDeps, 'db' | 'clock'>) {}

  async list(ctx: AuthedContext, q: { campaignId?: number; tag?: string; periodKey?: string }) {
    if (!readsCases(ctx.actor)) throw forbidden();
    const rows = await repo.listCases(this.deps.db, q);
    const files = await evidenceByRecord(
      this.deps.db,
      rows.map(({ record }) => record.id),
    );
    const items = rows.map(({ record, branchName }) => {
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
        evidence: files.get(record.id)!.map((e) => ({ ...e, uploadedAt: e.uploadedAt.toISOString() })),
        can: caseCan(ctx.actor, record),
      };
    });
    return { items: q.tag ? items.filter((i) => i.tags.includes(q.tag!)) : items };
  }

  async mark(ctx: AuthedContext, id: number, exemplary: boolean, note?: string) {
    if (!hasRole(ctx.actor, 'committee')) throw forbidden();
    await this.deps.db.transaction(async (tx) => {
      const record = await repo.findCaseRecord(tx, id);
      if (!record || !canReadRecord(ctx.actor, record)) throw notFound();
      if (!canMarkExemplary(ctx.actor, record.branchId)) throw notFound();
      if (record.kind !== 'optional' || record.status !== 'approved') {
        throw new AppError('VALIDATION_FAILED', [
          { path: 'id', message: '只有已通过的自选动作可以评为典型案例' },
        ]);
      }
      const values = { exemplary, exemplaryNote: exemplary ? note || null : null };
      if (!(await repo.setExemplary(tx, id, record.version, values))) throw new AppError('CONFLICT');
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
