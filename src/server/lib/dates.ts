/**
 * Calendar dates as ISO strings (YYYY-MM-DD) in China Standard Time, the users' working day.
 * Due dates, activity dates and periods are calendar days, never instants.
 */
const CST_OFFSET_MS = 8 * 3600_000;

export function cstDate(instant: Date): string {
  return new Date(instant.getTime() + CST_OFFSET_MS).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export function monthEnd(year: number, month: number): string {
  return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
}

export const pad2 = (n: number) => String(n).padStart(2, '0');
