import type { Campaign } from '../../common/api/campaigns.js';
import { periodsOf } from '../modules/campaigns/periods.js';
import { countStatuses, loadCells, type CellFacts } from '../modules/dashboard/dashboard.facts.js';
import type { TestApp } from './harness.js';

/**
 * The dashboards' figures as the service computed them before they moved to SQL, kept for the
 * tests that hold the SQL to them: every task of the campaign loaded with its status derived in
 * the service, each cell (branch × month) scored by scorePeriod, then counted and summed here.
 */

const ratio = (n: number, d: number) => (d > 0 ? Math.round((n / d) * 10000) / 10000 : null);

export function ratesFromCells(cells: CellFacts[]) {
  const tasks = cells.flatMap((c) => c.tasks);
  const c = countStatuses(tasks);
  const due = tasks.filter((x) => x.daysToDue < 0 || x.status === 'done' || x.status === 'done_late').length;
  return {
    ...c,
    completionRate: ratio(c.done + c.doneLate, due),
    onTimeRate: ratio(c.done, c.done + c.doneLate),
    score: Math.round(cells.reduce((s, x) => s + x.score.score, 0) * 100) / 100,
    max: cells.reduce((s, x) => s + x.score.max, 0),
  };
}

/** The branch profile, against all the other branches of the campaign. */
export async function profileFromCells(t: TestApp, campaign: Campaign, branchId: number, branchName: string) {
  const cells = await loadCells(
    { db: t.database.db, tasks: t.app.services.tasks },
    campaign,
    campaign.branchIds,
  );
  const mine = cells.filter((c) => c.branchId === branchId);
  const others = cells.filter((c) => c.branchId !== branchId);
  const otherCount = new Set(others.map((c) => c.branchId)).size;
  const months = periodsOf(campaign.year, campaign.months, 'month').map((p) => {
    const m = mine.filter((c) => c.periodKey === p.key);
    const o = others.filter((c) => c.periodKey === p.key);
    return {
      periodKey: p.key,
      completionRate: ratesFromCells(m).completionRate,
      score: ratesFromCells(m).score,
      max: ratesFromCells(m).max,
      othersCompletionRate: ratesFromCells(o).completionRate,
      othersAverageScore: otherCount ? Math.round((ratesFromCells(o).score / otherCount) * 100) / 100 : null,
    };
  });
  const kinds = campaign.actionKinds
    .filter((k) => k.required)
    .map((k) => {
      const pick = (list: CellFacts[]) =>
        list.map((c) => ({ ...c, tasks: c.tasks.filter((x) => x.kind === k.kind) }));
      const own = ratesFromCells(pick(mine));
      return {
        kind: k.kind,
        title: k.title,
        completionRate: own.completionRate,
        onTimeRate: own.onTimeRate,
        othersCompletionRate: ratesFromCells(pick(others)).completionRate,
      };
    });
  const gap = (x: (typeof kinds)[number]) => (x.completionRate ?? 0) - (x.othersCompletionRate ?? 0);
  return {
    branch: { id: branchId, name: branchName },
    totals: ratesFromCells(mine),
    othersTotals: ratesFromCells(others),
    months,
    kinds,
    strengths: kinds.filter((k) => gap(k) > 0.05 || k.completionRate === 1).map((k) => k.kind),
    gaps: kinds
      .filter((k) => gap(k) < -0.05 || (k.completionRate !== null && k.completionRate < 0.8))
      .map((k) => k.kind),
  };
}

/** The indicators' task figures, the cells of the branches and months asked for summed, and month by month. */
export async function indicatorTasksFromCells(
  t: TestApp,
  campaign: Campaign,
  branchIds: number[] | 'all',
  range: { from?: string; to?: string },
) {
  const cells = await loadCells(
    { db: t.database.db, tasks: t.app.services.tasks },
    campaign,
    branchIds,
    range,
  );
  const trend = periodsOf(campaign.year, campaign.months, 'month')
    .filter((p) => (!range.from || p.key >= range.from) && (!range.to || p.key <= range.to))
    .map((p) => ({ periodKey: p.key, ...ratesFromCells(cells.filter((c) => c.periodKey === p.key)) }));
  return { tasks: ratesFromCells(cells), trend };
}

/** The group committee's comparison of companies, from the cells of each company's branches. */
export async function companiesFromCells(
  t: TestApp,
  campaign: Campaign,
  companyOf: Map<number, { id: number; name: string }>,
  range: { from?: string; to?: string } = {},
) {
  const cells = (
    await loadCells({ db: t.database.db, tasks: t.app.services.tasks }, campaign, campaign.branchIds)
  ).filter((c) => (!range.from || c.periodKey >= range.from) && (!range.to || c.periodKey <= range.to));
  const figures = (list: CellFacts[]) => {
    const r = ratesFromCells(list);
    const branches = new Set(list.map((c) => c.branchId)).size;
    return {
      ...r,
      branches,
      scoreRate: ratio(r.score, r.max),
      averageScore: branches ? Math.round((r.score / branches) * 100) / 100 : null,
    };
  };
  const companies = [...new Map([...companyOf.values()].map((c) => [c.id, c])).values()];
  const rows = companies
    .map((co) => ({
      companyId: co.id,
      companyName: co.name,
      ...figures(cells.filter((c) => companyOf.get(c.branchId)?.id === co.id)),
    }))
    .filter((r) => r.branches > 0);
  const by = (r: (typeof rows)[number]) => r.scoreRate ?? 0;
  const sorted = [...rows].sort((a, b) => by(b) - by(a));
  return {
    range: { from: range.from ?? null, to: range.to ?? null },
    rows: sorted.map((r) => ({ ...r, rank: sorted.findIndex((x) => by(x) === by(r)) + 1 })),
    group: figures(cells),
  };
}
