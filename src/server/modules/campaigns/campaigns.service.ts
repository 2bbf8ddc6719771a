import type { z } from 'zod';
import type { Campaign, campaignBody, campaignPatch } from '../../../common/api/campaigns.js';
import type { ServiceDeps } from '../../lib/service-deps.js';
import type { AuthedContext } from '../../lib/actor.js';
import { AppError } from '../../lib/errors.js';
import { writeAudit } from '../../lib/audit.js';
import { cstDate } from '../../lib/dates.js';
import type { Db } from '../../db/client.js';
import { activeOrgIds } from '../users/users.service.js';
import * as repo from './campaigns.repo.js';
import {
  assertCanConfigureCampaign,
  assertCanConfigureCampaigns,
  campaignBranchScope,
  canSeeCampaign,
  visibleCampaign,
} from './campaigns.policy.js';
import { planTasks, taskKey } from './task-plan.js';

type CampaignInput = z.output<typeof campaignBody>;
type CampaignPatch = z.output<typeof campaignPatch>;

export class CampaignsService {
  constructor(private readonly deps: Pick<ServiceDeps, 'db' | 'clock'>) {}

  async list(ctx: AuthedContext): Promise<{ items: Campaign[] }> {
    const { db } = this.deps;
    const rows = await repo.listCampaignRows(db);
    const ids = rows.map((r) => r.id);
    const [kinds, branches] = await Promise.all([repo.kindsOf(db, ids), repo.branchesOf(db, ids)]);
    const campaigns = rows.map((r) =>
      repo.toCampaign(
        r,
        kinds.filter((k) => k.campaignId === r.id),
        branches.filter((b) => b.campaignId === r.id).map((b) => b.branchId),
      ),
    );
    return { items: campaigns.filter((c) => canSeeCampaign(ctx.actor, c)) };
  }

  async get(ctx: AuthedContext, id: number): Promise<Campaign> {
    return visibleCampaign(ctx.actor, await repo.loadCampaign(this.deps.db, id));
  }

  async create(
    ctx: AuthedContext,
    input: CampaignInput,
    copiedFromId: number | null = null,
  ): Promise<Campaign> {
    assertCanConfigureCampaigns(ctx.actor);
    assertCanConfigureCampaign(ctx.actor, input);
    const id = await this.deps.db.transaction(async (tx) => {
      await checkBranches(tx, input.branchIds);
      const newId = await repo.insertCampaign(tx, {
        name: input.name,
        year: input.year,
        months: [...input.months].sort((a, b) => a - b),
        watchwords: input.watchwords ?? null,
        optionalBonusCap: input.optionalBonusCap,
        branchesSeeRanking: input.branchesSeeRanking,
        scoring: input.scoring,
        copiedFromId,
      });
      await repo.setBranches(tx, newId, input.branchIds);
      await repo.saveKinds(tx, newId, input.actionKinds);
      await writeAudit(tx, ctx, this.deps.clock, {
        action: copiedFromId ? 'campaign.copy' : 'campaign.create',
        entityType: 'campaign',
        entityId: newId,
        after: await repo.loadCampaign(tx, newId),
      });
      return newId;
    });
    return (await repo.loadCampaign(this.deps.db, id))!;
  }

  /** A new year's campaign from an earlier one: same kinds, months and branches, as a draft. */
  async copy(ctx: AuthedContext, fromId: number, name: string, year: number): Promise<Campaign> {
    assertCanConfigureCampaigns(ctx.actor);
    const from = await this.get(ctx, fromId);
    const { db } = this.deps;
    const stillActive = await activeOrgIds(db, 'branch', from.branchIds);
    // A company's committee copies a group campaign for its own company's branches.
    const scope = campaignBranchScope(ctx.actor);
    return this.create(
      ctx,
      {
        name,
        year,
        months: from.months,
        watchwords: from.watchwords,
        branchIds: from.branchIds.filter((b) => stillActive.has(b) && (scope === 'all' || scope.includes(b))),
        actionKinds: from.actionKinds.map(({ id: _id, ...k }) => k),
        optionalBonusCap: from.optionalBonusCap,
        branchesSeeRanking: from.branchesSeeRanking,
        scoring: from.scoring,
      },
      fromId,
    );
  }

