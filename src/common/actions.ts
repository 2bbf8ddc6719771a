/** The action kinds of a campaign (DOMAIN.md), their record fields' enumerations and labels. */
export type Labels<T extends string> = Record<T, { zh: string; en: string }>;

export const actionKinds = [
  'study',
  'theme_day',
  'rule_revision',
  'grassroots_problem',
  'publicity',
  'optional',
] as const;
export type ActionKind = (typeof actionKinds)[number];
export const actionKindLabels: Labels<ActionKind> = {
  study: { zh: '学习研讨', en: 'Study session' },
  theme_day: { zh: '主题党日', en: 'Theme Party day' },
  rule_revision: { zh: '制度修订', en: 'Rule revision' },
  grassroots_problem: { zh: '基层问题', en: 'Grassroots problem' },
  publicity: { zh: '新闻宣传', en: 'Publicity' },
  optional: { zh: '自选动作', en: 'Optional action' },
};
/** The article's wording of each required action, used as the default label of a campaign's kinds. */
export const actionKindDefaultTitles: Record<ActionKind, string> = {
  study: '组织一次学习研讨',
  theme_day: '开展一次“主题党日”活动',
  rule_revision: '修订一项制度或流程',
  grassroots_problem: '为基层解决一个困难或问题',
  publicity: '进行一次新闻宣传',
  optional: '自选动作',
};

export const periodKinds = ['month', 'quarter'] as const;
export type PeriodKind = (typeof periodKinds)[number];

/** 三会一课 */
export const studyForms = ['party_congress', 'branch_committee', 'group_meeting', 'party_lecture'] as const;
export const studyFormLabels: Labels<(typeof studyForms)[number]> = {
  party_congress: { zh: '支部党员大会', en: 'Branch general meeting' },
  branch_committee: { zh: '支部委员会', en: 'Branch committee meeting' },
  group_meeting: { zh: '党小组会', en: 'Party group meeting' },
  party_lecture: { zh: '党课', en: 'Party lecture' },
};

export const meetingModes = ['in_person', 'video', 'dingtalk', 'text_platform', 'mixed'] as const;
export type MeetingMode = (typeof meetingModes)[number];
export const meetingModeLabels: Labels<(typeof meetingModes)[number]> = {
  in_person: { zh: '现场会议', en: 'In person' },
  video: { zh: '视频会议', en: 'Video meeting' },
  dingtalk: { zh: '钉钉群', en: 'DingTalk group' },
  text_platform: { zh: '公司平台文字会议', en: 'Text meeting on the company platform' },
  mixed: { zh: '线上线下结合', en: 'In person and online' },
};

export const studyMaterials = ['speeches', 'party_rules', 'superior_documents', 'company_documents'] as const;
export const studyMaterialLabels: Labels<(typeof studyMaterials)[number]> = {
  speeches: { zh: '重要讲话和指示批示精神', en: 'Speeches and instructions' },
  party_rules: { zh: '党章党规党纪', en: 'Party constitution, rules and discipline' },
  superior_documents: { zh: '上级会议和文件精神', en: 'Superior meetings and documents' },
  company_documents: { zh: '公司会议、文件和规章制度', en: 'Company meetings, documents and rules' },
};

export const themeDayThemes = [
  'ideals',
  'identity',
  'organisational_life',
  'strict_management',
  'party_spirit',
] as const;
export const themeDayThemeLabels: Labels<(typeof themeDayThemes)[number]> = {
  ideals: { zh: '理想信念教育', en: 'Ideals and convictions' },
  identity: { zh: '党员身份意识', en: 'Member identity' },
  organisational_life: { zh: '规范组织生活', en: 'Organisational life' },
  strict_management: { zh: '从严教育管理', en: 'Strict management' },
  party_spirit: { zh: '党性锻炼', en: 'Party spirit' },
};

