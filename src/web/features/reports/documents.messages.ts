import type { MessageTable } from '../../app/i18n/types';

export const documentsMessages = {
  /** The menu entry. */
  'nav.reports': { zh: '报表台账', en: 'Reports & ledgers' },
  'documents.title': { zh: '报表台账', en: 'Reports & ledgers' },
  'documents.intro': {
    zh: '文档由已填报的记录直接生成,数字与对标看板一致,不需要再次录入。',
    en: 'Documents are generated from the records; their numbers match the dashboard. Nothing is typed twice.',
  },
  'documents.campaign': { zh: '活动', en: 'Campaign' },
  'documents.month': { zh: '月份', en: 'Month' },
  'documents.branch': { zh: '支部', en: 'Branch' },
  'documents.allBranches': { zh: '全部支部', en: 'All branches' },
  'documents.noCampaign': { zh: '暂无已启动的活动。', en: 'No campaign has started yet.' },
  'documents.word': { zh: 'Word', en: 'Word' },
  'documents.pdf': { zh: 'PDF', en: 'PDF' },
  'documents.downloading': { zh: '正在生成…', en: 'Generating…' },
  'documents.pdfUnavailable': { zh: '暂不能导出 PDF', en: 'PDF export unavailable' },
  'documents.pdfUnavailableText': {
    zh: '服务器未安装 LibreOffice,暂不能导出 PDF;请下载 Word 文档后自行转换或打印。',
    en: 'The server has no LibreOffice, so PDF export is off; download the Word document and convert or print it.',
  },
  'documents.bulletin': { zh: '通报', en: 'Bulletin' },
  'documents.bulletinText': {
    zh: '按月、季度、半年或自选期间:各支部规定动作完成情况、补报逾期和退回事项、工作亮点、为基层解决的问题和新闻宣传;活动开启排名时附得分排名。',
    en: 'By month, quarter, half-year or range, per branch: completion, late and returned items, highlights, problems solved, publicity; the ranking when the campaign shows it.',
  },
  'documents.bulletinOwn': {
    zh: '您将得到本支部的通报。',
    en: 'You get your own branch’s copy.',
  },
  'documents.meetings': { zh: '会议记录', en: 'Meeting records' },
  'documents.meetingsText': {
    zh: '学习研讨和主题党日按常用格式生成会议记录:时间、地点、主持人、记录人、应到实到及缺席原因、议题、内容和决定。',
    en: 'Study sessions and theme days in the usual minutes layout: time, place, host, recorder, attendance with reasons, topic, content, decisions.',
  },
  'documents.meetingsEmpty': {
    zh: '该月暂无学习研讨或主题党日记录',
    en: 'No study session or theme day this month',
  },
  'documents.book': { zh: '会议记录本', en: 'Meeting record book' },
  'documents.bookText': {
    zh: '本支部一个月或全年的会议记录合订为一个文件:首页为目录,每次会议按时间先后另起一页。默认只收录审核通过的记录。',
    en: 'The branch’s meetings of the month or of the whole year in one file: a contents page, then each meeting on its own page, in date order. Approved records only by default.',
  },
  'documents.bookPickBranch': {
    zh: '选择一个支部后,可下载该支部的会议记录本。',
    en: 'Pick a branch to download its meeting record book.',
  },
  'documents.bookMonth': { zh: '导出本月会议记录', en: 'This month’s meeting records' },
  'documents.bookYear': { zh: '导出全年会议记录', en: 'The year’s meeting records' },
  'documents.bookUnapproved': {
    zh: '含待审核和被退回的记录(注明状态)',
    en: 'Include submitted and returned records (marked)',
  },
  'documents.examples': { zh: '总结中引用的事例', en: 'Examples cited in the summary' },
  'documents.examplesText': {
    zh: '勾选要写入“主要做法和成效”的工作亮点和典型案例;下载或印发前保存所选。',
    en: 'Tick the highlights and exemplary cases to cite under the results; the choice is saved before downloading or issuing.',
  },
  'documents.examplesEmpty': {
    zh: '暂无评为亮点或典型案例的记录。',
    en: 'No record has been marked as a highlight or exemplary case yet.',
  },
  'documents.examplesCount': { zh: '已选 {n} / {total} 项', en: '{n} of {total} chosen' },
  'documents.examplesSave': { zh: '保存所选', en: 'Save the choice' },
  'documents.examplesSaved': { zh: '已保存所选事例', en: 'Choice saved' },
  'documents.exampleHighlight': { zh: '亮点', en: 'Highlight' },
  'documents.exampleExemplary': { zh: '典型案例', en: 'Exemplary case' },
  'documents.summary': { zh: '年度总结', en: 'Annual summary' },
  'documents.summaryText': {
    zh: '按“实施效果”的结构起草:每类规定动作一段,数字和实例由数据生成,文字可以修改;导出时占位符换成最新数字。',
    en: 'Drafted like the “results” section: one part per action, numbers and examples from the data, prose you can edit; placeholders take the latest numbers at export.',
  },
  'documents.summaryEdit': { zh: '编辑年度总结', en: 'Edit the annual summary' },
  'documents.ledgers': { zh: '台账', en: 'Ledgers' },
  'documents.summary.back': { zh: '返回报表台账', en: 'Back to reports' },
  'documents.summary.docTitle': { zh: '标题', en: 'Title' },
  'documents.summary.period': {
    zh: '总结期间:{from}至{to},共 {n} 个月',
    en: 'Period: {from} to {to}, {n} months',
  },
  'documents.summary.saved': { zh: '第 {v} 版,{by} 保存于 {at}', en: 'Version {v}, saved by {by} at {at}' },
  'documents.summary.neverSaved': {
    zh: '尚未修改,以下为系统起草的文字',
    en: 'Not edited yet: the drafted text',
  },
  'documents.summary.save': { zh: '保存', en: 'Save' },
  'documents.summary.savedOk': { zh: '已保存', en: 'Saved' },
  'documents.summary.unsaved': { zh: '有未保存的修改', en: 'Unsaved changes' },
  'documents.summary.exportSaves': {
    zh: '导出前会先保存修改',
    en: 'Exporting saves your changes first',
  },
  'documents.summary.prose': { zh: '文字(可编辑)', en: 'Prose (editable)' },
  'documents.summary.preview': { zh: '导出效果', en: 'As exported' },
  'documents.summary.facts': { zh: '由数据生成(不可编辑)', en: 'From the data (not editable)' },
  'documents.summary.reset': { zh: '恢复起草文字', en: 'Restore the draft' },
  'documents.summary.placeholders': { zh: '可用占位符', en: 'Placeholders' },
  'documents.summary.placeholdersHelp': {
    zh: '文字中的数字请用占位符,例如 {学习次数}:导出时换成当时的数字,不会过时。点击插入到光标处。',
    en: 'Write numbers as placeholders such as {学习次数}: they take the current figure at export and never go stale. Click to insert at the cursor.',
  },
  'documents.summary.forbidden': {
    zh: '年度总结由机关党委编写。',
    en: 'The annual summary is written by the committee.',
  },
  'documents.summary.part.intro': { zh: '开头:总体情况', en: 'Opening: overview' },
  'documents.summary.part.closing': { zh: '结尾', en: 'Closing' },
  'documents.meetingRecord': { zh: '会议记录', en: 'Meeting record' },
  'documents.activityRecord': { zh: '活动记录', en: 'Activity record' },
} satisfies MessageTable;
