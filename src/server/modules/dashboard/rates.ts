import type { StatusTotals } from './rollups.repo.js';
import { noCounts } from './status-counts.js';

/** A share to four places (0.8333), or null where there is nothing to share out. */
export const ratio = (n: number, d: number) => (d > 0 ? Math.round((n / d) * 10000) / 10000 : null);

export const noTotals: StatusTotals = { ...noCounts(), due: 0, score: 0, max: 0 };

/** Only the status totals of a row that carries more (its company, its month). */
export function totalsOnly(row: StatusTotals): StatusTotals {
  return Object.fromEntries(
    (Object.keys(noTotals) as (keyof StatusTotals)[]).map((k) => [k, row[k]]),
  ) as unknown as StatusTotals;
}

/** Several groups' totals as one (an action kind may have more than one row). */
export function sumTotals(list: StatusTotals[]): StatusTotals {
  const sum = { ...noTotals };
  for (const t of list) for (const k of Object.keys(noTotals) as (keyof StatusTotals)[]) sum[k] += t[k];
  return sum;
}

/**
 * A group's rates from the database's totals. Completion counts only tasks that are due by now
 * or already done: the future is not a gap.
 */
export function ratesOf(found: StatusTotals = noTotals) {
  // Summed over no task at all (a branch or months the campaign does not have), the database's
  // sums are null: that is none of each.
  const t = Object.fromEntries(
    Object.entries(found).map(([k, v]) => [k, v ?? (k === 'periodKey' ? v : 0)]),
  ) as StatusTotals;
  const { due, score, ...counts } = t;
  return {
    ...counts,
    completionRate: ratio(t.done + t.doneLate, due),
    onTimeRate: ratio(t.done, t.done + t.doneLate),
    score: Math.round(score * 100) / 100,
  };
}

/**
 * Rows sorted by a figure, highest first, each with its rank; equal figures share a rank
 * (1, 1, 3): the rank is the first position of the figure.
 */
export function ranked<T>(rows: T[], figure: (row: T) => number): (T & { rank: number })[] {
  const sorted = [...rows].sort((a, b) => figure(b) - figure(a));
  const firstAt = new Map<number, number>();
  sorted.forEach((row, i) => {
    if (!firstAt.has(figure(row))) firstAt.set(figure(row), i + 1);
  });
  return sorted.map((row) => ({ ...row, rank: firstAt.get(figure(row))! }));
}
