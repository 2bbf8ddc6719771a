import type { z } from 'zod';
import type { inboxItem } from '../../../common/api/cases.js';
import type { ServiceDeps } from '../../lib/service-deps.js';
import { hasRole, secretaryBranchIds, type AuthedContext } from '../../lib/actor.js';
import { addDays, cstDate } from '../../lib/dates.js';
import type { RecordsService } from '../records/records.service.js';
import type { TasksService } from '../tasks/tasks.service.js';
import type { RevisionsService } from '../revisions/revisions.service.js';
import { CONFIRM_WAIT_DAYS, type ProblemsService } from '../problems/problems.service.js';
import type { CampaignsService } from '../campaigns/campaigns.service.js';

type Item = z.infer<typeof inboxItem>;

/** A task counts as due soon this many days ahead of its due date. */
const DUE_SOON_DAYS = 5;

/**
 * What waits for the caller, role by role, for the home page. Computed on each request. Items are
 * facts (type, count, page); the web words them in the user's language. Only active campaigns
 * count: a closed campaign's returned record can no longer be fixed, and a new campaign's month
 * should not open with last year's leftovers.
 */
/** The modules whose work the inbox counts. */
export interface InboxSources {
  campaigns: CampaignsService;
  tasks: TasksService;
  records: RecordsService;
  revisions: RevisionsService;
  problems: ProblemsService;
}

export class InboxService {
  constructor(
    private readonly deps: Pick<ServiceDeps, 'clock'>,
    private readonly use: InboxSources,
  ) {}

  async get(ctx: AuthedContext): Promise<{ items: Item[] }> {
    const items: Item[] = [];
    const { actor } = ctx;
    const today = cstDate(this.deps.clock.now());
    const push = (item: Item) => item.count > 0 && items.push(item);
    const active = (await this.use.campaigns.list(ctx)).items.filter((c) => c.status === 'active');

    const ownBranches = [...new Set(secretaryBranchIds(actor))];
    if (ownBranches.length) {
      const records = this.use.records;
      const returned = await Promise.all(
        active.map((c) => records.list(ctx, { campaignId: c.id, status: 'returned', limit: 1, offset: 0 })),
      );
      push({
        type: 'record_returned',
        link: '/workbench',
        count: returned.reduce((sum, r) => sum + r.total, 0),
      });
      const tasks = (
        await Promise.all(
          active.map((c) => this.use.tasks.load({ campaignId: c.id, branchIds: ownBranches })),
        )
      ).flat();
      const open = tasks.filter((t) =>
        ['not_started', 'in_progress', 'returned', 'overdue'].includes(t.status),
      );
      push({
        type: 'task_due',
        link: '/workbench',
        count: open.filter((t) => t.daysToDue >= 0 && t.daysToDue <= DUE_SOON_DAYS).length,
        days: DUE_SOON_DAYS,
      });
      push({
        type: 'task_overdue',
        link: '/workbench',
        count: open.filter((t) => t.daysToDue < 0).length,
      });
      const revisions = (await this.use.revisions.list(ctx, {})).items.filter((r) =>
        ownBranches.includes(r.branchId),
      );
      const followups = revisions
        .flatMap((r) => r.followups)
        .filter((f) => !f.notedOn && f.dueOn <= addDays(today, 7));
      push({
        type: 'followup_due',
        link: '/revisions',
        count: followups.length,
      });
    }
    if (ownBranches.length || hasRole(actor, 'grassroots_contact') || hasRole(actor, 'committee')) {
      const problems = (await this.use.problems.list(ctx, {})).items;
      if (ownBranches.length) {
        push({
          type: 'problem_to_accept',
          link: '/problems',
          count: problems.filter((p) => p.state === 'raised').length,
        });
      }
      if (hasRole(actor, 'grassroots_contact')) {
        push({
          type: 'problem_to_confirm',
          link: '/problems',
          count: problems.filter((p) => p.state === 'solved').length,
        });
      }
      if (hasRole(actor, 'committee')) {
        push({
          type: 'problem_confirm_overdue',
          link: '/problems',
          days: CONFIRM_WAIT_DAYS,
          count: problems.filter((p) => p.state === 'solved' && (p.waitingDays ?? 0) >= CONFIRM_WAIT_DAYS)
            .length,
        });
      }
    }
    if (hasRole(actor, 'committee')) {
      const waiting = await this.use.records.list(ctx, {
        status: 'submitted',
        limit: 1,
        offset: 0,
      });
      push({
        type: 'review_waiting',
        link: '/review',
        count: waiting.total,
      });
    }
    if (hasRole(actor, 'leader')) {
      const mine = (await this.use.revisions.list(ctx, { mine: 'true' })).items;
      push({
        type: 'revision_waiting',
        link: '/revisions',
        count: mine.length,
      });
    }
    return { items };
  }
}
