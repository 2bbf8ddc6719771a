import type { ServiceDeps } from '../../lib/service-deps.js';
import type { AuthedContext } from '../../lib/actor.js';
import { notFound } from '../../lib/errors.js';
import { cstDate } from '../../lib/dates.js';
import type { CampaignsService } from '../campaigns/campaigns.service.js';
import { periodsOf } from '../campaigns/periods.js';
import type { OrgService } from '../org/org.service.js';
import type { TasksService } from '../tasks/tasks.service.js';
import { dashboardScope } from './dashboard.policy.js';
import { countStatuses, loadCells, type CellFacts, type CellSources } from './dashboard.facts.js';
import * as repo from './dashboard.repo.js';

const ratio = (n: number, d: number) => (d > 0 ? Math.round((n / d) * 10000) / 10000 : null);

/** Completion counts only tasks that are due by now or already done: the future is not a gap. */
function rates(cells: CellFacts[]) {
  const tasks = cells.flatMap((c) => c.tasks);
  const c = countStatuses(tasks);
  const due = tasks.filter((t) => t.daysToDue < 0 || t.status === 'done' || t.status === 'done_late').length;
  return {
    ...c,
    completionRate: ratio(c.done + c.doneLate, due),
    onTimeRate: ratio(c.done, c.done + c.doneLate),
    score: Math.round(cells.reduce((s, x) => s + x.score.score, 0) * 100) / 100,
    max: cells.reduce((s, x) => s + x.score.max, 0),
  };
}

export class IndicatorsService {
  private readonly campaigns: CampaignsService;
  private readonly org: OrgService;
  private readonly cells: CellSources;
  constructor(
    private readonly deps: Pick<ServiceDeps, 'db' | 'clock'>,
    use: { campaigns: CampaignsService; org: OrgService; tasks: TasksService },
  ) {
    this.campaigns = use.campaigns;
    this.org = use.org;
    this.cells = { db: deps.db, tasks: use.tasks };
  }

  /** The committee's indicators over a range of months, for one branch or all it may see. */
  async indicators(
    ctx: AuthedContext,
    q: { campaignId: number; branchId?: number; from?: string; to?: string },
  ) {
    const campaign = await this.campaigns.get(ctx, q.campaignId);
    const scope = dashboardScope(ctx.actor, campaign);
    if (q.branchId && scope.branchIds !== 'all' && !scope.branchIds.includes(q.branchId)) throw notFound();
    const branchIds = q.branchId ? [q.branchId] : scope.branchIds;
    const f = { campaignId: campaign.id, branchIds, from: q.from, to: q.to };
    const today = cstDate(this.deps.clock.now());
    const [problemQuality, followups, exemplary] = await Promise.all([
      repo.problemQuality(this.deps.db, f),
      repo.followupStatus(this.deps.db, f, today),
      repo.exemplaryCount(this.deps.db, f),
    ]);
    const [cells, attendance, forms, modes, byKind, channels, highlights] = await Promise.all([
      loadCells(this.cells, campaign, branchIds, { from: q.from, to: q.to }),
      repo.attendanceTotals(this.deps.db, f),
      repo.countByDataField(this.deps.db, f, 'study', 'form'),
      repo.countByDataField(this.deps.db, f, 'study', 'mode'),
      repo.countByKind(this.deps.db, f),
      repo.publicityByChannel(this.deps.db, f),
      repo.highlightsList(this.deps.db, f),
    ]);
    const kindCount = (k: string) => byKind.find((x) => x.kind === k)?.n ?? 0;
    return {
      range: { from: q.from ?? null, to: q.to ?? null },
      tasks: rates(cells),
      attendance: { ...attendance, rate: ratio(attendance.present, attendance.expected) },
      studyForms: Object.fromEntries(forms.map((x) => [x.value, x.n])),
      studyModes: Object.fromEntries(modes.map((x) => [x.value, x.n])),
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
      highlights,
    };
  }

  /** Branch profile (支部画像): its months and kinds against the standard and the other branches. */
  async profile(ctx: AuthedContext, branchId: number, campaignId: number) {
    const campaign = await this.campaigns.get(ctx, campaignId);
    const scope = dashboardScope(ctx.actor, campaign);
    const visible = scope.branchIds === 'all' ? campaign.branchIds : scope.branchIds;
    if (!visible.includes(branchId)) throw notFound();
    const branch = (await this.org.structure(ctx)).branches.find((b) => b.id === branchId);
    if (!branch) throw notFound();
    // The average of the other branches is a comparison against the group, not a ranking.
    const cells = await loadCells(this.cells, campaign, campaign.branchIds);
    const mine = cells.filter((c) => c.branchId === branchId);
    const others = cells.filter((c) => c.branchId !== branchId);
    const otherCount = new Set(others.map((c) => c.branchId)).size;
    const months = periodsOf(campaign.year, campaign.months, 'month').map((p) => {
      const m = mine.filter((c) => c.periodKey === p.key);
      const o = others.filter((c) => c.periodKey === p.key);
      return {
        periodKey: p.key,
        completionRate: rates(m).completionRate,
        score: rates(m).score,
        max: rates(m).max,
        othersCompletionRate: rates(o).completionRate,
        othersAverageScore: otherCount ? Math.round((rates(o).score / otherCount) * 100) / 100 : null,
      };
    });
    const kinds = campaign.actionKinds
      .filter((k) => k.required)
      .map((k) => {
        const pick = (list: CellFacts[]) =>
          list.map((c) => ({ ...c, tasks: c.tasks.filter((t) => t.kind === k.kind) }));
        const own = rates(pick(mine));
        const rest = rates(pick(others));
        return {
          kind: k.kind,
          title: k.title,
          completionRate: own.completionRate,
          onTimeRate: own.onTimeRate,
          othersCompletionRate: rest.completionRate,
        };
      });
    const gap = (x: (typeof kinds)[number]) => (x.completionRate ?? 0) - (x.othersCompletionRate ?? 0);
    return {
      branch: { id: branch.id, name: branch.name },
      totals: rates(mine),
      othersTotals: rates(others),
      months,
      kinds,
      strengths: kinds.filter((k) => gap(k) > 0.05 || k.completionRate === 1).map((k) => k.kind),
      gaps: kinds
        .filter((k) => gap(k) < -0.05 || (k.completionRate !== null && k.completionRate < 0.8))
        .map((k) => k.kind),
    };
  }
}
