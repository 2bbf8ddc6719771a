/**
 * Whether a solved problem stayed solved (问题是否反弹): 3 and 6 months after the unit confirmed
 * it, the unit (or the branch that solved it) records whether it has come back. A recheck may be
 * recorded from its day on, once; the reminder job asks on that day.
 */
export const recheckMonths = [3, 6] as const;
export type RecheckMonths = (typeof recheckMonths)[number];

/** The day `months` after an ISO date, clamped to the end of a shorter month (5-31 + 3 → 8-31, 11-30 + 3 → 2-28). */
export function addMonthsIso(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** The day a recheck may be recorded from. */
export const recheckDay = (confirmedOn: string, months: RecheckMonths) => addMonthsIso(confirmedOn, months);

/** The rechecks whose day has come and that nobody recorded yet, earliest first. */
export function rechecksDue(
  confirmedOn: string | null,
  today: string,
  recorded: readonly number[],
): RecheckMonths[] {
  if (!confirmedOn) return [];
  return recheckMonths.filter((m) => recheckDay(confirmedOn, m) <= today && !recorded.includes(m));
}

export const recheckLabels: Record<'stayed' | 'cameBack', { zh: string; en: string }> = {
  stayed: { zh: '未反弹', en: 'Stayed solved' },
  cameBack: { zh: '已反弹', en: 'Came back' },
};
