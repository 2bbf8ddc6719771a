import type { Campaign } from '../../../common/api/campaigns.js';
import type { FusionFigures } from '../../../common/api/fusion.js';
import { countStatuses, loadCells, type CellSources } from '../dashboard/dashboard.facts.js';
import type { IndicatorsService } from '../dashboard/indicators.service.js';
import * as repo from './documents.repo.js';
import type { ApprovedRecord } from './documents.repo.js';

export type Indicators = Awaited<ReturnType<IndicatorsService['indicators']>>;

/** Everything the annual summary says, gathered once per export. */
export interface SummaryFacts {
  committeeName: string;
  campaign: { id: number; name: string; year: number; watchwords: string | null };
  kinds: { kind: string; title: string }[];
  period: { from: string; to: string; months: number };
  branchCount: number;
  indicators: Indicators;
  records: ApprovedRecord[];
  unitNames: Map<number, string>;
  channelLabels: Record<string, { zh: string }>;
  generatedOn: string;
  extras: SummaryExtras;
  /** 融合成效 over the summary's months (the fusion module's figures). */
  fusion: FusionFigures;
}

export type SummaryExtras = Awaited<ReturnType<typeof summaryExtras>>;

/**
 * The facts behind the summary's breakdowns and its 存在的问题: required tasks that were due
 * (the base of every rate), per branch; attendance per branch with absences; each problem's
 * rating; the revisions' effect follow-ups; the records returned; and the branches' scores,
 * which are printed only where the campaign lets branches see rankings.
 */
export async function summaryExtras(
  deps: CellSources,
  campaign: Campaign,
  period: { from: string; to: string },
) {
  const f = { campaignId: campaign.id, branchIds: 'all' as const, from: period.from, to: period.to };
  const [cells, attendance, verdicts, evidence, returns, branchOrder] = await Promise.all([
    loadCells(deps, campaign, 'all', period),
    repo.attendanceByBranch(deps.db, f),
    repo.problemVerdicts(deps.db, f),
    repo.revisionEvidence(deps.db, f),
    repo.returnsIn(deps.db, f),
    repo.branchOrder(deps.db),
  ]);
  const tasks = cells.flatMap((c) => c.tasks);
  // A task is due once its deadline has passed, or earlier when it is already done: the future is
  // not a shortfall. Every rate of the summary is against these.
  const isDue = (t: (typeof tasks)[number]) =>
    t.daysToDue < 0 || t.status === 'done' || t.status === 'done_late';
  const due = tasks.filter(isDue);
  const branchIds = [...new Set(cells.map((c) => c.branchId))].sort(
    (a, b) => (branchOrder.get(a) ?? 0) - (branchOrder.get(b) ?? 0),
  );
  const branchNames = new Map(attendance.map((a) => [a.branchId, a.branchName]));
  const names = new Map((await repo.branchNames(deps.db, branchIds)).map((b) => [b.id, b.name] as const));
  for (const [id, name] of names) if (!branchNames.has(id)) branchNames.set(id, name);
  return {
    tasks: countStatuses(due),
    notDue: tasks.length - due.length,
    tasksByBranch: branchIds.map((id) => ({
      branchName: branchNames.get(id) ?? '',
      ...countStatuses(due.filter((t) => t.branchId === id)),
    })),
    attendance,
    verdicts: new Map(verdicts.map((v) => [v.recordId, v])),
    evidence: new Map(evidence.map((e) => [e.recordId, e])),
    /** Records returned at least once, each once, with whether they were put right. */
    returned: [...new Map(returns.map((r) => [r.recordId, r])).values()],
    scores: campaign.branchesSeeRanking
      ? branchIds
          .map((id) => {
            const mine = cells.filter((c) => c.branchId === id);
            return {
              branchName: branchNames.get(id) ?? '',
              score: Math.round(mine.reduce((s, c) => s + c.score.score, 0) * 10) / 10,
              max: mine.reduce((s, c) => s + c.score.max, 0),
            };
          })
          .sort((a, b) => b.score - a.score)
      : null,
  };
}
