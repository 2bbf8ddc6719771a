import { addDays, monthEnd, pad2 } from '../../lib/dates.js';

export interface Period {
  key: string;
  start: string;
  end: string;
}

/**
 * The periods of a campaign for one action kind: each active month, or each quarter that holds
 * at least one active month (a quarter then runs over its active months only).
 */
export function periodsOf(year: number, months: number[], period: 'month' | 'quarter'): Period[] {
  const sorted = [...months].sort((a, b) => a - b);
  if (period === 'month') {
    return sorted.map((m) => ({
      key: `${year}-${pad2(m)}`,
      start: `${year}-${pad2(m)}-01`,
      end: monthEnd(year, m),
    }));
  }
  const byQuarter = new Map<number, number[]>();
  for (const m of sorted) {
    const q = Math.ceil(m / 3);
    byQuarter.set(q, [...(byQuarter.get(q) ?? []), m]);
  }
  return [...byQuarter].map(([q, ms]) => ({
    key: `${year}-Q${q}`,
    start: `${year}-${pad2(ms[0]!)}-01`,
    end: monthEnd(year, ms.at(-1)!),
  }));
}

export function periodOfDate(periods: Period[], date: string): Period | undefined {
  return periods.find((p) => p.start <= date && date <= p.end);
}

/** Deadline rule: the period's last day plus the grace days. */
export const dueDateOf = (p: Period, graceDays: number) => addDays(p.end, graceDays);
