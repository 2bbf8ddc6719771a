/** Small text helpers shared by the monthly-loop pages: period names and checklist wording. */
import type { Lang } from '../../app/i18n/types';

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2026-03" → 2026年3月 / Mar 2026; "2026-Q2" → 2026年第2季度 / Q2 2026. */
export function periodLabel(key: string, lang: Lang): string {
  const [year, part = ''] = key.split('-');
  if (part.startsWith('Q')) return lang === 'zh' ? `${year}年第${part.slice(1)}季度` : `${part} ${year}`;
  const month = Number(part);
  return lang === 'zh' ? `${year}年${month}月` : `${MONTHS_EN[month - 1] ?? part} ${year}`;
}

/** The monthly period a calendar day (YYYY-MM-DD) falls in. */
export const monthOf = (day: string) => day.slice(0, 7);

/** A blocking checklist label reads "已填写…" (done); as a to-do it drops the "已". */
export const asTodo = (label: string) => label.replace(/^已/, '');
