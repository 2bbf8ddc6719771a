/**
 * The period a bulletin covers: one month, a quarter, a half-year, or any range of months of one
 * year. Written once here so the server's documents, the issued list and the web's dialog name a
 * period the same way.
 */
export const docPeriodKinds = ['month', 'quarter', 'half', 'range', 'year'] as const;
export type DocPeriodKind = (typeof docPeriodKinds)[number];

export interface DocPeriod {
  kind: DocPeriodKind;
  /** First and last month covered, YYYY-MM. */
  from: string;
  to: string;
}

const monthOf = (key: string) => Number(key.slice(5, 7));
const yearOf = (key: string) => Number(key.slice(0, 4));
const cnQuarters = ['一', '二', '三', '四'];
const enMonths = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const key = (year: number, month: number) => `${year}-${String(month).padStart(2, '0')}`;

/** The months a kind of period spans, given its year and its number (month 1–12, quarter 1–4, half 1–2). */
export function periodSpan(kind: 'month' | 'quarter' | 'half', year: number, n: number): DocPeriod {
  const size = kind === 'month' ? 1 : kind === 'quarter' ? 3 : 6;
  return { kind, from: key(year, (n - 1) * size + 1), to: key(year, n * size) };
}

/** Names a range of months by what it is: 6–6 is a month, 4–6 a quarter, 1–6 a half-year. */
export function docPeriodOf(from: string, to: string): DocPeriod {
  const a = monthOf(from);
  const b = monthOf(to);
  let kind: DocPeriodKind = 'range';
  if (from === to) kind = 'month';
  else if (a % 3 === 1 && b === a + 2) kind = 'quarter';
  else if (a % 6 === 1 && b === a + 5) kind = 'half';
  else if (a === 1 && b === 12) kind = 'year';
  return { kind, from, to };
}

/** “2020年6月”, “2020年第二季度”, “2020年上半年”, “2020年3月至8月”, “2020年度”. */
export function docPeriodLabel(p: DocPeriod, lang: 'zh' | 'en' = 'zh'): string {
  const year = yearOf(p.from);
  const a = monthOf(p.from);
  const b = monthOf(p.to);
  if (lang === 'en') {
    switch (p.kind) {
      case 'month':
        return `${enMonths[a - 1]} ${year}`;
      case 'quarter':
        return `Q${Math.ceil(a / 3)} ${year}`;
      case 'half':
        return `H${a === 1 ? 1 : 2} ${year}`;
      case 'year':
        return `${year}`;
      case 'range':
        return `${enMonths[a - 1]}–${enMonths[b - 1]} ${year}`;
    }
  }
  switch (p.kind) {
    case 'month':
      return `${year}年${a}月`;
    case 'quarter':
      return `${year}年第${cnQuarters[Math.ceil(a / 3) - 1]}季度`;
    case 'half':
      return `${year}年${a === 1 ? '上' : '下'}半年`;
    case 'year':
      return `${year}年度`;
    case 'range':
      return `${year}年${a}月至${b}月`;
  }
}

/** How the document speaks of its own period and the next: 本月 / 下月, 本季度 / 下季度, 本期 / 下一阶段. */
export function docPeriodTerms(p: DocPeriod): { current: string; next: string } {
  switch (p.kind) {
    case 'month':
      return { current: '本月', next: '下月' };
    case 'quarter':
      return { current: '本季度', next: '下季度' };
    default:
      return { current: '本期', next: '下一阶段' };
  }
}

/** The issue number as printed: “2020年第3期”. */
export const issueNumberText = (year: number, seq: number) => `${year}年第${seq}期`;

/**
 * The issuing body's full name: the one set in the organisation's settings, or, until it is set,
 * the usual form of an organ committee's name (中共 + company + 机关委员会).
 */
export function issuingBody(org: { name: string; committeeFullName: string | null }): string {
  return org.committeeFullName?.trim() || `中共${org.name}机关委员会`;
}
