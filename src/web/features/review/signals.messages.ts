import type { MessageTable } from '../../app/i18n/types';

export const signalMessages = {
  'signals.title': { zh: '核查提示', en: 'Integrity signals' },
  'signals.none': {
    zh: '未发现重复照片、雷同文字或补录迹象。',
    en: 'No reused photo, copied text or late entry found.',
  },
  'signals.hint': {
    zh: '提示仅供参考,不会自动退回;请核实后逐条标记。',
    en: 'Signals only inform; nothing is rejected by them. Mark each after checking.',
  },
  'signals.kind.same_photo': { zh: '照片雷同', en: 'Same photo' },
  'signals.kind.same_file': { zh: '文件相同', en: 'Same file' },
  'signals.kind.similar_text': { zh: '文字雷同', en: 'Copied text' },
  'signals.kind.late_entry': { zh: '事后补录', en: 'Entered late' },
  'signals.photo': {
    zh: '“{name}”与{branch}《{title}》({month})的“{otherName}”{how}',
    en: '“{name}” matches “{otherName}” of {branch}’s “{title}” ({month}) {how}',
  },
  'signals.sameBytes': { zh: '完全相同', en: 'byte for byte' },
  'signals.distance': { zh: '近似(差异 {distance}/64)', en: '(distance {distance}/64)' },
  'signals.text': {
    zh: '与{branch}《{title}》({month})相似度 {similarity}',
    en: 'Similarity {similarity} with {branch}’s “{title}” ({month})',
  },
  'signals.thisPassage': { zh: '本记录', en: 'This record' },
  'signals.otherPassage': { zh: '对方', en: 'Other' },
  'signals.late': {
    zh: '活动日期 {occurredOn},录入于 {createdOn},晚 {days} 天',
    en: 'Held {occurredOn}, entered {createdOn}: {days} days later',
  },
  'signals.status.open': { zh: '待核实', en: 'Open' },
  'signals.status.verified': { zh: '已核实', en: 'Verified' },
  'signals.status.doubtful': { zh: '存疑', en: 'Doubtful' },
  'signals.verify': { zh: '已核实', en: 'Verified' },
  'signals.doubt': { zh: '存疑', en: 'Doubtful' },
  'signals.notePlaceholder': {
    zh: '核实情况(标记已核实时必填)',
    en: 'What was checked (required to mark verified)',
  },
} satisfies MessageTable;
