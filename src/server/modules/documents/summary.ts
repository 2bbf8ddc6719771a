import {
  meetingModeLabels,
  problemMeasureLabels,
  studyFormLabels,
  studyMaterialLabels,
  themeDayActivityLabels,
  themeDayThemeLabels,
} from '../../../common/actions.js';
import { summaryPartKeys, type SummaryPartKey, type SummaryView } from '../../../common/api/documents.js';
import { proseWarnings, resolvePlaceholders } from '../../../common/summary-text.js';
import type { IndicatorsService } from '../dashboard/indicators.service.js';
import type { ApprovedRecord } from './documents.repo.js';
import type { Block, DocModel } from './docx-kit.js';
import { cnDate, cnMonth, monthOnly, ordinals, pct, quoted, someOf, tally } from './format.js';

export type Indicators = Awaited<ReturnType<IndicatorsService['indicators']>>;

export interface SummaryFacts {
  committeeName: string;
  campaign: { id: number; name: string; year: number; watchwords: string | null };
  kinds: { kind: string; title: string }[];
  period: { from: string; to: string; months: number };
  branchCount: number;
  indicators: Indicators;
  records: ApprovedRecord[];
  unitNames: Map<number, string>;
  channelLabels: Record<string, { zh: string }>;
  generatedOn: string;
}

export interface SummaryProse {
  title?: string;
  parts?: Partial<Record<SummaryPartKey, string>>;
  version?: number;
  updatedAt?: string;
  updatedBy?: string;
}

/**
 * The values prose may quote as {名称}. They are resolved from the data at every export, so a
 * sentence written in October still tells the truth in December.
 */
export function placeholders(f: SummaryFacts): Record<string, string> {
  const i = f.indicators;
  const n = (k: string) => String(i.approvedByKind[k] ?? 0);
  const releases = Object.values(i.publicityByChannel).reduce((s, x) => s + x, 0);
  return {
    活动名称: f.campaign.name,
    年度: String(f.campaign.year),
    起始月份: monthOnly(f.period.from),
    截止月份: monthOnly(f.period.to),
    月数: String(f.period.months),
    支部数: String(f.branchCount),
    规定动作应完成数: String(
      i.tasks.done +
        i.tasks.doneLate +
        i.tasks.overdue +
        i.tasks.returned +
        i.tasks.submitted +
        i.tasks.inProgress,
    ),
    规定动作完成数: String(i.tasks.done + i.tasks.doneLate),
    完成率: pct(i.tasks.completionRate),
    按时完成率: pct(i.tasks.onTimeRate),
    学习次数: n('study'),
    主题党日次数: n('theme_day'),
    出勤率: pct(i.attendance.rate),
    修订制度数: String(i.rulesRevised),
    解决问题数: String(i.problemsSolved),
    满意度: i.problemSatisfaction.average === null ? '—' : String(i.problemSatisfaction.average),
    宣传稿件数: n('publicity'),
    宣传发布次数: String(releases),
    自选动作数: String(i.optionalActions),
    典型案例数: String(i.exemplaryCases),
    亮点数: String(i.highlights.length),
    口号: f.campaign.watchwords ?? '',
  };
}

/** The article's own sentences, with the numbers as placeholders. */
export const defaultProse: Record<SummaryPartKey, string> = {
  intro:
    '从{起始月份}开始至{截止月份}共{月数}个月的实践中,机关{支部数}个党支部每月对标完成规定动作,共完成{规定动作完成数}项,完成率{完成率},取得了党建与业务融合有目共睹的良好效果。',
  study:
    '通过组织学习研讨,实现了统一思想,动员职工,深化认识,集思广益的目标。各支部共组织学习研讨{学习次数}次,传达学习习近平总书记重要指示批示、讲话精神,学习公司工作报告等有关内容。通过学习研讨,机关广大党员提高了政治站位,统一了思想认识,明确了目标、理清了思路,激发了担当意识。',
  theme_day:
    '通过开展“主题党日”活动,实现了规范支部组织生活、提升党员意识的目标。各支部共开展主题党日活动{主题党日次数}次,有效解决了党内组织生活枯燥乏味、吸引力不强的问题,增进了党组织活力、凝聚了支部力量。',
  rule_revision:
    '通过修订完善公司管理制度或流程,推进总部“放管服”向纵深发展。职能部门共修订制度或流程{修订制度数}项,进一步简化了相关业务审批流程,改进和完善了考核办法和方式,为做精总部提供了保障。',
  grassroots_problem:
    '通过推动解决基层问题或困难,达到了作风务实,压实责任的目标。各支部共为基层解决困难和问题{解决问题数}个,精准帮扶事业部、分公司和项目部科学开展各项经营业务,作风务实,服务到位。',
  publicity:
    '通过进行宣传沟通,达到了总结经验、加油鼓劲、树立品牌形象的目标。各支部共发布宣传稿件{宣传稿件数}篇,对活动中出现的亮点、创新点进行了宣传,凝聚了宣传合力,营造了良好氛围。',
  optional:
    '在完成规定动作的同时,各支部创新开展自选动作{自选动作数}项,其中{典型案例数}项被机关党委评为典型案例,供各支部学习借鉴。',
  closing:
    '机关党委通过{月数}个月来坚持开展“{口号}”对标活动推进党建与业务融合工作,取得了显著成效。未来形势发展要求我们不断总结经验,创新方法,更好地实践于机关党建与业务融合之中,以更多的新成果、新业绩,推动企业发展不断迈上新台阶。',
};

