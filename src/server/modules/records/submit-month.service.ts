import type { SubmitMonthResult } from '../../../common/api/submit-month.js';
import { actionKinds } from '../../../common/actions.js';
import type { ServiceDeps } from '../../lib/service-deps.js';
import type { AuthedContext } from '../../lib/actor.js';
import { AppError, forbidden, notFound } from '../../lib/errors.js';
import * as repo from './records.repo.js';
import type { RecordsService } from './records.service.js';
import { canWriteForBranch, safeRecordScope } from './records.policy.js';

/** More drafts than a month's actions ever have; the list is read in one page. */
const MONTH_LIMIT = 200;

type Item = SubmitMonthResult['items'][number];
type Draft = Pick<Item, 'id' | 'kind' | 'title'> & { version: number };

/**
 * 提交本月: the branch hands in its month at the end of the sitting. Every draft of the
 * branch-month goes through the one-record submit, each in its own transaction with its own audit
 * row, so the same checks apply and one draft still missing something does not hold up the rest.
 * Returned records are left out: they go back one at a time, once the committee's comment is met.
 */
export class SubmitMonthService {
  constructor(
    private readonly deps: Pick<ServiceDeps, 'db'>,
    private readonly records: RecordsService,
  ) {}

  async submitMonth(
    ctx: AuthedContext,
    q: { campaignId: number; branchId: number; periodKey: string },
  ): Promise<SubmitMonthResult> {
    const scope = safeRecordScope(ctx.actor);
    if (!scope || (!scope.all && !scope.branchIds.includes(q.branchId))) throw notFound();
    if (!canWriteForBranch(ctx.actor, q.branchId)) throw forbidden();
    const { items: drafts } = await repo.listRecords(this.deps.db, scope, {
      ...q,
      status: 'draft',
      limit: MONTH_LIMIT,
      offset: 0,
    });
    // In the order of the month's steps, as the branch recorded them.
    drafts.sort((a, b) => actionKinds.indexOf(a.kind) - actionKinds.indexOf(b.kind) || a.id - b.id);
    const items: Item[] = [];
    for (const draft of drafts) items.push(await this.submitOne(ctx, draft));
    return { items };
  }

  private async submitOne(ctx: AuthedContext, draft: Draft): Promise<Item> {
    const base = { id: draft.id, kind: draft.kind, title: draft.title, missing: [] };
    const row = await repo.findRecord(this.deps.db, draft.id);
    // With the leader in charge: the approval hands it in when complete; nothing to do here.
    if (row?.leaderStatus === 'pending')
      return { ...base, outcome: 'waiting_leader', code: null, message: null, messageEn: null };
    try {
      // At the version just read: a save that lands in between answers CONFLICT for this one only.
      await this.records.submit(ctx, draft.id, row?.version ?? draft.version);
      return { ...base, outcome: 'submitted', code: null, message: null, messageEn: null };
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const { code, message, messageEn, details } = error.toBody().error;
      const missing =
        code === 'RECORD_INCOMPLETE' && Array.isArray(details)
          ? (details as { path: string; message: string }[]).map((d) => ({ key: d.path, label: d.message }))
          : [];
      return { ...base, outcome: 'refused', code, message, messageEn, missing };
    }
  }
}
