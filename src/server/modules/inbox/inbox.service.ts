import type { z } from 'zod';
import type { inboxItem } from '../../../common/api/cases.js';
import type { ServiceDeps } from '../../lib/service-deps.js';
import { hasRole, secretaryBranchIds, type AuthedContext } from '../../lib/actor.js';
import { addDays, cstDate } from '../../lib/dates.js';
import { RecordsService } from '../records/records.service.js';
import { TasksService } from '../tasks/tasks.service.js';
import { RevisionsService } from '../revisions/revisions.service.js';
import { CONFIRM_WAIT_DAYS, ProblemsService } from '../problems/problems.service.js';
import { CampaignsService } from '../campaigns/campaigns.service.js';

type Item = z.infer<typeof inboxItem>;

/** What waits for the caller, role by role, for the home page. Computed on each request. */
export class InboxService {
  constructor(private readonly deps: ServiceDeps) {}

  async get(ctx: AuthedContext): Promise<{ items: Item[] }> {
    const items: Item[] = [];
    const { actor } = ctx;
    const today = cstDate(this.deps.clock.now());
    const push = (item: Item) => item.count > 0 && items.push(item);
    const active = (await new CampaignsService(this.deps).list(ctx)).items.filter(
      (c) => c.status === 'active',
    );

    const ownBranches = [...new Set(secretaryBranchIds(actor))];
    if (ownBranches.length) {
      const returned = await new RecordsService(this.deps).list(ctx, {
        status: 'returned',
        limit: 1,
        offset: 0,
      });
      push({
        type: 'record_returned',
        title: '被退回待修改的记录',
        detail: '请按机关党委意见修改后重新提交',
        link: '/workbench',
        count: returned.total,
      });
      const tasks = (
        await Promise.all(
          active.map((c) => new TasksService(this.deps).load({ campaignId: c.id, branchIds: ownBranches })),
        )
      ).flat();
      const open = tasks.filter((t) =>
        ['not_started', 'in_progress', 'returned', 'overdue'].includes(t.status),
      );
      push({
        type: 'task_due',
        title: '5 天内到期的规定动作',
        detail: '请及时填报并提交',
        link: '/workbench',
        count: open.filter((t) => t.daysToDue >= 0 && t.daysToDue <= 5).length,
      });
      push({
        type: 'task_overdue',
        title: '已逾期的规定动作',
        detail: '可补报,补报将按规则计分',
        link: '/workbench',
        count: open.filter((t) => t.daysToDue < 0).length,
      });
      const revisions = (await new RevisionsService(this.deps).list(ctx, {})).items.filter((r) =>
        ownBranches.includes(r.branchId),
      );
      const followups = revisions
        .flatMap((r) => r.followups)
        .filter((f) => !f.notedOn && f.dueOn <= addDays(today, 7));
      push({
        type: 'followup_due',
        title: '制度实施效果待跟踪',
        detail: '请填写已发布制度的实施效果',
        link: '/revisions',
        count: followups.length,
      });
    }
    if (ownBranches.length || hasRole(actor, 'grassroots_contact') || hasRole(actor, 'committee')) {
      const problems = (await new ProblemsService(this.deps).list(ctx, {})).items;
      if (ownBranches.length) {
        push({
          type: 'problem_to_accept',
          title: '待受理的基层问题',
          detail: '基层单位反映的问题,请支部受理',
          link: '/problems',
          count: problems.filter((p) => p.state === 'raised').length,
        });
      }
      if (hasRole(actor, 'grassroots_contact')) {
        push({
          type: 'problem_to_confirm',
          title: '待您确认的问题',
          detail: '支部已标记解决,请确认并评价',
          link: '/problems',
          count: problems.filter((p) => p.state === 'solved').length,
        });
      }
      if (hasRole(actor, 'committee')) {
        push({
          type: 'problem_confirm_overdue',
          title: '基层逾期未确认的问题',
          detail: `已解决超过 ${CONFIRM_WAIT_DAYS} 天未确认,可代为确认`,
          link: '/problems',
          count: problems.filter((p) => p.state === 'solved' && (p.waitingDays ?? 0) >= CONFIRM_WAIT_DAYS)
            .length,
        });
      }
    }
    if (hasRole(actor, 'committee')) {
      const waiting = await new RecordsService(this.deps).list(ctx, {
        status: 'submitted',
        limit: 1,
        offset: 0,
      });
      push({
        type: 'review_waiting',
        title: '待审核的记录',
        detail: '各支部已提交,等待机关党委审核',
        link: '/review',
        count: waiting.total,
      });
    }
    if (hasRole(actor, 'leader')) {
      const mine = (await new RevisionsService(this.deps).list(ctx, { mine: 'true' })).items;
      push({
        type: 'revision_waiting',
        title: '待您审核的制度修订',
        detail: '分管部门报送的制度修订',
        link: '/revisions',
        count: mine.length,
      });
    }
    return { items };
  }
}
