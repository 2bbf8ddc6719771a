import type { SummaryPartKey } from '../../../common/api/documents.js';
import { attendanceRate, monthOnly, rateText, sumAttendance } from './format.js';
import type { SummaryFacts } from './summary-facts.js';

/** The summary's headline rates, each with what it counts and its base. */
export function headlineRates(f: SummaryFacts) {
  const t = f.extras.tasks;
  const a = sumAttendance(f.extras.attendance);
  const due = { label: '应完成', n: t.total };
  return {
    completion: rateText('完成率', { label: '已完成', n: t.done + t.doneLate }, due, '项'),
    onTime: rateText('按时完成率', { label: '按时完成', n: t.done }, due, '项'),
    attendance: attendanceRate(a),
  };
}

/**
 * The values prose may quote as {名称}. They are resolved from the data at every export, so a
 * sentence written in October still tells the truth in December. A rate carries its base with
 * it, so no sentence can print a bare percentage.
 */
export function placeholders(f: SummaryFacts): Record<string, string> {
  const i = f.indicators;
  const t = f.extras.tasks;
  const n = (k: string) => String(i.approvedByKind[k] ?? 0);
  const releases = Object.values(i.publicityByChannel).reduce((s, x) => s + x, 0);
  const rates = headlineRates(f);
  const s = i.problemSatisfaction;
  const rated = rates.completion.replace(/^完成率/, '');
  return {
    活动名称: f.campaign.name,
    年度: String(f.campaign.year),
    下一年度: String(f.campaign.year + 1),
    起始月份: monthOnly(f.period.from),
    截止月份: monthOnly(f.period.to),
    月数: String(f.period.months),
    支部数: String(f.branchCount),
    规定动作应完成数: String(t.total),
    规定动作完成数: String(t.done + t.doneLate),
    按时完成数: String(t.done),
    完成率: rated,
    按时完成率: rates.onTime.replace(/^按时完成率/, ''),
    学习次数: n('study'),
    主题党日次数: n('theme_day'),
    出勤率: rates.attendance.replace(/^出勤率/, ''),
    修订制度数: String(i.rulesRevised),
    解决问题数: String(i.problemsSolved),
    满意度: s.average === null ? '—' : `${s.average}分(满分5分,${s.rated}个问题评价的平均)`,
    宣传稿件数: n('publicity'),
    宣传发布次数: String(releases),
    自选动作数: String(i.optionalActions),
    典型案例数: String(i.exemplaryCases),
    亮点数: String(i.highlightCount),
    口号: f.campaign.watchwords ?? '',
  };
}

/** The article's own sentences, with the numbers as placeholders. */
export const defaultProse: Record<SummaryPartKey, string> = {
  intro:
    '从{起始月份}开始至{截止月份}共{月数}个月的实践中,机关{支部数}个党支部每月对标完成规定动作,共完成{规定动作完成数}项,完成率{完成率},取得了党建与业务融合有目共睹的良好效果。现将有关情况总结如下。',
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
    '在完成规定动作的同时,各支部创新开展自选动作{自选动作数}项,有{典型案例数}项被机关党委评为典型案例,供各支部学习借鉴。',
  shortcomings: '对照活动方案的要求,对标活动还存在一些问题和不足,主要是:',
  plans:
    '{下一年度}年,机关党委将继续深化对标活动,推动党建与业务深度融合。一是抓好规定动作的按时完成,对临近截止的事项提前提醒,对逾期和退回的事项跟踪督办;二是提高组织生活质量,严格请假制度,提高党员参加组织生活的出勤率;三是加强制度修订后的实施效果跟踪,按时记录实施效果;四是对为基层解决的问题开展回访,对评价不高的问题查找原因、改进服务;五是总结推广典型案例和工作亮点,发挥示范带动作用。',
  closing:
    '机关党委通过{月数}个月来坚持开展“{口号}”对标活动推进党建与业务融合工作,取得了显著成效。未来形势发展要求我们不断总结经验,创新方法,更好地实践于机关党建与业务融合之中,以更多的新成果、新业绩,推动企业发展不断迈上新台阶。',
};

export const partHeadings: Record<SummaryPartKey, string> = {
  intro: '总体情况',
  study: '学习研讨',
  theme_day: '主题党日',
  rule_revision: '制度修订',
  grassroots_problem: '为基层解决问题',
  publicity: '新闻宣传',
  optional: '自选动作和典型案例',
  shortcomings: '存在的问题和不足',
  plans: '下一步工作打算',
  closing: '结束语',
};
