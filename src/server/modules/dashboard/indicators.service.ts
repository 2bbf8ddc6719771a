import type { ServiceDeps } from '../../lib/service-deps.js';
import { withoutParallelWorkers, type Db } from '../../db/client.js';
import type { AuthedContext } from '../../lib/actor.js';
import { notFound } from '../../lib/errors.js';
import { cstDate } from '../../lib/dates.js';
import type { CampaignsService } from '../campaigns/campaigns.service.js';
import { periodsOf } from '../campaigns/periods.js';
import type { TasksService } from '../tasks/tasks.service.js';
import { assertNarrowsTo, dashboardScope } from './dashboard.policy.js';
import { cellsQuery } from './dashboard.facts.js';
import * as repo from './dashboard.repo.js';
import { profileTotals, totalsByPeriod, type SideTotals } from './rollups.repo.js';
import { ratesOf, ratio, sumTotals } from './rates.js';

export class IndicatorsService {
  private readonly campaigns: CampaignsService;
  constructor(
    private readonly deps: Pick<ServiceDeps, 'db' | 'clock'>,
    use: { campaigns: CampaignsService; tasks: TasksService },
  ) {
    this.campaigns = use.campaigns;
  }

  /** The branches of a company that the caller's scope holds (none: the indicators are empty). */
  private async companyBranchIds(companyId: number, scope: number[] | 'all'): Promise<number[]> {
    const ofCompany = (await repo.branchesInOrder(this.deps.db)).filter((b) => b.companyId === companyId);
    return ofCompany.map((b) => b.id).filter((id) => scope === 'all' || scope.includes(id));
  }

  /**
   * The committee's indicators over a range of months, for one branch or all it may see. The
   * dashboard asks for the `latestHighlights` few (a card); a document for every highlight.
   */
  async indicators(
    ctx: AuthedContext,
    q: { campaignId: number; branchId?: number; companyId?: number; from?: string; to?: string },
    options: { latestHighlights?: number } = {},
  ) {
    const campaign = await this.campaigns.get(ctx, q.campaignId);
    const scope = dashboardScope(ctx.actor, campaign);
    if (q.branchId && scope.branchIds !== 'all' && !scope.branchIds.includes(q.branchId)) throw notFound();
    assertNarrowsTo(ctx.actor, q.companyId);
    const branchIds = q.branchId
      ? [q.branchId]
      : q.companyId
        ? await this.companyBranchIds(q.companyId, scope.branchIds)
        : scope.branchIds;
    const f = { campaignId: campaign.id, branchIds, from: q.from, to: q.to };
    const today = cstDate(this.deps.clock.now());
    // These three without parallel workers, each in a transaction of its own: their scans are
    // small, and a worker's start cost more than it saved (withoutParallelWorkers).
    const alone = <T>(run: (db: Db) => Promise<T>) => withoutParallelWorkers(this.deps.db, run);
    const [problemQuality, followups, exemplary, byKind] = await Promise.all([
      alone((db) => repo.problemQuality(db, f)),
      alone((db) => repo.followupStatus(db, f, today)),
      repo.exemplaryCount(this.deps.db, f),
      alone((db) => repo.countByKind(db, f)),
    ]);
    const [periods, attendance, formsAndModes, channels, highlights] = await Promise.all([
      totalsByPeriod(this.deps.db, { ...cellsQuery(campaign, branchIds, today), from: q.from, to: q.to }),
      repo.attendanceTotals(this.deps.db, f),
      repo.studyFormsAndModes(this.deps.db, f),
      repo.publicityByChannel(this.deps.db, f),
      repo.highlightsList(this.deps.db, f, options.latestHighlights),
    ]);
    const kindCount = (k: string) => byKind.find((x) => x.kind === k)?.n ?? 0;
    return {
      range: { from: q.from ?? null, to: q.to ?? null },
      tasks: ratesOf(periods.find((p) => p.periodKey === null)),
      trend: periodsOf(campaign.year, campaign.months, 'month')
        .filter((p) => (!q.from || p.key >= q.from) && (!q.to || p.key <= q.to))
        .map((p) => ({ periodKey: p.key, ...ratesOf(periods.find((x) => x.periodKey === p.key)) })),
      attendance: { ...attendance, rate: ratio(attendance.present, attendance.expected) },
      studyForms: countsBy(formsAndModes, (x) => x.form),
      studyModes: countsBy(formsAndModes, (x) => x.mode),
      approvedByKind: Object.fromEntries(byKind.map((x) => [x.kind, x.n])),
      rulesRevised: kindCount('rule_revision'),
      revisionFollowups: followups,
      problemsSolved: kindCount('grassroots_problem'),
      problemSatisfaction: {
        rated: problemQuality.rated,
        average: problemQuality.average === null ? null : Math.round(problemQuality.average * 100) / 100,
        reopened: problemQuality.reopened,
      },
      exemplaryCases: exemplary,
      publicityByChannel: Object.fromEntries(channels.map((x) => [x.channel, x.n])),
      optionalActions: kindCount('optional'),
      highlights: highlights.items,
      highlightCount: highlights.count,
    };
  }

