import type { ServiceDeps } from '../../lib/service-deps.js';
import type { AuthedContext } from '../../lib/actor.js';
import { notFound } from '../../lib/errors.js';
import { cstDate } from '../../lib/dates.js';
import type { Campaign } from '../../../common/api/campaigns.js';
import type { CampaignsService } from '../campaigns/campaigns.service.js';
import { periodsOf } from '../campaigns/periods.js';
import type { RecordsService } from '../records/records.service.js';
import type { TasksService } from '../tasks/tasks.service.js';
import { assertNarrowsTo, dashboardScope } from './dashboard.policy.js';
import {
  cellsQuery,
  countStatuses,
  loadCellStatuses,
  loadCells,
  type CellSources,
} from './dashboard.facts.js';
import { branchesInOrder } from './dashboard.repo.js';
import { branchScoreTotals } from './scores.repo.js';
import { pageOf, searchBranches } from './matrix-page.js';
import { ranked } from './rates.js';

/** Math.round to hundredths, as scorePeriod rounds a score. */
const round = (n: number) => Math.round(n * 100) / 100;

export class DashboardService {
  private readonly campaigns: CampaignsService;
  private readonly records: RecordsService;
  private readonly tasks: TasksService;
  private readonly cells: CellSources;
  constructor(
    private readonly deps: Pick<ServiceDeps, 'db' | 'clock'>,
    use: { campaigns: CampaignsService; records: RecordsService; tasks: TasksService },
  ) {
    this.campaigns = use.campaigns;
    this.records = use.records;
    this.tasks = use.tasks;
    this.cells = { db: deps.db, tasks: use.tasks };
  }

  /** The campaign, the caller's scope in it, and the branches shown (of one company, if asked). */
  private async context(ctx: AuthedContext, campaignId: number, companyId?: number) {
    const campaign = await this.campaigns.get(ctx, campaignId);
    const scope = dashboardScope(ctx.actor, campaign);
    assertNarrowsTo(ctx.actor, companyId);
    // Sets, not arrays: at group scale both lists hold 2,000 ids.
    const inCampaign = new Set(campaign.branchIds);
    const visible = scope.branchIds === 'all' ? null : new Set(scope.branchIds);
    const branches = (await branchesInOrder(this.deps.db))
      .filter(
        (b) =>
          inCampaign.has(b.id) &&
          (!visible || visible.has(b.id)) &&
          (companyId === undefined || b.companyId === companyId),
      )
      .map((b) => ({ id: b.id, name: b.name }));
    return { campaign, scope, branches };
  }

  /**
   * Branches × months, each cell the count of actions by status and the score; one page of
   * branches at a time. The page is chosen before any task is read, so the work (and the answer)
   * grows with the page, not with the campaign.
   */
  async matrix(
    ctx: AuthedContext,
    q: { campaignId: number; kind?: string; offset: number; limit: number; q?: string; companyId?: number },
  ) {
    const { campaign, scope, branches: visible } = await this.context(ctx, q.campaignId, q.companyId);
    const found = searchBranches(visible, q.q);
    const branches = pageOf(found, q.offset, q.limit);
    const cells = await loadCellStatuses(
      this.cells,
      campaign,
      branches.map((b) => b.id),
      { kind: q.kind },
    );
    const required = campaign.actionKinds.filter((k) => k.required && (!q.kind || k.kind === q.kind));
    return {
      campaign: { id: campaign.id, name: campaign.name, year: campaign.year },
      periods: periodsOf(campaign.year, campaign.months, 'month').map((p) => p.key),
      branches,
      paging: { offset: q.offset, limit: q.limit, total: found.length },
      standard: required.reduce((s, k) => s + k.points, 0),
      cells: cells.map((c) => ({
        branchId: c.branchId,
        periodKey: c.periodKey,
        ...countStatuses(c.tasks),
        score: c.score.score,
        max: c.score.max,
      })),
      scope: scope.view,
    };
  }