  /**
   * Edits a campaign. On a running campaign only tasks not yet started change (no record, period
   * not ended); what already happened is never rewritten, and extended due dates are kept.
   */
  async update(ctx: AuthedContext, id: number, patch: CampaignPatch): Promise<Campaign> {
    assertCanConfigureCampaigns(ctx.actor);
    await this.deps.db.transaction(async (tx) => {
      const before = visibleCampaign(ctx.actor, await repo.loadCampaign(tx, id));
      assertCanConfigureCampaign(ctx.actor, before);
      if (patch.branchIds) assertCanConfigureCampaign(ctx.actor, { branchIds: patch.branchIds });
      if (before.status === 'closed') throw new AppError('CAMPAIGN_CLOSED');
      if (patch.year !== undefined && patch.year !== before.year && before.status !== 'draft') {
        throw new AppError('CAMPAIGN_RUNNING', undefined, '活动已启动,不能修改年度');
      }
      if (patch.branchIds) await checkBranches(tx, patch.branchIds);
      if (patch.actionKinds && before.status !== 'draft') {
        const kept = new Set(patch.actionKinds.map((k) => k.kind));
        if (before.actionKinds.some((k) => !kept.has(k.kind))) {
          throw new AppError(
            'CAMPAIGN_RUNNING',
            undefined,
            '运行中的活动不能删除动作类型,可将其改为非规定动作',
          );
        }
      }
      await repo.updateCampaignRow(tx, id, {
        name: patch.name,
        year: patch.year,
        months: patch.months ? [...patch.months].sort((a, b) => a - b) : undefined,
        watchwords: patch.watchwords,
        optionalBonusCap: patch.optionalBonusCap,
        branchesSeeRanking: patch.branchesSeeRanking,
        scoring: patch.scoring,
      });
      if (patch.branchIds) await repo.setBranches(tx, id, patch.branchIds);
      if (patch.actionKinds) {
        if (before.status === 'draft')
          await repo.deleteKinds(
            tx,
            id,
            patch.actionKinds.map((k) => k.kind),
          );
        await repo.saveKinds(tx, id, patch.actionKinds);
      }
      const after = (await repo.loadCampaign(tx, id))!;
      const sync = after.status === 'active' ? await this.syncTasks(tx, after, false) : null;
      await writeAudit(tx, ctx, this.deps.clock, {
        action: 'campaign.update',
        entityType: 'campaign',
        entityId: id,
        before,
        after: { ...after, taskChanges: sync },
      });
    });
    return (await repo.loadCampaign(this.deps.db, id))!;
  }

  /** Starts a draft campaign: opens every task of every branch, period and required kind. */
  async start(ctx: AuthedContext, id: number): Promise<Campaign> {
    assertCanConfigureCampaigns(ctx.actor);
    await this.deps.db.transaction(async (tx) => {
      const campaign = visibleCampaign(ctx.actor, await repo.loadCampaign(tx, id));
      assertCanConfigureCampaign(ctx.actor, campaign);
      if (campaign.status !== 'draft') throw new AppError('CAMPAIGN_RUNNING', undefined, '活动已启动');
      if (!campaign.actionKinds.some((k) => k.required)) {
        throw new AppError('VALIDATION_FAILED', [{ path: 'actionKinds', message: '至少需要一项规定动作' }]);
      }
      await repo.updateCampaignRow(tx, id, { status: 'active', startedAt: this.deps.clock.now() });
      const sync = await this.syncTasks(tx, campaign, true);
      await writeAudit(tx, ctx, this.deps.clock, {
        action: 'campaign.start',
        entityType: 'campaign',
        entityId: id,
        after: { status: 'active', tasksCreated: sync.created },
      });
    });
    return (await repo.loadCampaign(this.deps.db, id))!;
  }

  async close(ctx: AuthedContext, id: number): Promise<Campaign> {
    assertCanConfigureCampaigns(ctx.actor);
    await this.deps.db.transaction(async (tx) => {
      const campaign = visibleCampaign(ctx.actor, await repo.loadCampaign(tx, id));
      assertCanConfigureCampaign(ctx.actor, campaign);
      if (campaign.status !== 'active')
        throw new AppError('CAMPAIGN_CLOSED', undefined, '只有进行中的活动可以结束');
      await repo.updateCampaignRow(tx, id, { status: 'closed' });
      await writeAudit(tx, ctx, this.deps.clock, {
        action: 'campaign.close',
        entityType: 'campaign',
        entityId: id,
      });
    });
    return (await repo.loadCampaign(this.deps.db, id))!;
  }

  /**
   * Brings tasks in line with the configuration. At start every planned task is created; later,
   * only untouched tasks change and only periods not yet ended get new tasks.
   */
  private async syncTasks(tx: Db, campaign: Campaign, starting: boolean) {
    const today = cstDate(this.deps.clock.now());
    const planned = planTasks(campaign);
    if (starting) return { created: await repo.insertTasks(tx, planned), updated: 0, removed: 0 };

    const plannedByKey = new Map(planned.map((p) => [taskKey(p), p]));
    const existing = await repo.tasksOfCampaign(tx, campaign.id);
    const existingKeys = new Set(existing.map(taskKey));
    const touchable = await repo.untouchedTaskIds(tx, campaign.id, today);
    const remove: number[] = [];
    let updated = 0;
    for (const task of existing.filter((t) => touchable.has(t.id))) {
      const plan = plannedByKey.get(taskKey(task));
      if (!plan) {
        remove.push(task.id);
        continue;
      }
      if (plan.scheduledDueDate !== task.scheduledDueDate || plan.requiredCount !== task.requiredCount) {
        await repo.updateTaskDue(tx, task.id, {
          scheduledDueDate: plan.scheduledDueDate,
          // An extension granted by the committee survives a change of the rule.
          dueDate: task.dueChangeReason ? task.dueDate : plan.dueDate,
          requiredCount: plan.requiredCount,
        });
        updated++;
      }
    }
    await repo.deleteTasks(tx, remove);
    const created = await repo.insertTasks(
      tx,
      planned.filter((p) => !existingKeys.has(taskKey(p)) && p.periodEnd >= today),
    );
    return { created, updated, removed: remove.length };
  }
}

async function checkBranches(db: Db, branchIds: number[]): Promise<void> {
  const found = await activeOrgIds(db, 'branch', branchIds);
  if (branchIds.some((b) => !found.has(b))) throw new AppError('INVALID_REFERENCE');
}

/** Whether the campaign exists, whoever may see it: for modules that configure per campaign. */
export async function campaignExists(db: Db, id: number): Promise<boolean> {
  return !!(await repo.findCampaignRow(db, id));
}
