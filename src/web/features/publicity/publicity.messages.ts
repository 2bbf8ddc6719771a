import type { MessageTable } from '../../app/i18n/types';

export const publicityMessages = {
  /** The menu entry. */
  'nav.publicity': { zh: '新闻宣传', en: 'Publicity' },
  'publicity.title': { zh: '新闻宣传台账', en: 'Publicity register' },
  'publicity.intro': {
    zh: '各支部的宣传作品及其发布渠道、日期和链接(或期号),以及所报道的活动。宣传在首次发布的月份计分。',
    en: 'Each branch’s publicity items with their channels, dates and links (or issue numbers), and the activities they report. An item counts in the month of its first release.',
  },
  'publicity.month': { zh: '发布月份', en: 'Month released' },
  'publicity.channel': { zh: '发布渠道', en: 'Channel' },
  'publicity.branch': { zh: '支部', en: 'Branch' },
  'publicity.empty': { zh: '没有符合条件的宣传', en: 'No publicity matches' },
  'publicity.count': { zh: '共 {n} 篇', en: '{n} items' },
  'publicity.byChannel': { zh: '{channel} {n} 次', en: '{channel}: {n}' },
  'publicity.author': { zh: '作者 {name}', en: 'By {name}' },
  'publicity.countsIn': { zh: '计入 {period}', en: 'Counts for {period}' },
  'publicity.notReleased': { zh: '尚未登记发布渠道', en: 'No channel yet' },
  'publicity.issue': { zh: '期号 {no}', en: 'Issue {no}' },
  'publicity.noLink': { zh: '未填链接或期号', en: 'No link or issue number' },
  'publicity.views': { zh: '阅读 {n}', en: '{n} views' },
  'publicity.likes': { zh: '点赞 {n}', en: '{n} likes' },
  'publicity.reachNote': {
    zh: '阅读量、点赞数仅作记录,不计入任何得分。',
    en: 'Views and likes are recorded for information; they never score.',
  },
  'publicity.notScored': { zh: '不计分', en: 'not scored' },
  'publicity.related': { zh: '报道的活动', en: 'Reports on' },
  'publicity.highlights': { zh: '宣传亮点', en: 'Highlights' },
} satisfies MessageTable;