  /** One cell explained: its tasks with their records, and every rule behind its score. */
  async cell(ctx: AuthedContext, q: { campaignId: number; branchId: number; periodKey: string }) {
    const { campaign, branches } = await this.context(ctx, q.campaignId);
    if (!branches.some((b) => b.id === q.branchId)) throw notFound();
    const [cell] = (
      await loadCells(this.cells, campaign, [q.branchId], { from: q.periodKey, to: q.periodKey })
    ).filter((c) => c.periodKey === q.periodKey);
    if (!cell) throw notFound();
    const { items } = await this.records.list(ctx, {
      campaignId: campaign.id,
      branchId: q.branchId,
      periodKey: q.periodKey,
      limit: 200,
      offset: 0,
    });
    return {
      branch: branches.find((b) => b.id === q.branchId)!,
      periodKey: q.periodKey,
      tasks: cell.tasks.map((t) => ({ task: t, records: items.filter((r) => r.taskId === t.id) })),
      optionalRecords: items.filter((r) => r.kind === 'optional'),
      score: cell.score,
    };
  }

  /** Monthly and cumulative scores; ranks only where the caller may compare branches. */
  /** With `to`, a period's score is the sum over the months from `periodKey` to `to` (a bulletin's quarter). */
  async ranking(
    ctx: AuthedContext,
    q: { campaignId: number; periodKey?: string; to?: string; companyId?: number },
  ) {
    const { campaign, scope, branches } = await this.context(ctx, q.campaignId, q.companyId);
    const ids = q.companyId === undefined ? scope.branchIds : branches.map((b) => b.id);
    const totals = await this.scoreTotals(campaign, ids, q.periodKey, q.to);
    const totalsOf = new Map(totals.map((t) => [t.branchId, t]));
    const rows = branches.map((b) => {
      const t = totalsOf.get(b.id);
      const month = t && t.periodTasks > 0;
      return {
        branchId: b.id,
        branchName: b.name,
        score: month ? round(t.periodScore) : null,
        max: month ? t.periodMax : null,
        cumulative: round(t?.score ?? 0),
        cumulativeMax: t?.max ?? 0,
      };
    });
    const comparable = scope.view !== 'own' && rows.length > 1;
    const byScore = ranked(rows, (r) => (q.periodKey ? (r.score ?? 0) : r.cumulative));
    return {
      periodKey: q.periodKey ?? null,
      rows: byScore.map((r) => ({ ...r, rank: comparable ? r.rank : null })),
      scope: scope.view,
    };
  }

  /** Each branch's summed scores, computed in the database by scorePeriod's rules. */
  private scoreTotals(campaign: Campaign, branchIds: number[] | 'all', from?: string, to?: string) {
    const today = cstDate(this.deps.clock.now());
    return branchScoreTotals(this.deps.db, { ...cellsQuery(campaign, branchIds, today), from, to });
  }

  /** Tasks due within the next days and tasks overdue, for the committee or a branch. */
  async due(ctx: AuthedContext, q: { campaignId: number; branchId?: number; withinDays: number }) {
    const { campaign, scope, branches } = await this.context(ctx, q.campaignId);
    // The due list is about one's own work: a branch sees its own even where rankings are shared.
    const visible = scope.own.length ? scope.own : branches.map((b) => b.id);
    if (q.branchId && !visible.includes(q.branchId)) throw notFound();
    const tasks = await this.tasks.load({
      campaignId: campaign.id,
      branchIds: q.branchId ? [q.branchId] : visible,
    });
    const open = tasks.filter((t) => !['done', 'done_late', 'submitted'].includes(t.status));
    return {
      dueSoon: open
        .filter((t) => t.daysToDue >= 0 && t.daysToDue <= q.withinDays)
        .sort((a, b) => a.daysToDue - b.daysToDue),
      overdue: open.filter((t) => t.daysToDue < 0).sort((a, b) => a.daysToDue - b.daysToDue),
    };
  }
}
