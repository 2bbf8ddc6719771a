import { problemEffectText, revisionEffectText } from './fusion-text.js';
import {
  actionKindLabels,
  meetingModeLabels,
  problemMeasureLabels,
  studyFormLabels,
  studyMaterialLabels,
  themeDayActivityLabels,
  themeDayThemeLabels,
  type ActionKind,
} from '../../../common/actions.js';
import type { SummaryPartKey } from '../../../common/api/documents.js';
import type { ApprovedRecord } from './documents.repo.js';
import {
  breakdownText,
  cite,
  stop,
  cnMonth,
  monthOnly,
  ordinals,
  quoted,
  rateText,
  satisfactionWords,
  someOf,
  sumAttendance,
  attendanceBreakdown,
  type Breakdown,
} from './format.js';
import type { SummaryFacts } from './summary-facts.js';
import { headlineRates } from './summary-prose.js';

const dataOf = (r: ApprovedRecord) => r.data as Record<string, unknown>;
const ofKind = (f: SummaryFacts, kind: string) => f.records.filter((r) => r.kind === kind);
/** “评价“满意”的” sorts by its score; not rated last. */
const score = (label: string) =>
  Number(Object.entries(satisfactionWords).find(([, w]) => label.includes(`“${w}”`))?.[0] ?? 0);

/** Counts of codes as a breakdown of a total (each record counted once under one code). */
function byCode(
  label: string,
  unit: string,
  counts: Record<string, number>,
  labels: Record<string, { zh: string }>,
): Breakdown {
  const parts = Object.entries(counts)
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1])
    .map(([code, n]) => [labels[code]?.zh ?? '其他', n] as [string, number]);
  return { label, unit, total: parts.reduce((s, [, n]) => s + n, 0), parts };
}

/**
 * The breakdowns the summary prints, each a whole with parts that add up to it: required tasks
 * (returned and overdue included), attendance (absences included), records by kind, problems by
 * the unit's rating, revisions by type. Exported so a test can hold every one to its sum.
 */
export function summaryBreakdowns(f: SummaryFacts): Record<string, Breakdown> {
  const t = f.extras.tasks;
  const a = sumAttendance(f.extras.attendance);
  const problems = ofKind(f, 'grassroots_problem');
  const ratings: Record<string, number> = {};
  for (const p of problems) {
    const s = f.extras.verdicts.get(p.id)?.satisfaction ?? null;
    const key = s === null ? '基层单位尚未评价的' : `评价“${satisfactionWords[s] ?? `${s}分`}”的`;
    ratings[key] = (ratings[key] ?? 0) + 1;
  }
  const revisions = ofKind(f, 'rule_revision');
  const rules = revisions.filter((r) => dataOf(r).ruleType !== 'process').length;
  const kinds = Object.fromEntries(
    f.kinds.map((k) => [k.kind, actionKindLabels[k.kind as ActionKind] ?? { zh: k.title }]),
  );
  return {
    tasks: {
      label: '应完成规定动作',
      unit: '项',
      total: t.total,
      parts: [
        ['按时完成', t.done],
        ['补报完成', t.doneLate],
        ['已提交待审核', t.submitted],
        ['退回修改中', t.returned],
        ['逾期未完成', t.overdue],
        ['正在办理', t.inProgress],
        ['尚未开始', t.notStarted],
      ],
    },
    attendance: attendanceBreakdown(a),
    records: byCode(
      '通过审核的活动记录共',
      '项',
      Object.fromEntries(f.kinds.map((k) => [k.kind, ofKind(f, k.kind).length])),
      kinds,
    ),
    problems: {
      label: '为基层解决问题',
      unit: '个',
      total: problems.length,
      parts: Object.entries(ratings).sort((x, y) => score(y[0]) - score(x[0])),
    },
    revisions: {
      label: '修订制度或流程',
      unit: '项',
      total: revisions.length,
      parts: [
        ['制度', rules],
        ['流程', revisions.length - rules],
      ],
    },
  };
}

