/** Chinese renderings of dates, months, rates and tallies, as official documents write them. */

export function cnDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

export function cnMonth(periodKey: string): string {
  const [y, m] = periodKey.split('-').map(Number);
  return `${y}年${m}月`;
}

export const monthOnly = (periodKey: string) => `${Number(periodKey.split('-')[1])}月`;

export function pct(rate: number | null): string {
  return rate === null ? '—' : `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;
}

/** “视频会议 8 次、钉钉群 6 次”, largest first; unknown codes keep their code. */
export function tally(
  counts: Record<string, number>,
  labels: Record<string, { zh: string }>,
  unit: string,
): string {
  return Object.entries(counts)
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1])
    .map(([code, n]) => `${labels[code]?.zh ?? code}${n}${unit}`)
    .join('、');
}

/** A title in book-title marks, unless it has them already. */
export const quoted = (title: string) =>
  /^《.*》$/.test(title.trim()) ? title.trim() : `《${title.trim()}》`;

/** The first `max` distinct items joined by 、, ending in “等” when there were more. */
export function someOf(items: string[], max: number): string {
  const unique = [...new Set(items)];
  return unique.length <= max ? unique.join('、') : `${unique.slice(0, max).join('、')}等`;
}

export const ordinals = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
