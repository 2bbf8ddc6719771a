import type { MessageTable } from '../../app/i18n/types';

export const ledgersMessages = {
  'ledgers.title': { zh: '台账导出(Excel)', en: 'Ledgers (Excel)' },
  'ledgers.intro': {
    zh: '台账直接由已填报的记录生成,无需重复录入。支部用户只能导出本支部的台账;每次导出都会记入操作日志。',
    en: 'Ledgers are generated from the records already entered. Branch users export their own branch only; every export is logged.',
  },
  'ledgers.campaign': { zh: '活动', en: 'Campaign' },
  'ledgers.kind': { zh: '台账', en: 'Ledger' },
  'ledgers.from': { zh: '起始月份', en: 'From' },
  'ledgers.to': { zh: '截止月份', en: 'To' },
  'ledgers.branch': { zh: '支部', en: 'Branch' },
  'ledgers.allBranches': { zh: '全部支部', en: 'All branches' },
  'ledgers.status': { zh: '状态', en: 'Status' },
  'ledgers.allStatuses': { zh: '全部状态', en: 'All statuses' },
  'ledgers.approvedDefault': { zh: '已通过(默认)', en: 'Approved (default)' },
  'ledgers.includeUnapproved': { zh: '包括未通过审核的记录', en: 'Include records not yet approved' },
  'ledgers.approvedOnly': {
    zh: '台账只列已通过审核的记录。',
    en: 'The ledger lists approved records only.',
  },
  'ledgers.unapprovedShaded': {
    zh: '草稿、待审核和已退回的记录也列入,以黄色底纹标出并注明状态。',
    en: 'Drafts, submitted and returned records are included, shaded yellow with their status.',
  },
  'ledgers.download': { zh: '导出 Excel', en: 'Export to Excel' },
  'ledgers.downloaded': { zh: '已导出:{name}', en: 'Exported: {name}' },
  'ledgers.noCampaign': { zh: '还没有活动,暂无台账可导出', en: 'No campaign yet, so no ledger to export' },
  'ledgers.notAllowed': {
    zh: '台账含党员个人信息,仅机关党委和支部书记(支委)可以导出',
    en: 'Ledgers hold personal data: only the committee and branch secretaries may export them',
  },
  'ledgers.hint.study': {
    zh: '每次学习研讨:日期和起止时间、形式、方式、地点或线上平台、主题与内容、授课人、主持人和记录人、列席人员,应到/实到/请假/缺席、出勤率及原因,议题、发言摘要及决议,佐证材料,审核情况',
    en: 'Each study session: date and times, form, mode, place or platform, topic, lecturer, host and recorder, non-member attendees, attendance with rate and reasons, agenda with speeches and decisions, evidence, review',
  },
  'ledgers.hint.theme_day': {
    zh: '每次主题党日:主题、形式、起止时间、地点或线上平台、主持人和记录人、列席人员、出勤情况、议题及决议、活动小结、佐证材料、审核情况',
    en: 'Each theme day: theme, activity, times, place or platform, host and recorder, non-member attendees, attendance, agenda and decisions, summary, evidence, review',
  },
  'ledgers.hint.rule_revision': {
    zh: '修订的制度和流程:归口部门、漏洞或不足、征求意见、审核领导及日期、文号和发布日期、每次效果跟踪、佐证材料',
    en: 'Revised rules: department, gap, opinions, reviewing leader and date, number and publication, each effect follow-up, evidence',
  },
  'ledgers.hint.grassroots_problem': {
    zh: '为基层解决的问题:基层单位、措施、解决结果、单位确认与满意度',
    en: 'Problems solved: unit, measures, outcome, the unit’s confirmation and satisfaction',
  },
  'ledgers.hint.publicity': {
    zh: '新闻宣传:标题、类型、作者、各渠道发布日期和链接、亮点',
    en: 'Publicity: title, kind, author, channels with dates and links, highlights',
  },
  'ledgers.hint.optional': {
    zh: '自选动作:名称、类别、内容、创新之处、是否典型案例',
    en: 'Optional actions: title, category, description, novelty, exemplary',
  },
  'ledgers.hint.attendance': {
    zh: '每名党员参加学习研讨和主题党日的情况:汇总(应参加、出席、请假、缺席、出勤率)和逐次明细',
    en: 'Each member’s attendance at studies and theme days: totals with rate, and every meeting',
  },
  'ledgers.hint.tasks': {
    zh: '整个活动的月度任务:支部 × 月份 × 规定动作的完成情况、截止日期、提交时间、补报、得分及计分说明',
    en: 'The campaign’s monthly tasks: branch × month × action with status, due date, submission, lateness, score and how it was scored',
  },
} satisfies MessageTable;
