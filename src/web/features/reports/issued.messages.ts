import type { MessageTable } from '../../app/i18n/types';

/** Issuing (印发) bulletins and the annual summary, and the list of what was issued. */
export const issuedMessages = {
  'issued.title': { zh: '已印发文件', en: 'Issued documents' },
  'issued.listText': {
    zh: '印发时保存的正式文件:期号、印发日期和印发机关固定不变,以后下载的仍是当时印发的文件。',
    en: 'The documents as issued: number, date and issuer are fixed, and a later download gives the very file that was issued.',
  },
  'issued.empty': { zh: '本活动尚未印发通报或年度总结', en: 'Nothing issued for this campaign yet' },
  'issued.issue': { zh: '印发', en: 'Issue' },
  'issued.draft': { zh: '草稿预览', en: 'Draft preview' },
  'issued.draftHelp': {
    zh: '草稿按当前数据生成,标有“草稿(未印发)”;印发后编期号并存档。',
    en: 'The draft shows the current data and is marked as a draft; issuing numbers and files it.',
  },
  'issued.dialogTitle': { zh: '印发文件', en: 'Issue a document' },
  'issued.dialogText': {
    zh: '印发后系统自动编期号(如 2020年第3期),按所选日期和机关全称落款,并保存文件;已印发的文件不再随数据变化。',
    en: 'Issuing gives the next number (e.g. 2020年第3期), signs with the date and the committee’s full name, and files the document; it no longer follows the data.',
  },
  'issued.confirm': { zh: '印发', en: 'Issue' },
  'issued.again': {
    zh: '已印发过:{numbers}。再次印发将编新的期号,原文件保留不变。',
    en: 'Already issued as {numbers}. Issuing again gives a new number and keeps the earlier file.',
  },
  'issued.done': { zh: '已印发:{number}', en: 'Issued: {number}' },
  'issued.kind': { zh: '文件', en: 'Document' },
  'issued.kind.bulletin': { zh: '通报', en: 'Bulletin' },
  'issued.kind.summary': { zh: '年度总结', en: 'Annual summary' },
  'issued.period': { zh: '通报期间', en: 'Period' },
  'issued.periodKind': { zh: '期间类型', en: 'Kind of period' },
  'issued.periodKind.month': { zh: '按月', en: 'Month' },
  'issued.periodKind.quarter': { zh: '按季度', en: 'Quarter' },
  'issued.periodKind.half': { zh: '按半年', en: 'Half-year' },
  'issued.periodKind.range': { zh: '自选期间', en: 'Range' },
  'issued.from': { zh: '开始月份', en: 'From' },
  'issued.to': { zh: '至', en: 'to' },
  'issued.toMonth': { zh: '结束月份', en: 'To' },
  'issued.summaryPeriod': {
    zh: '年度总结涵盖活动开始至印发日期所在月份(活动结束后为全部月份)。',
    en: 'The summary covers the campaign up to the month of its issue date (all of it once the campaign is over).',
  },
  'issued.issuedOn': { zh: '印发日期', en: 'Issue date' },
  'issued.issuedOnHelp': {
    zh: '默认今天;可选活动年度内或之后的日期,不能晚于今天,也不能早于上一期。',
    en: 'Today by default; any day from the campaign’s year on, not after today and not before the previous issue.',
  },
  'issued.issuedOnRequired': { zh: '请选择印发日期', en: 'Choose the issue date' },
  'issued.issuedOnValue': { zh: '{date} 印发', en: 'issued {date}' },
  'issued.issuedBy': { zh: '经办:{name}', en: 'by {name}' },
  'issued.docNumber': { zh: '文号(可选)', en: 'Document number (optional)' },
  'issued.docNumberHelp': {
    zh: '如有正式发文字号,印在期号前。',
    en: 'If the summary has an official number, it is printed before the issue number.',
  },
  'issued.docNumberPlaceholder': { zh: '如 机党〔2020〕12号', en: 'e.g. 机党〔2020〕12号' },
} satisfies MessageTable;
