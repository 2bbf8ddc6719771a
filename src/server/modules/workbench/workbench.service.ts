import type { Workbench } from '../../../common/api/workbench.js';
import type { ServiceDeps } from '../../lib/service-deps.js';
import type { AuthedContext } from '../../lib/actor.js';
import { notFound } from '../../lib/errors.js';
import { cstDate } from '../../lib/dates.js';
import type { CampaignsService } from '../campaigns/campaigns.service.js';
import { periodOfDate, periodsOf } from '../campaigns/periods.js';
import type { TasksService } from '../tasks/tasks.service.js';
import { branchViewScope } from '../tasks/tasks.policy.js';
import type { RecordsService } from '../records/records.service.js';
import { blockingItems, lastReturnOf } from '../records/record-access.js';
import { canWriteForBranch } from '../records/records.policy.js';
import type { OrgService } from '../org/org.service.js';

/** The modules the workbench reads. */
export interface WorkbenchSources {
  campaigns: CampaignsService;
  tasks: TasksService;
  records: RecordsService;
  org: OrgService;
}

/**
 * The branch workbench (支部工作台): this period's required actions as cards with their status,
 * the record in hand and what still blocks it, plus the period's optional actions.
 */
export class WorkbenchService {
  private readonly campaigns: CampaignsService;
  private readonly tasks: TasksService;
  private readonly records: RecordsService;
  private readonly org: OrgService;
  constructor(
    private readonly deps: Pick<ServiceDeps, 'db' | 'clock'>,
    use: WorkbenchSources,
  ) {
    ({ campaigns: this.campaigns, tasks: this.tasks, records: this.records, org: this.org } = use);
  }

  async get(
    ctx: AuthedContext,
    q: { campaignId?: number; branchId?: number; periodKey?: string },
  ): Promise<Workbench> {
    const scope = branchViewScope(ctx.actor);
    const structure = await this.org.structure(ctx);
    const visibleBranches = structure.branches
      .filter((b) => b.active && (scope === 'all' || scope.includes(b.id)))
      .map((b) => ({ id: b.id, name: b.name }));
    if (q.branchId && !visibleBranches.some((b) => b.id === q.branchId)) throw notFound();

    const all = (await this.campaigns.list(ctx)).items.filter((c) => c.status === 'active');
    const campaign = q.campaignId
      ? all.find((c) => c.id === q.campaignId)
      : all.sort((a, b) => b.year - a.year)[0];
    if (q.campaignId && !campaign) throw notFound();
    const empty = {
      cards: [],
      optionalRecords: [],
      periods: [],
      periodKey: null,
      optionalKindConfigured: false,
      kinds: [],
    };
    if (!campaign)
      return { campaign: null, branch: null, branches: visibleBranches, canWrite: false, ...empty };

    const inCampaign = visibleBranches.filter((b) => campaign.branchIds.includes(b.id));
    // A secretary lands on own branch; the committee on the first participating branch.
    const ownFirst = inCampaign.find((b) => canWriteForBranch(ctx.actor, b.id)) ?? inCampaign[0];
    const branch = q.branchId ? inCampaign.find((b) => b.id === q.branchId) : ownFirst;
    if (!branch)
      return { campaign: pick(campaign), branch: null, branches: inCampaign, canWrite: false, ...empty };

    const monthly = periodsOf(campaign.year, campaign.months, 'month');
    const today = cstDate(this.deps.clock.now());
    const periodKey =
      q.periodKey ??
      periodOfDate(monthly, today)?.key ??
      (today > monthly.at(-1)!.end ? monthly.at(-1)!.key : monthly[0]!.key);
    const tasks = await this.tasks.load({ campaignId: campaign.id, branchIds: [branch.id], periodKey });
    const { items } = await this.records.list(ctx, {
      campaignId: campaign.id,
      branchId: branch.id,
      periodKey,
      limit: 200,
      offset: 0,
    });
    const cards = [];
    for (const task of tasks) {
      // The newest record of the task is the one in hand.
      const record = items.filter((r) => r.taskId === task.id).sort((a, b) => b.id - a.id)[0] ?? null;
      cards.push({
        task,
        record,
        missing: record ? await blockingItems(this.deps.db, record.id) : [],
        lastReturn: record?.status === 'returned' ? await lastReturnOf(this.deps.db, record.id) : null,
      });
    }
    return {
      campaign: pick(campaign),
      branch,
      branches: inCampaign,
      periodKey,
      periods: monthly.map((p) => p.key),
      cards,
      optionalRecords: items.filter((r) => r.kind === 'optional'),
      optionalKindConfigured: campaign.actionKinds.some((k) => k.kind === 'optional'),
      canWrite: canWriteForBranch(ctx.actor, branch.id),
      kinds: campaign.actionKinds.map((k) => k.kind),
    };
  }
}

const pick = (c: { id: number; name: string; year: number; watchwords: string | null }) => ({
  id: c.id,
  name: c.name,
  year: c.year,
  watchwords: c.watchwords,
});
