import type { MessageTable } from '../../app/i18n/types';

/**
 * Texts of the record form beyond the fields' own labels, hints and choices (those are in the
 * field list, src/common/record-fields): the title and date, and the rows of the list editors.
 */
export const recordFieldMessages = {
  'field.title': { zh: '标题', en: 'Title' },
  'field.titleDerived': {
    zh: '可留空:按已填内容生成(如灰色所示),需要时再改',
    en: 'May be left empty: made from what is filled in (as shown in grey); change it if needed',
  },
  'field.occurredOn': { zh: '活动日期', en: 'Date' },
  'field.planned': { zh: '计划{label}', en: '{label} (planned)' },
  'field.plannedHint': {
    zh: '日期晚于今天,按计划填写:可先报分管领导审核,到该日期后才能提交机关党委。',
    en: 'A day ahead, as planned: the leader in charge may review it now; it goes to the committee once the day has come.',
  },
  'field.problem.measureDate': { zh: '日期', en: 'Date' },
  'field.problem.measureKind': { zh: '措施', en: 'Measure' },
  'field.problem.measureNote': { zh: '说明', en: 'Note' },
  'field.problem.addMeasure': { zh: '添加措施', en: 'Add a measure' },
  'field.publicity.channel': { zh: '渠道', en: 'Channel' },
  'field.publicity.publishedOn': { zh: '发布日期', en: 'Published on' },
  'field.publicity.link': { zh: '链接或期号', en: 'Link or issue' },
  'field.publicity.views': { zh: '阅读量', en: 'Views' },
  'field.publicity.likes': { zh: '点赞数', en: 'Likes' },
  'field.publicity.reachHint': {
    zh: '阅读量、点赞数仅作记录,不计入得分。',
    en: 'Views and likes are kept for information; they never score.',
  },
  'field.publicity.addChannel': { zh: '添加渠道', en: 'Add a channel' },
  'field.publicity.countsHint': {
    zh: '新闻宣传计入首次发布日期所在的月份。',
    en: 'Publicity counts for the month of its first release.',
  },
  'field.remove': { zh: '删除', en: 'Remove' },
} satisfies MessageTable;
