import { problemMeasureLabels, type TaskStatus } from '../../../common/actions.js';
import type { Campaign } from '../../../common/api/campaigns.js';
import { issuingBody } from '../../../common/document-periods.js';
import type { AuthedContext } from '../../lib/actor.js';
import { dashboardScope } from '../dashboard/dashboard.policy.js';
import { committeeCompanyIds } from '../../lib/actor.js';
import { countStatuses, loadCells, type CellSources } from '../dashboard/dashboard.facts.js';
import type { DashboardService } from '../dashboard/dashboard.service.js';
import type { IndicatorsService } from '../dashboard/indicators.service.js';
import type { FusionService } from '../fusion/fusion.service.js';
import { publicityChannelList } from '../settings/settings.service.js';
import type { BulletinFacts } from './bulletin.js';

type Structure = {
  organisation: Parameters<typeof issuingBody>[0];
  companies: ({ id: number } & Parameters<typeof issuingBody>[0])[];
  branches: { id: number; name: string }[];
};
import { bulletinPeriod, type MonthsQuery } from './document-period.js';
import * as repo from './documents.repo.js';

/** Where a bulletin's facts come from: the dashboard's cells, indicators and ranking, and 融合成效. */
export type BulletinSources = CellSources & {
  indicators: IndicatorsService;
  dashboard: DashboardService;
  fusion: FusionService;
};

/** The facts of a bulletin (a month, quarter, half-year or range), for the branches the caller may see. */
export async function loadBulletinFacts(
  deps: BulletinSources,
  ctx: AuthedContext,
  campaign: Campaign,
  months: MonthsQuery,
  today: string,
  structure: Structure,
): Promise<BulletinFacts> {
  const campaignId = campaign.id;
  const scope = dashboardScope(ctx.actor, campaign);
  const period = bulletinPeriod(campaign, months);
  const branches = structure.branches.filter(
    (b) => campaign.branchIds.includes(b.id) && (scope.branchIds === 'all' || scope.branchIds.includes(b.id)),
  );
  const range = { from: period.from, to: period.to };
  // A branch that sees the ranking sees every branch's statuses, not their records: return
  // reasons, problems and publicity stay its own (as on the dashboard and the registers).
  const recordBranchIds = scope.own.length ? scope.own : scope.branchIds;
  const f = { campaignId, branchIds: recordBranchIds, ...range };
  const [cells, indicators, returns, approved, units, channels, attendance, verdicts, fusion] =
    await Promise.all([
      loadCells(deps, campaign, scope.branchIds, range),
      deps.indicators.indicators(ctx, { campaignId, ...range }),
      repo.returnsIn(deps.db, f),
      repo.approvedRecords(deps.db, f),
      repo.unitNames(deps.db),
      publicityChannelList(deps.db),
      repo.attendanceByBranch(deps.db, f),
      repo.problemVerdicts(deps.db, f),
      // The branch's copy: its own effect only, like its records.
      deps.fusion.compute(f),
    ]);
  const verdictOf = new Map(verdicts.map((v) => [v.recordId, v]));
  const kinds = campaign.actionKinds.filter((k) => k.required && k.period === 'month');
  const tasks = cells.flatMap((c) => c.tasks);
  const branchName = new Map(branches.map((b) => [b.id, b.name]));
  const channelLabel = new Map(channels.map((c) => [c.code, c.label]));
  const ranking = campaign.branchesSeeRanking
    ? (
        await deps.dashboard.ranking(ctx, {
          campaignId,
          periodKey: range.from,
          to: range.to,
        })
      ).rows
    : null;
  const counts = countStatuses(tasks);
  return {
    // A company's committee puts its own name on its company's copy.
    committeeName: issuingBody(
      (scope.view === 'company' &&
        structure.companies.find((c) => committeeCompanyIds(ctx.actor).includes(c.id))) ||
        structure.organisation,
    ),
    campaignName: campaign.name,
    period,
    generatedOn: today,
    ownOnly: scope.view === 'own',
    kinds: kinds.map((k) => ({ kind: k.kind, title: k.title })),
    rows: branches.map((b) => ({
      branchName: b.name,
      statuses: kinds.map((k) => worst(tasks.filter((t) => t.branchId === b.id && t.actionKindId === k.id))),
    })),
    counts: {
      ...counts,
      // Due: past its deadline, or done before it. The completion rate's base.
      due: tasks.filter((t) => t.daysToDue < 0 || t.status === 'done' || t.status === 'done_late').length,
    },
    // What each branch did: its approved records by kind, and its meetings' attendance. Only the
    // branches whose records the caller may read (a branch's copy holds its own).
    branches: branches
      .filter((b) => recordBranchIds === 'all' || recordBranchIds.includes(b.id))
      .map((b) => ({
        branchName: b.name,
        attendance: attendance.find((a) => a.branchId === b.id) ?? null,
        done: approved.filter((r) => r.branchId === b.id).map((r) => ({ kind: r.kind, title: r.title })),
      })),
    completionRate: indicators.tasks.completionRate,
    late: tasks
      .filter((t) => t.status === 'done_late' || t.status === 'overdue')
      .map((t) => ({
        branchName: branchName.get(t.branchId) ?? '',
        kindTitle: kinds.find((k) => k.id === t.actionKindId)?.title ?? t.title,
        status: t.status,
      })),
    returns: returns.map((r) => ({
      branchName: r.branchName,
      title: r.title,
      comment: r.comment,
      resolved: r.status === 'approved',
    })),
    highlights: indicators.highlights.map((h) => ({
      branchName: h.branchName,
      title: h.title,
      note: h.note,
    })),
    problems: approved
      .filter((r) => r.kind === 'grassroots_problem')
      .map((r) => {
        const d = r.data as { unitId?: number | null; measures?: { kind: string }[]; outcome?: string };
        return {
          branchName: r.branchName,
          title: r.title,
          unit: (d.unitId && units.get(d.unitId)) || '',
          measures: [
            ...new Set((d.measures ?? []).map((m) => problemMeasureLabels[m.kind as 'other']?.zh ?? m.kind)),
          ].join('、'),
          outcome: d.outcome ?? '',
          verdict: verdictOf.get(r.id) ?? null,
        };
      }),
    publicity: approved
      .filter((r) => r.kind === 'publicity')
      .map((r) => ({
        branchName: r.branchName,
        title: r.title,
        channels: ((r.data as { channels?: { channel: string; publishedOn: string }[] }).channels ?? [])
          .map(
            (c) =>
              `${channelLabel.get(c.channel) ?? c.channel}(${Number(c.publishedOn.slice(5, 7))}月${Number(c.publishedOn.slice(8))}日)`,
          )
          .join('\n'),
      })),
    fusion,
    ranking:
      ranking?.map((r) => ({ rank: r.rank, branchName: r.branchName, score: r.score, max: r.max })) ?? null,
  };
}

/** One cell of the bulletin's table: where a kind has several tasks, the least advanced shows. */
const order: TaskStatus[] = [
  'overdue',
  'returned',
  'not_started',
  'in_progress',
  'submitted',
  'done_late',
  'done',
];
function worst(tasks: { status: TaskStatus }[]): TaskStatus | null {
  if (!tasks.length) return null;
  return [...tasks].sort((a, b) => order.indexOf(a.status) - order.indexOf(b.status))[0]!.status;
}