/**
 * The examples the committee chose, of one kind: “机关第一党支部“题目””, with the committee's
 * note where it says something of its own (a note shared by several is a formula, left out).
 */
function examplesOf(f: SummaryFacts, chosen: Set<number>, kind: string): string[] {
  const list = ofKind(f, kind).filter((r) => chosen.has(r.id));
  if (!list.length) return [];
  const noteOf = ownNotes(list);
  const one = (r: ApprovedRecord) => {
    const note = noteOf(r);
    return `${r.branchName}${cite(r.title)}${note ? `(${note})` : ''}`;
  };
  return [`典型事例有:${list.map(one).join('、')}。`];
}

/**
 * The committee's note on each of `list` (why it is a case or a highlight) where it says something
 * of its own; a note several of them share is a formula, and gives ''.
 */
function ownNotes(list: ApprovedRecord[]): (r: ApprovedRecord) => string {
  const noteOf = (r: ApprovedRecord) => stop(r.exemplaryNote ?? r.highlightNote ?? '');
  const seen = new Map<string, number>();
  for (const r of list) seen.set(noteOf(r), (seen.get(noteOf(r)) ?? 0) + 1);
  return (r) => {
    const note = noteOf(r);
    return seen.get(note) === 1 ? note : '';
  };
}

/** Generated sentences of each part: breakdowns with their totals, rates with their bases, examples. */
export function partFacts(key: SummaryPartKey, f: SummaryFacts, chosen: Set<number>): string[] {
  const i = f.indicators;
  const b = summaryBreakdowns(f);
  switch (key) {
    case 'intro': {
      const rates = headlineRates(f);
      return [
        `对标期间:${cnMonth(f.period.from)}至${monthOnly(f.period.to)},共${f.period.months}个月,${f.branchCount}个党支部参加。`,
        `${breakdownText(b.tasks!)}。${rates.completion},${rates.onTime}。${
          f.extras.notDue ? `另有${f.extras.notDue}项尚未到截止日期,未计入。` : ''
        }`,
        `${breakdownText(b.attendance!)};${rates.attendance}。`,
        `${breakdownText(b.records!)}。`,
        ...(f.extras.scores
          ? [
              `各支部全年得分和名次(内部):${f.extras.scores
                .map((s, n) => `第${n + 1}名${s.branchName}${s.score}分(满分${s.max}分)`)
                .join('、')}。`,
            ]
          : []),
      ];
    }
    case 'study': {
      const list = ofKind(f, 'study');
      const materials: Record<string, number> = {};
      for (const r of list)
        for (const m of (dataOf(r).materialKinds as string[] | undefined) ?? [])
          materials[m] = (materials[m] ?? 0) + 1;
      const matText = Object.entries(materials)
        .sort((x, y) => y[1] - x[1])
        .map(
          ([code, n]) =>
            `${(studyMaterialLabels as Record<string, { zh: string }>)[code]?.zh ?? '其他'}${n}次`,
        )
        .join('、');
      return list.length
        ? [
            `${breakdownText(byCode('学习研讨', '次', i.studyModes, meetingModeLabels))}。`,
            `按“三会一课”形式分,${breakdownText(byCode('共', '次', i.studyForms, studyFormLabels)).replace(/^共\d+次,其中/, '')}。`,
            ...(matText ? [`学习内容涉及${matText}(一次学习可涉及多项内容)。`] : []),
            `学习主题如:${someOf(
              list.map((r) => stop(String(dataOf(r).topic || r.title))),
              6,
            )}。`,
            ...examplesOf(f, chosen, 'study'),
          ]
        : ['暂无通过审核的学习研讨。'];
    }
    case 'theme_day': {
      const list = ofKind(f, 'theme_day');
      const activities: Record<string, number> = {};
      const themes: Record<string, number> = {};
      for (const r of list) {
        const d = dataOf(r);
        activities[String(d.activity)] = (activities[String(d.activity)] ?? 0) + 1;
        themes[String(d.theme)] = (themes[String(d.theme)] ?? 0) + 1;
      }
      return list.length
        ? [
            `${breakdownText(byCode('主题党日', '次', activities, themeDayActivityLabels))}。`,
            `按活动主题分,${breakdownText(byCode('共', '次', themes, themeDayThemeLabels)).replace(/^共\d+次,其中/, '')}。`,
            ...examplesOf(f, chosen, 'theme_day'),
          ]
        : ['暂无通过审核的主题党日活动。'];
    }
    case 'rule_revision': {
      const list = ofKind(f, 'rule_revision');
      const withEffect = list.filter((r) => (f.extras.evidence.get(r.id)?.noted ?? 0) > 0).length;
      return list.length
        ? [
            `${breakdownText(b.revisions!)}。`,
            `${breakdownText({
              label: '发布后跟踪实施效果的',
              unit: '项',
              total: list.length,
              parts: [
                ['已记录实施效果', withEffect],
                ['尚未记录', list.length - withEffect],
              ],
            })}。`,
            ...revisionEffectText(f.fusion),
            ...examplesOf(f, chosen, 'rule_revision'),
          ]
        : ['暂无通过审核的制度修订。'];
    }
    case 'grassroots_problem': {
      const list = ofKind(f, 'grassroots_problem');
      const measures: Record<string, number> = {};
      const units = new Set<string>();
      for (const r of list) {
        const d = dataOf(r);
        for (const kind of new Set(((d.measures as { kind: string }[]) ?? []).map((m) => m.kind)))
          measures[kind] = (measures[kind] ?? 0) + 1;
        const unit = typeof d.unitId === 'number' ? f.unitNames.get(d.unitId) : undefined;
        if (unit) units.add(unit);
      }
      const s = i.problemSatisfaction;
      const measureText = Object.entries(measures)
        .sort((x, y) => y[1] - x[1])
        .map(([code, n]) => `${problemMeasureLabels[code as 'other']?.zh ?? '其他'}${n}个`)
        .join('、');
      return list.length
        ? [
            `${breakdownText(b.problems!)}。${
              s.average === null ? '' : `平均评价${s.average}分(满分5分,${s.rated}个问题评价的平均)。`
            }`,
            ...(measureText ? [`采取的措施(一个问题可采取多项措施):${measureText}。`] : []),
            `涉及基层单位${units.size}个:${someOf([...units], 8)}。`,
            ...problemEffectText(f.fusion),
            ...examplesOf(f, chosen, 'grassroots_problem'),
          ]
        : ['暂无经确认解决的基层问题。'];
    }
    case 'publicity': {
      const list = ofKind(f, 'publicity');
      const releases = byCode('在各渠道发布', '次', i.publicityByChannel, f.channelLabels);
      return list.length
        ? [
            `通过审核的宣传稿件${list.length}篇,${breakdownText(releases)}(一篇稿件可在多个渠道发布)。`,
            ...examplesOf(f, chosen, 'publicity'),
          ]
        : ['暂无通过审核的宣传稿件。'];
    }
    case 'optional': {
      // Only what the committee rated exemplary is called 典型案例 (the count above says how many);
      // the other chosen ones are highlights. The same practice taken up by several branches is one
      // entry with their names. Where the committee's note is a formula, the branch's own words
      // (what is new, what was done) say more.
      const picked = f.records.filter((x) => x.kind === 'optional' && chosen.has(x.id));
      const noteOf = ownNotes(picked);
      const entries = new Map<string, { label: string; title: string; what: string; branches: string[] }>();
      for (const r of picked) {
        const d = dataOf(r);
        const what = noteOf(r) || stop(String(d.novelty || d.description || ''));
        const label = r.exemplary ? '典型案例' : '工作亮点';
        const key = `${label}\n${r.title}\n${what}`;
        const e = entries.get(key) ?? { label, title: r.title, what, branches: [] };
        e.branches.push(r.branchName);
        entries.set(key, e);
      }
      // Cases first, as the sentence before them counts them.
      const ordered = [...entries.values()].sort(
        (a, b) => Number(a.label !== '典型案例') - Number(b.label !== '典型案例'),
      );
      return ordered.length
        ? ordered.map(
            (e) => `${e.label}:${cite(e.title)}(${e.branches.join('、')})${e.what ? `,${e.what}` : ''}。`,
          )
        : ['暂无评定的典型案例。'];
    }
    case 'shortcomings':
      return shortcomings(f).map((s, n) => `${ordinals[n]}是${s}`);
    case 'plans':
    case 'closing':
      return [];
  }
}

