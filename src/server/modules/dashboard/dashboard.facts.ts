import type { Campaign } from '../../../common/api/campaigns.js';
import type { Task } from '../../../common/api/tasks.js';
import type { ServiceDeps } from '../../services.js';
import { TasksService } from '../tasks/tasks.service.js';
import * as repo from './dashboard.repo.js';
import { scorePeriod, type Quality } from './scoring.js';

export interface CellFacts {
  branchId: number;
  periodKey: string;
  tasks: Task[];
  score: ReturnType<typeof scorePeriod>;
}

const key = (branchId: number, periodKey: string) => `${branchId}/${periodKey}`;

/**
 * Everything the dashboards show, computed from the records on every request: task statuses
 * (derived), approved records' grades, optional actions and highlights. Nothing is stored.
 */
export async function loadCells(
  deps: ServiceDeps,
  campaign: Campaign,
  branchIds: number[] | 'all',
  range: { from?: string; to?: string; kind?: string } = {},
): Promise<CellFacts[]> {
  const filter = { campaignId: campaign.id, branchIds, from: range.from, to: range.to };
  const [tasks, qualities, extras] = await Promise.all([
    new TasksService(deps).load({ campaignId: campaign.id, branchIds, kind: range.kind }),
    repo.qualitiesByTask(deps.db, filter),
    repo.extrasByPeriod(deps.db, filter),
  ]);
  const gradesOf = new Map<number, (Quality | null)[]>();
  for (const q of qualities) gradesOf.set(q.taskId!, [...(gradesOf.get(q.taskId!) ?? []), q.quality]);
  const extrasOf = new Map(extras.map((e) => [key(e.branchId, e.periodKey ?? ''), e]));
  const kindOf = new Map(campaign.actionKinds.map((k) => [k.id, k]));
  const optional = campaign.actionKinds.find((k) => k.kind === 'optional');

  const grouped = new Map<string, Task[]>();
  for (const t of tasks) {
    if ((range.from && t.periodKey < range.from) || (range.to && t.periodKey > range.to)) continue;
    const k = key(t.branchId, t.periodKey);
    grouped.set(k, [...(grouped.get(k) ?? []), t]);
  }
  return [...grouped].map(([k, cellTasks]) => {
    const { branchId, periodKey } = cellTasks[0]!;
    const extra = extrasOf.get(k);
    return {
      branchId,
      periodKey,
      tasks: cellTasks,
      score: scorePeriod(
        {
          tasks: cellTasks.map((t) => ({
            kindTitle: kindOf.get(t.actionKindId)?.title ?? t.title,
            points: kindOf.get(t.actionKindId)?.points ?? 0,
            status: t.status,
            qualities: gradesOf.get(t.id) ?? [],
          })),
          // With a kind filter the bonus parts are left out: they belong to the whole month.
          optionalApproved: range.kind ? 0 : (extra?.optional ?? 0),
          optionalPoints: optional?.points ?? 0,
          optionalCap: campaign.optionalBonusCap,
          highlights: range.kind ? 0 : (extra?.highlights ?? 0),
        },
        campaign.scoring,
      ),
    };
  });
}

export function countStatuses(tasks: Task[]) {
  const c = {
    total: tasks.length,
    done: 0,
    doneLate: 0,
    submitted: 0,
    returned: 0,
    inProgress: 0,
    overdue: 0,
    notStarted: 0,
  };
  for (const t of tasks) {
    if (t.status === 'done') c.done++;
    else if (t.status === 'done_late') c.doneLate++;
    else if (t.status === 'submitted') c.submitted++;
    else if (t.status === 'returned') c.returned++;
    else if (t.status === 'in_progress') c.inProgress++;
    else if (t.status === 'overdue') c.overdue++;
    else c.notStarted++;
  }
  return c;
}
