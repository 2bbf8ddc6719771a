import type { ScoringRules } from '../../../common/api/campaigns.js';
import type { TaskStatus } from '../../../common/actions.js';

export type Quality = 'excellent' | 'good' | 'fair' | 'poor';

export interface ScoredTask {
  kindTitle: string;
  points: number;
  status: TaskStatus;
  /** Grades of the approved records of the task; the best one counts. */
  qualities: (Quality | null)[];
}

export interface PeriodFacts {
  tasks: ScoredTask[];
  optionalApproved: number;
  optionalPoints: number;
  optionalCap: number;
  highlights: number;
}

export interface ScoreLine {
  rule: string;
  ruleEn: string;
  points: number;
}

const qualityRank: Record<Quality, number> = { excellent: 3, good: 2, fair: 1, poor: 0 };
const qualityLabel: Record<Quality, string> = { excellent: '优', good: '良', fair: '中', poor: '差' };

const round = (n: number) => Math.round(n * 100) / 100;

/**
 * One branch's score for one period, with every line that produced it, so any number on the
 * dashboard can be explained: each required action earns its points when done on time, the late
 * percentage when done late (补报), nothing otherwise; the best quality grade of its records moves
 * the points by the grade's percentage; optional actions add their points up to the cap; each
 * highlight (亮点) adds the highlight bonus.
 */
export function scorePeriod(
  f: PeriodFacts,
  rules: ScoringRules,
): { score: number; max: number; lines: ScoreLine[] } {
  const lines: ScoreLine[] = [];
  let max = 0;
  for (const t of f.tasks) {
    max += t.points;
    if (t.status !== 'done' && t.status !== 'done_late') {
      lines.push({
        rule: `${t.kindTitle}:未完成,不得分`,
        ruleEn: `${t.kindTitle}: not done, no points`,
        points: 0,
      });
      continue;
    }
    const late = t.status === 'done_late';
    let points = late ? (t.points * rules.latePercent) / 100 : t.points;
    lines.push({
      rule: late ? `${t.kindTitle}:补报完成,得 ${rules.latePercent}% 分值` : `${t.kindTitle}:按时完成`,
      ruleEn: late
        ? `${t.kindTitle}: done late, ${rules.latePercent}% of points`
        : `${t.kindTitle}: done on time`,
      points: round(points),
    });
    const graded = t.qualities
      .filter((q): q is Quality => q !== null)
      .sort((a, b) => qualityRank[b] - qualityRank[a]);
    const best = graded[0];
    const adjust = best ? rules.qualityAdjust[best] : 0;
    if (best && adjust !== 0) {
      const delta = (points * adjust) / 100;
      points += delta;
      lines.push({
        rule: `${t.kindTitle}:质量评定“${qualityLabel[best]}”,${adjust > 0 ? '加' : '减'} ${Math.abs(adjust)}%`,
        ruleEn: `${t.kindTitle}: graded ${best}, ${adjust > 0 ? '+' : ''}${adjust}%`,
        points: round(delta),
      });
    }
  }
  if (f.optionalApproved > 0) {
    const raw = f.optionalApproved * f.optionalPoints;
    const bonus = Math.min(raw, f.optionalCap);
    lines.push({
      rule: `自选动作 ${f.optionalApproved} 项${raw > f.optionalCap ? `,加分封顶 ${f.optionalCap} 分` : ''}`,
      ruleEn: `${f.optionalApproved} optional action(s)${raw > f.optionalCap ? `, capped at ${f.optionalCap}` : ''}`,
      points: round(bonus),
    });
  }
  if (f.highlights > 0 && rules.highlightBonus > 0) {
    lines.push({
      rule: `亮点 ${f.highlights} 项,每项加 ${rules.highlightBonus} 分`,
      ruleEn: `${f.highlights} highlight(s), ${rules.highlightBonus} each`,
      points: round(f.highlights * rules.highlightBonus),
    });
  }
  return { score: round(lines.reduce((sum, l) => sum + l.points, 0)), max, lines };
}