/** 存在的问题和不足, drafted from the data: each a plain sentence with its numbers. */
export function shortcomings(f: SummaryFacts): string[] {
  const out: string[] = [];
  const t = f.extras.tasks;
  const lateBranches = f.extras.tasksByBranch.filter((x) => x.overdue + x.doneLate + x.returned > 0);
  if (t.overdue + t.doneLate + t.returned > 0) {
    out.push(
      `规定动作还有不按时完成的情况。应完成的${t.total}项中,逾期未完成${t.overdue}项、逾期后补报${t.doneLate}项、退回后尚未改正${t.returned}项,分别是${lateBranches
        .map((x) => `${x.branchName}${x.overdue + x.doneLate + x.returned}项`)
        .join('、')};期间有${f.extras.returned.length}项记录在审核时被退回修改。`,
    );
  }
  const low = f.extras.attendance.filter((a) => a.expected > 0 && a.present / a.expected < 0.9);
  if (low.length) {
    out.push(
      `${low.length === f.extras.attendance.length ? '各支部' : '部分支部'}组织生活出勤率不高,不足九成的有:${low
        .map(
          (a) =>
            `${a.branchName}${rateText('', { label: '实到', n: a.present }, { label: '应到', n: a.expected }, '人次')}`,
        )
        .join('、')}。`,
    );
  }
  const revisions = ofKind(f, 'rule_revision');
  const noEffect = revisions.filter((r) => (f.extras.evidence.get(r.id)?.noted ?? 0) === 0);
  if (noEffect.length) {
    out.push(
      `制度修订后的实施效果跟踪不到位,修订的${revisions.length}项制度或流程中有${noEffect.length}项尚未记录实施效果,如${someOf(
        noEffect.map((r) => quoted(String(dataOf(r).ruleTitle || r.title))),
        3,
      )}。`,
    );
  }
  const problems = ofKind(f, 'grassroots_problem');
  const belowSatisfied = problems.filter((p) => {
    const s = f.extras.verdicts.get(p.id)?.satisfaction;
    return s !== null && s !== undefined && s < 4;
  });
  if (belowSatisfied.length) {
    const words = [
      ...new Set(belowSatisfied.map((p) => stop(f.extras.verdicts.get(p.id)?.comment ?? '')).filter(Boolean)),
    ];
    out.push(
      `为基层解决问题的质量有待提高,解决的${problems.length}个问题中有${belowSatisfied.length}个基层单位评价为“基本满意”或更低${
        words.length ? `,基层单位反映“${words.slice(0, 2).join('”“')}”` : ''
      }。`,
    );
  }
  const cameBack = problems.filter((p) => (f.extras.verdicts.get(p.id)?.reopened ?? 0) > 0);
  if (cameBack.length) {
    out.push(
      `有${cameBack.length}个问题在报告解决后,基层单位反映没有真正解决,又重新办理,如${someOf(
        cameBack.map((p) => cite(p.title)),
        3,
      )}。`,
    );
  }
  if (!out.length) out.push('对标活动总体推进顺利,但活动的深度和创新性仍有提升空间。');
  return out;
}
