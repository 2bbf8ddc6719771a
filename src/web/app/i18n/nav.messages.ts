import type { MessageTable } from './types';

/** Menu titles. */
export const navMessages = {
  'nav.workbench': { zh: '工作台', en: 'Workbench' },
  'nav.review': { zh: '审核', en: 'Review' },
  'nav.dashboard': { zh: '对标看板', en: 'Dashboard' },
  'nav.revisions': { zh: '制度修订', en: 'Rule revisions' },
  'nav.problems': { zh: '基层问题', en: 'Grassroots problems' },
  'nav.publicity': { zh: '新闻宣传', en: 'Publicity' },
  'nav.cases': { zh: '典型案例', en: 'Exemplary cases' },
  'nav.reports': { zh: '报表台账', en: 'Reports & ledgers' },
  'nav.campaigns': { zh: '活动配置', en: 'Campaigns' },
  'nav.org': { zh: '组织管理', en: 'Organisation' },
  'nav.users': { zh: '账号管理', en: 'Accounts' },
  'nav.audit': { zh: '审计日志', en: 'Audit log' },
} satisfies MessageTable;
