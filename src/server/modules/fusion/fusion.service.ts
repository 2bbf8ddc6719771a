import type { ServiceDeps } from '../../lib/service-deps.js';
import { hasRole, type AuthedContext } from '../../lib/actor.js';
import { forbidden, notFound } from '../../lib/errors.js';
import { cstDate } from '../../lib/dates.js';
import type { Fusion, FusionFigures, ReviewContext } from '../../../common/api/fusion.js';
import { canReadReviewContext, fusionScope } from '../../../common/policies/fusion.js';
import type { CampaignsService } from '../campaigns/campaigns.service.js';
import * as repo from './fusion.repo.js';
import { effectOfRecord, fusionFiguresOf } from './fusion-figures.js';

/** The months before a record's own, newest last: 2020-06 → 2020-03, 04, 05. A quarter: the one before. */
export function periodsBefore(periodKey: string, count = 3): string[] {
  const q = /^(\d{4})-Q([1-4])$/.exec(periodKey);
  if (q) {
    const n = Number(q[1]) * 4 + Number(q[2]) - 2;
    return [`${Math.floor(n / 4)}-Q${(n % 4) + 1}`];
  }
  const [y, m] = periodKey.split('-').map(Number) as [number, number];
  const out: string[] = [];
  for (let i = count; i >= 1; i--) {
    const n = y * 12 + m - 1 - i;
    out.push(`${Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`);
  }
  return out;
}

/**
 * 融合成效: what the revisions and the solved problems changed in the business, for the committee
 * (every branch) and for each branch (its own only); and, for a reviewer, one record's effect
 * beside its branch's same action in the months before.
 */
export class FusionService {
  private readonly campaigns: CampaignsService;
  constructor(
    private readonly deps: Pick<ServiceDeps, 'db' | 'clock'>,
    use: { campaigns: CampaignsService },
  ) {
    this.campaigns = use.campaigns;
  }

  async figures(
    ctx: AuthedContext,
    q: { campaignId: number; branchId?: number; from?: string; to?: string },
  ): Promise<Fusion> {
    const campaign = await this.campaigns.get(ctx, q.campaignId);
    const scope = fusionScope(ctx.actor, campaign);
    if (!scope) throw forbidden();
    if (q.branchId !== undefined) {
      const visible = scope.branchIds === 'all' ? campaign.branchIds : scope.branchIds;
      if (!visible.includes(q.branchId)) throw notFound();
    }
    const branchIds = q.branchId !== undefined ? [q.branchId] : scope.branchIds;
    const figures = await this.compute({ campaignId: campaign.id, branchIds, from: q.from, to: q.to });
    return {
      ...figures,
      campaign: { id: campaign.id, name: campaign.name, year: campaign.year },
      range: { from: q.from ?? null, to: q.to ?? null },
      ownOnly: scope.branchIds !== 'all',
    };
  }

  /** The figures of a scope the caller was already authorized for (the documents' own scope). */
  async compute(f: repo.FusionFilter): Promise<FusionFigures> {
    const { db } = this.deps;
    const [revisions, problems] = await Promise.all([
      repo.approvedRevisions(db, f),
      repo.approvedProblems(db, f),
    ]);
    const [measures, rechecks] = await Promise.all([
      repo.measuredFollowups(
        db,
        revisions.map((r) => r.id),
      ),
      repo.recheckEvents(
        db,
        problems.flatMap((p) => (p.problemId === null ? [] : [p.problemId])),
      ),
    ]);
    return fusionFiguresOf(revisions, measures, problems, rechecks, cstDate(this.deps.clock.now()));
  }

  /** For the committee reviewing a record: its effect, and the branch's same action in the three months before. */
  async reviewContext(ctx: AuthedContext, id: number): Promise<ReviewContext> {
    if (!hasRole(ctx.actor, 'admin', 'committee')) throw forbidden();
    const { db } = this.deps;
    const head = await repo.recordHead(db, id);
    if (!head || !canReadReviewContext(ctx.actor, head.branchId)) throw notFound();
    const keys = head.periodKey ? periodsBefore(head.periodKey) : [];
    const rows = await repo.branchKindRecords(db, {
      ...head,
      periodKeys: head.periodKey ? [...keys, head.periodKey] : [],
    });
    const own = rows.find((r) => r.id === id) ?? { ...head, problemId: null };
    const history = rows.filter((r) => r.id !== id && r.periodKey !== head.periodKey);
    const all = [...history, own];
    const [measures, rechecks] = await Promise.all([
      repo.measuredFollowups(
        db,
        all.map((r) => r.id),
      ),
      repo.recheckEvents(
        db,
        all.flatMap((r) => (r.problemId ? [r.problemId] : [])),
      ),
    ]);
    const effect = (r: { id: number; data: unknown; problemId: number | null }) =>
      effectOfRecord(
        r.data,
        measures.filter((m) => m.recordId === r.id),
        rechecks.filter((x) => x.problemId === r.problemId).map((x) => x.data),
      );
    return {
      recordId: head.id,
      kind: head.kind,
      periodKey: head.periodKey,
      branchName: head.branchName,
      effect: effect(own),
      history: keys.map((periodKey) => ({
        periodKey,
        records: history
          .filter((r) => r.periodKey === periodKey)
          .map((r) => ({
            id: r.id,
            title: r.title,
            status: r.status,
            quality: r.quality,
            effect: effect(r),
          })),
      })),
    };
  }
}