  /**
   * Branch profile (支部画像): its months and kinds against the standard and the other branches.
   * The database groups the campaign's derived statuses into the few dozen figures shown.
   */
  async profile(ctx: AuthedContext, branchId: number, campaignId: number) {
    const campaign = await this.campaigns.get(ctx, campaignId);
    const scope = dashboardScope(ctx.actor, campaign);
    const visible = scope.branchIds === 'all' ? campaign.branchIds : scope.branchIds;
    if (!visible.includes(branchId)) throw notFound();
    const branch = await repo.branchById(this.deps.db, branchId);
    if (!branch) throw notFound();
    // The average of the other branches is a comparison against the group, not a ranking.
    const today = cstDate(this.deps.clock.now());
    const rows = await profileTotals(this.deps.db, cellsQuery(campaign, campaign.branchIds, today), branchId);
    const whole = (side: SideTotals['side']) =>
      rows.find((r) => r.side === side && r.periodKey === null && r.kindId === null);
    const month = (side: SideTotals['side'], key: string) =>
      rows.find((r) => r.side === side && r.periodKey === key);
    const otherCount = whole('others')?.branches ?? 0;
    const months = periodsOf(campaign.year, campaign.months, 'month').map((p) => {
      const m = ratesOf(month('mine', p.key));
      const o = ratesOf(month('others', p.key));
      return {
        periodKey: p.key,
        completionRate: m.completionRate,
        score: m.score,
        max: m.max,
        othersCompletionRate: o.completionRate,
        othersAverageScore: otherCount ? Math.round((o.score / otherCount) * 100) / 100 : null,
      };
    });
    const kindOf = new Map(campaign.actionKinds.map((k) => [k.id, k.kind]));
    const kinds = campaign.actionKinds
      .filter((k) => k.required)
      .map((k) => {
        const ofKind = (side: SideTotals['side']) =>
          ratesOf(
            sumTotals(
              rows.filter((r) => r.side === side && r.kindId !== null && kindOf.get(r.kindId) === k.kind),
            ),
          );
        const own = ofKind('mine');
        return {
          kind: k.kind,
          title: k.title,
          completionRate: own.completionRate,
          onTimeRate: own.onTimeRate,
          othersCompletionRate: ofKind('others').completionRate,
        };
      });
    const gap = (x: (typeof kinds)[number]) => (x.completionRate ?? 0) - (x.othersCompletionRate ?? 0);
    return {
      branch: { id: branch.id, name: branch.name },
      totals: ratesOf(whole('mine')),
      othersTotals: ratesOf(whole('others')),
      months,
      kinds,
      strengths: kinds.filter((k) => gap(k) > 0.05 || k.completionRate === 1).map((k) => k.kind),
      gaps: kinds
        .filter((k) => gap(k) < -0.05 || (k.completionRate !== null && k.completionRate < 0.8))
        .map((k) => k.kind),
    };
  }
}

/** Rows counted by one of their values: { value: total of n }, as the former per-field counts were. */
function countsBy<T extends { n: number }>(rows: T[], valueOf: (row: T) => string | null) {
  const out: Record<string, number> = {};
  for (const row of rows) {
    const key = String(valueOf(row));
    out[key] = (out[key] ?? 0) + row.n;
  }
  return out;
}
