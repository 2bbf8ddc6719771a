import type { MessageTable } from '../../app/i18n/types';

export const signalMessages = {
  'signals.title': { zh: '核查提示', en: 'Integrity signals' },
  'signals.none': {
    zh: '未发现重复照片、雷同文字、重复报送或时间不符。',
    en: 'No reused photo, copied text, repeated claim or times that do not fit found.',
  },
  'signals.hint': {
    zh: '提示仅供参考,不会自动退回;请核实后逐条标记。标记为存疑的,退回时会列入退回理由。',
    en: 'Signals only inform; nothing is rejected by them. Mark each after checking; those marked doubtful are listed in the return reason.',
  },
  'signals.branchSummary': {
    zh: '本活动中未处理 {open} 条,存疑 {doubtful} 条,已核实 {verified} 条。',
    en: '{open} open, {doubtful} doubtful, {verified} verified in this campaign.',
  },
  'signals.queueTag': { zh: '核查提示 {n}', en: '{n} signals' },
  'signals.kind.same_photo': { zh: '照片雷同', en: 'Same photo' },
  'signals.kind.same_file': { zh: '文件相同', en: 'Same file' },
  'signals.kind.similar_text': { zh: '文字雷同', en: 'Copied text' },
  'signals.kind.late_entry': { zh: '事后补录', en: 'Entered late' },
  'signals.kind.repeat_problem': { zh: '问题重复报送', en: 'Problem reported again' },
  'signals.kind.repeat_publicity': { zh: '宣传重复计分', en: 'Publicity credited again' },
  'signals.kind.overlapping_attendance': { zh: '同时段重复出席', en: 'At two meetings at once' },
  'signals.kind.sign_in_outside': { zh: '签到时间不符', en: 'Sign-in outside the meeting' },
  'signals.kind.deadline_rush': { zh: '截止前集中录入', en: 'Month typed at the deadline' },
  'signals.kind.same_attendance': { zh: '出席名单雷同', en: 'Same attendance list' },
  'signals.problem': {
    zh: '与{branch}《{title}》({month})为同一基层单位的问题,描述相似度 {similarity},可能重复报送已解决的问题',
    en: 'Same grassroots unit as {branch}’s “{title}” ({month}), description similarity {similarity}: possibly the same problem reported as solved again',
  },
  'signals.publicityLink': {
    zh: '与{branch}《{title}》({month})使用同一链接 {link}',
    en: 'Same link as {branch}’s “{title}” ({month}): {link}',
  },
  'signals.publicityTitle': {
    zh: '与{branch}《{title}》({month})标题相似度 {similarity}',
    en: 'Title similarity {similarity} with {branch}’s “{title}” ({month})',
  },
  'signals.overlap': {
    zh: '本次 {startTime}–{endTime} 与{branch}《{title}》{otherStart}–{otherEnd} 时间重叠,{count} 人两边均记为出席:',
    en: 'This meeting ({startTime}–{endTime}) overlaps {branch}’s “{title}” ({otherStart}–{otherEnd}); {count} people are present at both:',
  },
  'signals.signIn': {
    zh: '会议时间 {startTime}–{endTime}(前后 {grace} 分钟内视为正常),以下扫码签到不在此时段:',
    en: 'The meeting ran {startTime}–{endTime} ({grace} minutes either side allowed); these sign-ins fall outside it:',
  },
  'signals.rush': {
    zh: '{periodKey} 的全部 {count} 条记录在 {minutes} 分钟内录入,截止日期 {dueDate}:',
    en: 'All {count} records of {periodKey} were typed within {minutes} minutes before the due date {dueDate}:',
  },
  'signals.sameAttendance': {
    zh: '连续 {meetings} 次会议({dates})出席名单完全相同({present} 人出席,缺席、请假人员也相同)',
    en: '{meetings} meetings in a row ({dates}) have the same attendance list ({present} present, the same people away)',
  },
  'signals.photo': {
    zh: '“{name}”与{branch}《{title}》({month})的“{otherName}”{how}',
    en: '“{name}” matches “{otherName}” of {branch}’s “{title}” ({month}) {how}',
  },
  'signals.also': {
    zh: '另有 {n} 条记录使用了相同或近似的文件:',
    en: '{n} more records carry the same or a near-identical file:',
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
  'signals.elsewhere': {
    zh: '与其他公司支部的一条记录相符或相似;该记录的内容仅集团党委可见,请核实本记录后标记。',
    en: "Matches a record of another company's branch; its contents are the group committee's to read. Check this record and mark it.",
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
