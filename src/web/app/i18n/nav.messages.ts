import type { MessageTable } from './types';

/** Menu titles and the one-line promise each unfinished area shows. */
export const navMessages = {
  'nav.workbench': { zh: '工作台', en: 'Workbench' },
  'nav.review': { zh: '审核', en: 'Review' },
  'nav.dashboard': { zh: '对标看板', en: 'Dashboard' },
  'nav.revisions': { zh: '制度修订', en: 'Rule revisions' },
  'nav.revisions.soon': {
    zh: '制度或流程修订全过程:发现问题、征求意见、分管领导审核、发布和效果跟踪。',
    en: 'Rule and process revisions: the gap found, opinions, leader review, publication and follow-up.',
  },
  'nav.problems': { zh: '基层问题', en: 'Grassroots problems' },
  'nav.problems.soon': {
    zh: '为基层单位解决困难和问题的闭环:提出、措施、解决、基层确认和满意度评价。',
    en: 'Closed loop of grassroots problems: raised, measures, solved, confirmed and rated by the unit.',
  },
  'nav.publicity': { zh: '新闻宣传', en: 'Publicity' },
  'nav.cases': { zh: '典型案例', en: 'Exemplary cases' },
  'nav.publicity.soon': {
    zh: '各支部的新闻宣传稿件及发布渠道(公司网站、微信公众号、《领航》、外部媒体)。',
    en: "Branches' news and features with their channels (website, WeChat, the newsletter, outside media).",
  },
  'nav.reports': { zh: '报表台账', en: 'Reports & ledgers' },
  'nav.reports.soon': {
    zh: '月度通报、检查用台账和年度总结初稿,直接生成 Word / Excel 文件。',
    en: 'Monthly bulletins, ledgers for inspection and a draft annual summary as Word / Excel files.',
  },
  'nav.campaigns': { zh: '活动配置', en: 'Campaigns' },
  'nav.org': { zh: '组织管理', en: 'Organisation' },
  'nav.users': { zh: '账号管理', en: 'Accounts' },
  'nav.audit': { zh: '审计日志', en: 'Audit log' },
} satisfies MessageTable;
