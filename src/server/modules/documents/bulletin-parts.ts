import { actionKinds, type ActionKind } from '../../../common/actions.js';
import {
  attendanceBreakdown,
  attendanceRate,
  breakdownText,
  cite,
  satisfactionWords,
  stop,
  type AttendanceCounts,
} from './format.js';

/** What a branch did in the period: its approved records, and its meetings' attendance. */
export interface BranchDoings {
  branchName: string;
  attendance: AttendanceCounts | null;
  done: { kind: string; title: string }[];
}

/** A solved problem with the unit's own verdict, as the unit gave it. */
export interface ProblemFacts {
  branchName: string;
  title: string;
  unit: string;
  measures: string;
  outcome: string;
  verdict: {
    satisfaction: number | null;
    confirmation: 'solved' | 'partly' | null;
    comment: string | null;
    onBehalf: string | null;
    reopened: number;
  } | null;
}

/** How a bulletin says a branch did each kind of action. */
const doing: Record<ActionKind, { verb: string; unit: string }> = {
  study: { verb: '组织学习研讨', unit: '次' },
  theme_day: { verb: '开展主题党日', unit: '次' },
  rule_revision: { verb: '修订制度或流程', unit: '项' },
  grassroots_problem: { verb: '为基层解决问题', unit: '个' },
  publicity: { verb: '发布宣传稿件', unit: '篇' },
  optional: { verb: '开展自选动作', unit: '项' },
};

/** “组织学习研讨2次(“…”“…”);……。组织生活应到30人次,其中……;出勤率…(实到/应到)。” */
export function branchDoings(b: BranchDoings): string {
  const done = actionKinds
    .map((kind) => [kind, b.done.filter((r) => r.kind === kind).map((r) => cite(r.title))] as const)
    .filter(([, titles]) => titles.length)
    .map(([kind, titles]) => `${doing[kind].verb}${titles.length}${doing[kind].unit}:${titles.join('、')}`)
    .join(';');
  const a = b.attendance;
  const attendance = a ? `${breakdownText(attendanceBreakdown(a))};${attendanceRate(a)}。` : '';
  return `${done ? `${done}。` : '暂无通过审核的活动记录。'}${attendance}`;
}

/**
 * A solved problem as the bulletin reports it: the measures, what was done, and the unit's own
 * rating and words. The record's account is the branch's; where it claims the unit's
 * satisfaction, the unit's actual rating stands instead.
 */
export function problemText(p: ProblemFacts): string {
  const v = p.verdict;
  const rated = v?.satisfaction !== null && v?.satisfaction !== undefined;
  const outcome = stop(p.outcome)
    .split(/[,，;；。]/)
    .filter((part) => part.trim() && !(rated && part.includes('满意')))
    .join(',');
  const parts = [
    `${p.title}${p.unit ? `(${p.unit})` : ''}。`,
    p.measures ? `采取${p.measures}等措施${outcome ? `,${outcome}` : ''}。` : outcome ? `${outcome}。` : '',
  ];
  if (v) {
    if (v.reopened) parts.push(`其间基层单位反映问题未解决,重新办理${v.reopened}次。`);
    if (v.onBehalf) parts.push(`基层单位逾期未确认,由机关党委代为确认(${stop(v.onBehalf)})。`);
    else if (rated) {
      parts.push(
        `基层单位确认${v.confirmation === 'partly' ? '部分解决' : '已解决'},评价为“${
          satisfactionWords[v.satisfaction!] ?? `${v.satisfaction}分`
        }”(${v.satisfaction}分,满分5分)${v.comment ? `,意见是:“${stop(v.comment)}”` : ''}。`,
      );
    }
  }
  return parts.join('');
}
