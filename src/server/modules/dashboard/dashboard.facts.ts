import type { Campaign } from '../../../common/api/campaigns.js';
import type { Task } from '../../../common/api/tasks.js';
import type { ServiceDeps } from '../../lib/service-deps.js';
import type { TasksService, TaskStatusFacts } from '../tasks/tasks.service.js';
import * as repo from './dashboard.repo.js';
import type { CellsQuery } from './scores.repo.js';
import { scorePeriod, type Quality } from './scoring.js';

/** Counting tasks by status is the status list's own (status-counts.ts); the cells' users count here. */
export { countStatuses } from './status-counts.js';

export interface CellFacts<T extends TaskStatusFacts = Task> {
  branchId: number;
  periodKey: string;
  tasks: T[];
  score: ReturnType<typeof scorePeriod>;
}

type Range = { from?: string; to?: string; kind?: string };

/** Where the cells come from: the tasks module's statuses and this module's queries. */
export type CellSources = Pick<ServiceDeps, 'db'> & { tasks: TasksService };

const key = (branchId: number, periodKey: string) => `${branchId}/${periodKey}`;

/**
 * Everything the dashboards show, computed from the records on every request: task statuses
 * (derived), approved records' grades, optional actions and highlights. Nothing is stored.
 */
export async function loadCells(
  deps: CellSources,
  campaign: Campaign,
  branchIds: number[] | 'all',
  range: Range = {},
): Promise<CellFacts[]> {
  const tasks = deps.tasks.load({ campaignId: campaign.id, branchIds, kind: range.kind });
  return cellsOf(deps, campaign, branchIds, range, tasks);
}

/**
 * The same cells with each task's status only, not the whole task: enough to count and score,
 * and much less to read where a screen covers thousands of tasks (the matrix, the ranking).
 */
export async function loadCellStatuses(
  deps: CellSources,
  campaign: Campaign,
  branchIds: number[] | 'all',
  range: Range = {},
): Promise<CellFacts<TaskStatusFacts>[]> {
  const tasks = deps.tasks.statuses({ campaignId: campaign.id, branchIds, kind: range.kind });
  return cellsOf(deps, campaign, branchIds, range, tasks);
}

async function cellsOf<T extends TaskStatusFacts>(
  deps: Pick<ServiceDeps, 'db'>,
  campaign: Campaign,
  branchIds: number[] | 'all',
  range: Range,
  loading: Promise<T[]>,
): Promise<CellFacts<T>[]> {
  const filter = { campaignId: campaign.id, branchIds, from: range.from, to: range.to };
  const [tasks, qualities, extras] = await Promise.all([
    loading,
    repo.qualitiesByTask(deps.db, filter),
    repo.extrasByPeriod(deps.db, filter),
  ]);
  const gradesOf = new Map<number, (Quality | null)[]>();
  for (const q of qualities) {
    const list = gradesOf.get(q.taskId!);
    if (list) list.push(q.quality);
    else gradesOf.set(q.taskId!, [q.quality]);
  }
  const extrasOf = new Map(extras.map((e) => [key(e.branchId, e.periodKey ?? ''), e]));
  const kindOf = new Map(campaign.actionKinds.map((k) => [k.id, k]));
  const optional = campaign.actionKinds.find((k) => k.kind === 'optional');

  const grouped = new Map<string, T[]>();
  for (const t of tasks) {
    if ((range.from && t.periodKey < range.from) || (range.to && t.periodKey > range.to)) continue;
    const k = key(t.branchId, t.periodKey);
    const list = grouped.get(k);
    if (list) list.push(t);
    else grouped.set(k, [t]);
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
            kindTitle: kindOf.get(t.actionKindId)?.title ?? '',
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

/** What the statements over a campaign's cells need of it: its points and scoring rules. */
export function cellsQuery(campaign: Campaign, branchIds: number[] | 'all', today: string): CellsQuery {
  return {
    campaignId: campaign.id,
    branchIds,
    today,
    points: campaign.actionKinds.map((k) => ({ id: k.id, points: k.points })),
    optionalPoints: campaign.actionKinds.find((k) => k.kind === 'optional')?.points ?? 0,
    optionalCap: campaign.optionalBonusCap,
    rules: campaign.scoring,
  };
}
