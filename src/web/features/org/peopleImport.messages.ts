import type { MessageTable } from '../../app/i18n/types';

export const peopleImportMessages = {
  'peopleImport.button': { zh: '导入党员', en: 'Import members' },
  'peopleImport.title': { zh: '从 Excel 导入党员', en: 'Import members from Excel' },
  'peopleImport.step1': {
    zh: '第一步:下载导入模板,按模板填写(带 * 的列必填,固定选项请从下拉列表选择)。',
    en: 'Step 1: download the template and fill it in (columns marked * are required; pick fixed values from the lists).',
  },
  'peopleImport.step2': {
    zh: '第二步:上传填好的文件。系统先检查每一行,全部无误才导入;按工号识别人员,重复导入不会产生重复人员。',
    en: 'Step 2: upload the file. Every row is checked first and nothing is imported unless all are valid; people are matched by employee number, so importing twice creates no duplicates.',
  },
  'peopleImport.template': { zh: '下载导入模板', en: 'Download the template' },
  'peopleImport.drop': { zh: '点击或拖入 xlsx 文件上传', en: 'Click or drop an xlsx file here' },
  'peopleImport.invalid': {
    zh: '文件中有 {count} 处错误,未导入任何数据。请修改后重新上传:',
    en: '{count} problem(s) in the file; nothing was imported. Fix them and upload again:',
  },
  'peopleImport.done': {
    zh: '导入完成:新增 {created} 人,更新 {updated} 人,无变化 {unchanged} 人',
    en: 'Imported: {created} created, {updated} updated, {unchanged} unchanged',
  },
  'peopleImport.row': { zh: '行号', en: 'Row' },
  'peopleImport.rowN': { zh: '第 {row} 行', en: 'Row {row}' },
  'peopleImport.where': { zh: '位置', en: 'Where' },
  'peopleImport.value': { zh: '填写内容', en: 'Value' },
  'peopleImport.problem': { zh: '问题', en: 'Problem' },
  'peopleImport.outcome': { zh: '结果', en: 'Result' },
  'peopleImport.changed': { zh: '变更内容', en: 'Changed' },
  'peopleImport.created': { zh: '新增', en: 'Created' },
  'peopleImport.updated': { zh: '更新', en: 'Updated' },
  'peopleImport.unchanged': { zh: '无变化', en: 'Unchanged' },
} satisfies MessageTable;
