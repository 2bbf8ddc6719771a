import type { MessageTable } from '../../app/i18n/types';

export const casesMessages = {
  /** The menu entry. */
  'nav.cases': { zh: '典型案例', en: 'Exemplary cases' },
  'cases.title': { zh: '典型案例', en: 'Exemplary cases' },
  'cases.intro': {
    zh: '机关党委从各支部的自选动作中评出的典型案例,供各支部学习借鉴。',
    en: 'Optional actions the committee holds up as exemplary, for every branch to learn from.',
  },
  'cases.month': { zh: '月份', en: 'Month' },
  'cases.branch': { zh: '支部', en: 'Branch' },
  'cases.tag': { zh: '标签', en: 'Tag' },
  'cases.empty': { zh: '暂无典型案例', en: 'No exemplary cases yet' },
  'cases.novelty': { zh: '创新之处', en: 'What was new' },
  'cases.description': { zh: '做法', en: 'What was done' },
  'cases.note': { zh: '机关党委点评', en: 'Committee’s note' },
  'cases.evidence': { zh: '佐证材料', en: 'Evidence' },
  'cases.unmark': { zh: '取消典型案例', en: 'Unmark' },
  'cases.unmarkConfirm': {
    zh: '取消后各支部将不再看到此案例。',
    en: 'Branches will no longer see this case.',
  },
  'cases.mark': { zh: '评为典型案例', en: 'Mark exemplary' },
  'cases.marked': { zh: '已评为典型案例', en: 'Exemplary case' },
  'cases.markNote': { zh: '点评(可选,各支部可见)', en: 'Note (optional, seen by every branch)' },
  'cases.done': { zh: '已保存', en: 'Saved' },
  'cases.viewAll': { zh: '查看全部典型案例', en: 'All exemplary cases' },
} satisfies MessageTable;
