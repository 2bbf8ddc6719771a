/**
 * Measuring and breaking Chinese text the way a typesetter would: a title split at the seams
 * of its words (never “对/标”), table columns as wide as what they hold.
 */

/** Width in ems: Chinese characters and full-width marks are one, Latin letters and digits about half. */
export function textWidth(s: string): number {
  let w = 0;
  for (const c of s) w += c.charCodeAt(0) < 0x2e80 && c !== '“' && c !== '”' && c !== '—' ? 0.55 : 1;
  return w;
}

/** Text width of the type area (A4 less 28 + 26 mm) in ems of the title's 二号 (22 pt). */
export const TITLE_EMS = 20;

/**
 * Where a title may break: after these (关于… / …年 / …月 / a closing quote or book-title mark,
 * …党支部 / …党委) and before these (…开展情况的通报 / …工作总结). Everywhere else the characters
 * belong together.
 */
const AFTER = ['关于', '年度', '年', '月', '”', '》', '党支部', '党委', '委员会', '活动', '期间', '、'];
const BEFORE = ['开展情况', '情况的', '工作总结', '总结', '的通报', '通报', '会议记录', '记录', '（'];

function seams(title: string): number[] {
  const out = new Set<number>();
  for (const a of AFTER) {
    for (let i = title.indexOf(a); i >= 0; i = title.indexOf(a, i + 1)) out.add(i + a.length);
  }
  for (const b of BEFORE) {
    for (let i = title.indexOf(b); i >= 0; i = title.indexOf(b, i + 1)) out.add(i);
  }
  // Not inside a number (“2020年1|0月”) nor inside quotes or book-title marks.
  return [...out]
    .filter((i) => i > 0 && i < title.length)
    .filter((i) => !(/\d/.test(title[i - 1]!) && /\d/.test(title[i]!)))
    .filter((i) => {
      const before = title.slice(0, i);
      const open = (o: string, c: string) => before.split(o).length - before.split(c).length;
      return open('“', '”') <= 0 && open('《', '》') <= 0 && open('（', '）') <= 0;
    })
    .sort((a, b) => a - b);
}

/**
 * The title's lines: as few as fit the type area, broken only at seams, the lines as even as
 * possible with the longer ones first (the “trapezoid” of GB/T 9704). A title with explicit
 * line breaks keeps them.
 */
export function titleLines(title: string, max = TITLE_EMS): string[] {
  if (title.includes('\n')) return title.split('\n');
  if (textWidth(title) <= max) return [title];
  const cuts = seams(title);
  let best: { lines: string[]; cost: number } | null = null;
  // Every choice of seams (titles are short: at most a few dozen seams, two or three lines).
  const search = (from: number, lines: string[]) => {
    if (lines.length > 4) return;
    const rest = title.slice(from);
    if (textWidth(rest) <= max) {
      const all = [...lines, rest];
      const widths = all.map(textWidth);
      const spread = Math.max(...widths) - Math.min(...widths);
      const upsideDown = widths.slice(1).some((w, i) => w > widths[i]! + 1) ? 5 : 0;
      const cost = all.length * 100 + spread + upsideDown;
      if (!best || cost < best.cost) best = { lines: all, cost };
      return;
    }
    for (const c of cuts) {
      if (c <= from) continue;
      const line = title.slice(from, c);
      if (textWidth(line) > max) break;
      search(c, [...lines, line]);
    }
  };
  search(0, []);
  if (best) return (best as { lines: string[] }).lines;
  // No seams fit (one very long word): fall back to even chunks, still not inside a number.
  const lines: string[] = [];
  let line = '';
  for (const c of title) {
    if (textWidth(line + c) > max && !(/\d/.test(c) && /\d$/.test(line))) {
      lines.push(line);
      line = '';
    }
    line += c;
  }
  return [...lines, line];
}

/**
 * Column widths (in parts of the table's width, summing to `total`) from what the columns hold:
 * each column gets at least its header or its longest short entry, and what is left goes to the
 * columns with long text in proportion to how much they hold.
 */
export function columnWidths(header: string[], rows: string[][], total: number): number[] {
  const lineW = (s: string) => Math.max(0, ...s.split('\n').map(textWidth));
  // The cell's margins and the estimate's error: at 1 em a short date (“6月12日”) still broke in
  // LibreOffice.
  const pad = 1.5;
  const natural = header.map((h, i) => Math.max(lineW(h), ...rows.map((r) => lineW(r[i] ?? ''))) + pad);
  // A column never narrower than its header word or 3 ems, and short entries stay on one line.
  const min = header.map((h, i) =>
    Math.max(
      3,
      lineW(h) + pad,
      ...rows
        .map((r) => lineW(r[i] ?? ''))
        .filter((w) => w <= 8)
        .map((w) => w + pad),
    ),
  );
  const sumNatural = natural.reduce((s, x) => s + x, 0);
  let widths: number[];
  if (sumNatural <= total) {
    widths = natural.map((n) => (n / sumNatural) * total);
  } else {
    const base = min.map((m, i) => Math.min(m, natural[i]!));
    const left = Math.max(0, total - base.reduce((s, x) => s + x, 0));
    const wants = natural.map((n, i) => n - base[i]!);
    const sumWants = wants.reduce((s, x) => s + x, 0) || 1;
    widths = base.map((b, i) => b + (wants[i]! / sumWants) * left);
  }
  const scale = total / widths.reduce((s, x) => s + x, 0);
  return widths.map((w) => Math.floor(w * scale));
}