const partHeadings: Record<SummaryPartKey, string> = {
  intro: '总体情况',
  study: '学习研讨',
  theme_day: '主题党日',
  rule_revision: '制度修订',
  grassroots_problem: '为基层解决问题',
  publicity: '新闻宣传',
  optional: '自选动作和典型案例',
  closing: '结束语',
};

const dataOf = (r: ApprovedRecord) => r.data as Record<string, unknown>;
const ofKind = (f: SummaryFacts, kind: string) => f.records.filter((r) => r.kind === kind);

/** Generated sentences of each part: counts, forms, titles and examples from the records. */
export function partFacts(key: SummaryPartKey, f: SummaryFacts): string[] {
  const i = f.indicators;
  switch (key) {
    case 'intro':
      return [
        `对标期间:${cnMonth(f.period.from)}至${monthOnly(f.period.to)},共${f.period.months}个月,${f.branchCount}个党支部参加。`,
        `规定动作:已完成${i.tasks.done + i.tasks.doneLate}项,其中按时完成${i.tasks.done}项、补报完成${i.tasks.doneLate}项,完成率${pct(i.tasks.completionRate)},按时完成率${pct(i.tasks.onTimeRate)};待审核${i.tasks.submitted}项,逾期未完成${i.tasks.overdue}项。`,
        `学习研讨和主题党日应到${i.attendance.expected}人次,实到${i.attendance.present}人次,请假${i.attendance.leave}人次,出勤率${pct(i.attendance.rate)}。`,
      ];
    case 'study': {
      const list = ofKind(f, 'study');
      const materials: Record<string, number> = {};
      for (const r of list)
        for (const m of (dataOf(r).materialKinds as string[] | undefined) ?? [])
          materials[m] = (materials[m] ?? 0) + 1;
      return [
        `学习方式:${tally(i.studyModes, meetingModeLabels, '次') || '暂无'}。`,
        `学习形式(“三会一课”):${tally(i.studyForms, studyFormLabels, '次') || '暂无'}。`,
        `学习内容:${tally(materials, studyMaterialLabels, '次') || '暂无'}。`,
        ...(list.length
          ? [
              `学习主题如:${someOf(
                list.map((r) => String(dataOf(r).topic || r.title)),
                6,
              )}。`,
            ]
          : []),
      ];
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
            `活动形式:${tally(activities, themeDayActivityLabels, '次')}。`,
            `活动主题:${tally(themes, themeDayThemeLabels, '次')}。`,
            `开展的活动如:${someOf(
              list.map((r) => r.title),
              10,
            )}。`,
          ]
        : ['暂无通过审核的主题党日活动。'];
    }
    case 'rule_revision': {
      const list = ofKind(f, 'rule_revision');
      const rules = list.filter((r) => dataOf(r).ruleType !== 'process').length;
      const titles = list.map((r) => quoted(String(dataOf(r).ruleTitle || r.title)));
      return list.length
        ? [
            `修订制度${rules}项、流程${list.length - rules}项:${[...new Set(titles)].join('、')}。`,
            `发布后实施效果跟踪:已记录${i.revisionFollowups.noted}次,待记录${i.revisionFollowups.open}次(其中已逾期${i.revisionFollowups.overdue}次)。`,
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
      return list.length
        ? [
            `解决方式(按问题计):${tally(measures, problemMeasureLabels, '个') || '暂无'}。`,
            `涉及基层单位${units.size}个:${someOf([...units], 8)}。`,
            s.rated
              ? `基层单位评价${s.rated}次,平均满意度${s.average}分(满分5分);重新打开${s.reopened}次。`
              : '基层单位尚未评价满意度。',
            `解决的问题如:${someOf(
              list.map((r) => r.title),
              6,
            )}。`,
          ]
        : ['暂无经确认解决的基层问题。'];
    }
    case 'publicity': {
      const list = ofKind(f, 'publicity');
      const byChannel = new Map<string, string[]>();
      for (const r of list) {
        for (const c of (dataOf(r).channels as { channel: string }[]) ?? []) {
          byChannel.set(c.channel, [...(byChannel.get(c.channel) ?? []), quoted(r.title)]);
        }
      }
      const lines = [...byChannel]
        .sort((a, b) => b[1].length - a[1].length)
        .map(
          ([code, titles]) => `${f.channelLabels[code]?.zh ?? code}${titles.length}篇:${someOf(titles, 6)}。`,
        );
      return list.length ? lines : ['暂无通过审核的宣传稿件。'];
    }
    case 'optional': {
      // The same practice taken up by several branches is one case with their names.
      const cases = new Map<string, { title: string; what: string; branches: string[] }>();
      for (const r of f.records.filter((x) => x.kind === 'optional' && x.exemplary)) {
        const d = dataOf(r);
        const what = String(d.novelty || d.description || '').replace(/[。.]$/, '');
        const key = `${r.title}\n${what}`;
        const c = cases.get(key) ?? { title: r.title, what, branches: [] };
        c.branches.push(r.branchName);
        cases.set(key, c);
      }
      return cases.size
        ? [...cases.values()].map(
            (c) => `典型案例:“${c.title}”(${c.branches.join('、')})${c.what ? `——${c.what}` : ''}。`,
          )
        : ['暂无评定的典型案例。'];
    }
    case 'closing':
      return [];
  }
}

