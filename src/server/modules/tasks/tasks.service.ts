import type { Task } from '../../../common/api/tasks.js';
import type { TaskStatus } from '../../../common/actions.js';
import type { ServiceDeps } from '../../lib/service-deps.js';
import type { AuthedContext } from '../../lib/actor.js';
import { AppError, notFound } from '../../lib/errors.js';
import { writeAudit } from '../../lib/audit.js';
import { cstDate, daysBetween } from '../../lib/dates.js';
import * as repo from './tasks.repo.js';
import { assertCanExtendDue, branchViewScope } from './tasks.policy.js';
import { branchViewScope as viewScopeOf } from '../../../common/policies/tasks.js';
import { deriveTaskStatus } from './task-status.js';

/** Out-of-scope tasks answer 404: someone with no branch view sees none, without a 403. */
const safeScope = (ctx: AuthedContext): 'all' | number[] => viewScopeOf(ctx.actor) ?? [];

export interface TaskQuery {
  campaignId: number;
  branchId?: number;
  periodKey?: string;
  kind?: string;
  status?: TaskStatus;
}

/** What counting and scoring a task needs: where it belongs and its derived status. */
export type TaskStatusFacts = Pick<Task, 'id' | 'branchId' | 'periodKey' | 'actionKindId' | 'status'>;

export class TasksService {
  constructor(private readonly deps: Pick<ServiceDeps, 'db' | 'clock'>) {}

  async list(ctx: AuthedContext, q: TaskQuery): Promise<{ items: Task[] }> {
    const scope = branchViewScope(ctx.actor);
    if (q.branchId && scope !== 'all' && !scope.includes(q.branchId)) throw notFound();
    const items = await this.load({ ...q, branchIds: scope });
    return { items: q.status ? items.filter((t) => t.status === q.status) : items };
  }

  async get(ctx: AuthedContext, id: number): Promise<Task> {
    // A caller with no branch view at all gets the same 404 as one looking at another branch.
    const scope = safeScope(ctx);
    const [task] = await this.load({ taskId: id, branchIds: scope });
    if (!task) throw notFound();
    return task;
  }

  /** The committee may move a due date, with a reason; the scheduled date stays as it was. */
  async extendDue(ctx: AuthedContext, id: number, dueDate: string, reason: string): Promise<Task> {
    assertCanExtendDue(ctx.actor);
    await this.deps.db.transaction(async (tx) => {
      const before = await repo.findTask(tx, id);
      if (!before) throw notFound();
      assertCanExtendDue(ctx.actor, before.branchId);
      if (dueDate < before.periodEnd) {
        throw new AppError('VALIDATION_FAILED', [
          { path: 'body.dueDate', message: '截止日期不能早于该期结束日' },
        ]);
      }
      await repo.setDueDate(tx, id, dueDate, reason);
      await writeAudit(tx, ctx, this.deps.clock, {
        action: 'task.extend_due',
        entityType: 'task',
        entityId: id,
        before: { dueDate: before.dueDate, reason: before.dueChangeReason },
        after: { dueDate, reason },
      });
    });
    return this.get(ctx, id);
  }

  /** Statuses only (no titles, dates or record ids), derived by the same rule as `load`. */
  async statuses(f: repo.TaskFilter): Promise<TaskStatusFacts[]> {
    const today = cstDate(this.deps.clock.now());
    const rows = await repo.listTaskCounts(this.deps.db, f);
    return rows.map((r) => ({
      id: r.id,
      branchId: r.branchId,
      periodKey: r.periodKey,
      actionKindId: r.actionKindId,
      status: deriveTaskStatus(r, today, r.dueDate),
    }));
  }

  async load(f: repo.TaskFilter): Promise<Task[]> {
    const today = cstDate(this.deps.clock.now());
    const rows = await repo.listTasksWithCounts(this.deps.db, f);
    return rows.map((r) => ({
      id: r.task.id,
      campaignId: r.task.campaignId,
      branchId: r.task.branchId,
      branchName: r.branchName,
      actionKindId: r.task.actionKindId,
      kind: r.kind,
      title: r.title,
      periodKey: r.task.periodKey,
      periodStart: r.task.periodStart,
      periodEnd: r.task.periodEnd,
      scheduledDueDate: r.task.scheduledDueDate,
      dueDate: r.task.dueDate,
      dueChangeReason: r.task.dueChangeReason,
      requiredCount: r.task.requiredCount,
      status: deriveTaskStatus({ ...r, requiredCount: r.task.requiredCount }, today, r.task.dueDate),
      approvedCount: r.approved,
      recordIds: r.recordIds,
      daysToDue: daysBetween(today, r.task.dueDate),
    }));
  }
}