export const themeDayActivities = ['visit', 'film', 'reading', 'volunteering', 'lecture', 'other'] as const;
export const themeDayActivityLabels: Labels<(typeof themeDayActivities)[number]> = {
  visit: { zh: '参观学习', en: 'Visit' },
  film: { zh: '观看影视', en: 'Film' },
  reading: { zh: '读书学习', en: 'Reading' },
  volunteering: { zh: '志愿服务', en: 'Volunteering' },
  lecture: { zh: '专题讲座', en: 'Lecture' },
  other: { zh: '其他', en: 'Other' },
};

export const problemMeasures = [
  'guidance_manual',
  'one_to_one',
  'training',
  'integrated_office',
  'site_investigation',
  'sourcing_supplies',
  'other',
] as const;
export const problemMeasureLabels: Labels<(typeof problemMeasures)[number]> = {
  guidance_manual: { zh: '下发指导手册', en: 'Guidance manual' },
  one_to_one: { zh: '一对一指导', en: 'One-to-one guidance' },
  training: { zh: '培训讲座', en: 'Training lecture' },
  integrated_office: { zh: '一体化办公', en: 'Integrated office' },
  site_investigation: { zh: '实地考察调研', en: 'Site investigation' },
  sourcing_supplies: { zh: '联系协调物资', en: 'Sourcing supplies' },
  other: { zh: '其他', en: 'Other' },
};

export const publicityKinds = ['news', 'feature', 'photo', 'video'] as const;
export const publicityKindLabels: Labels<(typeof publicityKinds)[number]> = {
  news: { zh: '新闻', en: 'News' },
  feature: { zh: '专题', en: 'Feature' },
  photo: { zh: '图片', en: 'Photo' },
  video: { zh: '视频', en: 'Video' },
};

export const publicityChannels = ['website', 'wechat', 'newsletter', 'outside_media'] as const;
export const publicityChannelLabels: Labels<(typeof publicityChannels)[number]> = {
  website: { zh: '公司网站', en: 'Company website' },
  wechat: { zh: '微信公众号', en: 'WeChat official account' },
  newsletter: { zh: '党建简报《领航》', en: 'Party newsletter' },
  outside_media: { zh: '外部媒体', en: 'Outside media' },
};

export const attendanceStatuses = ['present', 'leave', 'absent'] as const;
export type AttendanceStatus = (typeof attendanceStatuses)[number];
export const attendanceStatusLabels: Labels<AttendanceStatus> = {
  present: { zh: '出席', en: 'Present' },
  leave: { zh: '请假', en: 'On leave' },
  absent: { zh: '缺席', en: 'Absent' },
};

export const recordStatuses = ['draft', 'submitted', 'returned', 'approved'] as const;
export type RecordStatus = (typeof recordStatuses)[number];
export const recordStatusLabels: Labels<RecordStatus> = {
  draft: { zh: '草稿', en: 'Draft' },
  submitted: { zh: '待审核', en: 'Submitted' },
  returned: { zh: '已退回', en: 'Returned' },
  approved: { zh: '已通过', en: 'Approved' },
};

export const taskStatuses = [
  'not_started',
  'in_progress',
  'submitted',
  'returned',
  'done',
  'done_late',
  'overdue',
] as const;
export type TaskStatus = (typeof taskStatuses)[number];
export const taskStatusLabels: Labels<TaskStatus> = {
  not_started: { zh: '未开始', en: 'Not started' },
  in_progress: { zh: '填报中', en: 'In progress' },
  submitted: { zh: '待审核', en: 'Submitted' },
  returned: { zh: '已退回', en: 'Returned' },
  done: { zh: '已完成', en: 'Done' },
  done_late: { zh: '补报完成', en: 'Done late' },
  overdue: { zh: '已逾期', en: 'Overdue' },
};

export const evidenceKinds = ['photo', 'sign_in_sheet', 'minutes', 'document', 'other'] as const;
export const evidenceKindLabels: Labels<(typeof evidenceKinds)[number]> = {
  photo: { zh: '照片', en: 'Photo' },
  sign_in_sheet: { zh: '签到表', en: 'Sign-in sheet' },
  minutes: { zh: '会议记录', en: 'Minutes' },
  document: { zh: '文件', en: 'Document' },
  other: { zh: '其他', en: 'Other' },
};