/** The parts present for a campaign: the intro, one per configured kind, optional, the close. */
export function partKeys(f: SummaryFacts): SummaryPartKey[] {
  const kinds = new Set(f.kinds.map((k) => k.kind));
  return summaryPartKeys.filter((k) => k === 'intro' || k === 'closing' || kinds.has(k));
}

export function defaultTitle(f: SummaryFacts): string {
  return `${f.campaign.name}总结`;
}

/** What the editor shows: every part with its prose, how it prints, its facts and warnings. */
export function summaryViewOf(f: SummaryFacts, saved: SummaryProse | null): SummaryView {
  const values = placeholders(f);
  return {
    campaign: { id: f.campaign.id, name: f.campaign.name, year: f.campaign.year },
    title: saved?.title ?? defaultTitle(f),
    period: f.period,
    version: saved?.version ?? 0,
    updatedAt: saved?.updatedAt ?? null,
    updatedBy: saved?.updatedBy ?? null,
    placeholders: Object.entries(values).map(([name, value]) => ({ name, value })),
    parts: partKeys(f).map((key) => {
      const prose = saved?.parts?.[key] ?? defaultProse[key];
      return {
        key,
        heading: partHeadings[key],
        prose,
        resolved: resolvePlaceholders(prose, values).text,
        facts: partFacts(key, f),
        warnings: proseWarnings(prose, values),
        defaultProse: defaultProse[key],
        isDefault: prose === defaultProse[key],
      };
    }),
  };
}

/** The annual summary as a document: the article's section (三) with this year's numbers. */
export function summaryModel(f: SummaryFacts, saved: SummaryProse | null): DocModel {
  const view = summaryViewOf(f, saved);
  const blocks: Block[] = [
    { t: 'title', text: view.title },
    {
      t: 'subtitle',
      text: `(${cnMonth(f.period.from)}至${monthOnly(f.period.to)})`,
    },
  ];
  let n = 0;
  for (const part of view.parts) {
    const numbered = part.key !== 'intro' && part.key !== 'closing';
    blocks.push({
      t: 'para',
      lead: numbered ? `${ordinals[n++]}是` : undefined,
      text: part.resolved,
    });
    for (const fact of part.facts) blocks.push({ t: 'para', text: fact });
  }
  blocks.push({ t: 'signature', lines: [f.committeeName, cnDate(f.generatedOn)] });
  return { title: view.title, blocks };
}
