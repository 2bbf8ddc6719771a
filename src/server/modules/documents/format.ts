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

/** A whole and its parts, printed so that the parts visibly add up to the whole. */
export interface Breakdown {
  label: string;
  unit: string;
  total: number;
  parts: [string, number][];
}

/** “应完成规定动作250项,其中按时完成198项、补报完成14项”: parts of 0 are left out. */
export function breakdownText(b: Breakdown): string {
  const parts = b.parts.filter(([, n]) => n > 0);
  const head = `${b.label}${b.total}${b.unit}`;
  if (!parts.length || (parts.length === 1 && parts[0]![1] === b.total && !parts[0]![0])) return head;
  return `${head},其中${parts.map(([l, n]) => `${l}${n}${b.unit}`).join('、')}`;
}

/** “完成率84.8%(已完成212项/应完成250项)”: a rate always names what it counts and its base. */
export function rateText(
  label: string,
  part: { label: string; n: number },
  base: { label: string; n: number },
  unit: string,
): string {
  const value = base.n > 0 ? part.n / base.n : null;
  return `${label}${pct(value)}(${part.label}${part.n}${unit}/${base.label}${base.n}${unit})`;
}

/** Attendance at the study sessions and theme days: everyone expected, and how each was marked. */
export interface AttendanceCounts {
  expected: number;
  present: number;
  leave: number;
  absent: number;
}

/** Several branches' (or meetings') attendance as one. */
export function sumAttendance(rows: AttendanceCounts[]): AttendanceCounts {
  return rows.reduce(
    (s, x) => ({
      expected: s.expected + x.expected,
      present: s.present + x.present,
      leave: s.leave + x.leave,
      absent: s.absent + x.absent,
    }),
    { expected: 0, present: 0, leave: 0, absent: 0 },
  );
}

/** “学习研讨和主题党日应到…人次,其中实到…、请假…、缺席…”: the parts add up to 应到. */
export function attendanceBreakdown(a: AttendanceCounts): Breakdown {
  return {
    label: '学习研讨和主题党日应到',
    unit: '人次',
    total: a.expected,
    parts: [
      ['实到', a.present],
      ['请假', a.leave],
      ['缺席', a.absent],
    ],
  };
}

/** “出勤率90.4%(实到703人次/应到778人次)”. */
export function attendanceRate(a: Pick<AttendanceCounts, 'present' | 'expected'>): string {
  return rateText('出勤率', { label: '实到', n: a.present }, { label: '应到', n: a.expected }, '人次');
}

/** A unit's rating of how its problem was solved, in the words of the rating form. */
export const satisfactionWords: Record<number, string> = {
  5: '满意',
  4: '比较满意',
  3: '基本满意',
  2: '不太满意',
  1: '不满意',
};

/** Text without its closing punctuation, to be set inside a sentence. */
export const stop = (s: string) => s.trim().replace(/[。.;；,，]+$/, '');

/** A title quoted once: a 《book title》 as it is, otherwise “…” with inner quotes as ‘…’. */
export const cite = (title: string) => {
  const t = stop(title);
  return /^《[^》]*》$/.test(t) ? t : `“${t.replace(/“/g, '‘').replace(/”/g, '’')}”`;
};
