import type { Lang } from '../../app/i18n/types';

const monthsEn = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2020-03" → 2020年3月 / Mar 2020; "2020-Q1" → 2020年第1季度 / Q1 2020. */
export function periodLabel(key: string, lang: Lang): string {
  const [year, part = ''] = key.split('-');
  if (part.startsWith('Q')) return lang === 'zh' ? `${year}年第${part.slice(1)}季度` : `${part} ${year}`;
  const month = Number(part);
  return lang === 'zh' ? `${year}年${month}月` : `${monthsEn[month - 1] ?? part} ${year}`;
}

/** The month alone, for axis labels: 3月 / Mar. */
export function periodShort(key: string, lang: Lang): string {
  const part = key.split('-')[1] ?? key;
  if (part.startsWith('Q')) return part;
  const month = Number(part);
  return lang === 'zh' ? `${month}月` : (monthsEn[month - 1] ?? part);
}

/** A 0..1 rate as a percentage ("91.2%"), or a dash when there is nothing to measure. */
export function percent(rate: number | null | undefined, digits = 1): string {
  if (rate === null || rate === undefined || Number.isNaN(rate)) return '—';
  return `${Number((rate * 100).toFixed(digits))}%`;
}

/** Points as shown: at most two decimals, no trailing zeros. */
export function points(n: number | null | undefined): string {
  if (n === null || n === undefined) return '—';
  return String(Math.round(n * 100) / 100);
}
