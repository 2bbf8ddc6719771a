import { z } from 'zod';
import {
  meetingModeLabels,
  meetingModes,
  problemMeasures,
  publicityKindLabels,
  publicityKinds,
  studyFormLabels,
  studyForms,
  studyMaterialLabels,
  studyMaterials,
  themeDayActivities,
  themeDayActivityLabels,
  themeDayThemeLabels,
  themeDayThemes,
  type ActionKind,
} from '../actions.js';
import { id, isoDate } from '../api/shared.js';
import { choice, date, long, must, ref, type FieldDef } from './field-def.js';
import {
  agendaField,
  attendeesField,
  lecturerFields,
  meetingLeadFields,
  meetingPlaceFields,
  meetingTimeFields,
} from './meeting.js';
import { indicatorFields, problemEffectFields } from './effect.js';

export { meetingLimits, type AgendaItem, type Attendee } from './meeting.js';
export * from './field-def.js';
export * from './effect.js';

/**
 * The fields of each record kind, stated once (what one entry holds: FieldDef in field-def.ts).
 * The API schema (api/records.ts recordDataByKind), the web's entry form and read-only view, and
 * the ledgers' columns are built from these lists, so a field is added here (and in a migration
 * where the database needs one) and nowhere else. Order is the entry form's order.
 */

const longText = (max: number) => z.string().trim().max(max).default('');

export const studyFields = {
  form: choice('组织形式(三会一课)', 'Form (三会一课)', studyForms, studyFormLabels, {
    heading: '会议形式',
    span: 12,
    ledger: 12,
  }),
  /** The Party group of a 党小组会: its members are those expected (required at submit then). */
  partyGroupId: ref('党小组', 'Party group', 'group', {
    span: 12,
    shownWhen: (d) => d.form === 'group_meeting',
    requiredWhenShown: true,
    hint: { zh: '党小组会的应到人员为该党小组的党员', en: 'Those expected are the members of this group' },
  }),
  mode: choice('会议方式', 'Mode', meetingModes, meetingModeLabels, {
    heading: '方式',
    span: 12,
    ledger: 12,
  }),
  topic: must('学习主题', 'Topic', 200, { ledger: 26, document: '会议议题' }),
  materialKinds: {
    schema: z.array(z.enum(studyMaterials)).max(4).default([]),
    zh: '学习内容类别',
    en: 'Kinds of material',
    widget: 'multi' as const,
    options: studyMaterialLabels,
  },
  materials: long('学习内容', 'Materials studied', 2000, { rows: [2, 6] }),
  ...lecturerFields,
  ...meetingTimeFields,
  ...meetingPlaceFields,
  ...meetingLeadFields,
  ...attendeesField,
  ...agendaField,
  /** Not a ledger column: the minutes are filed in the meeting record book (会议记录), in full. */
  minutes: long('会议记录 / 研讨要点', 'Minutes / key points', 20000, { heading: '会议记录', rows: [4, 14] }),
  decisions: long('形成的意见或措施', 'Conclusions and follow-up', 5000, { heading: '会议决定', ledger: 28 }),
} satisfies Record<string, FieldDef>;

export const themeDayFields = {
  theme: choice('活动主题', 'Theme', themeDayThemes, themeDayThemeLabels, {
    heading: '主题',
    span: 12,
    ledger: 14,
    document: '活动主题',
  }),
  activity: choice('活动形式', 'Activity', themeDayActivities, themeDayActivityLabels, {
    span: 12,
    ledger: 10,
    document: '活动形式',
  }),
  /** Records saved before a theme day had a mode were held in person. */
  mode: {
    ...choice('会议方式', 'Mode', meetingModes, meetingModeLabels, { heading: '方式', span: 12, ledger: 12 }),
    schema: z.enum(meetingModes).default('in_person'),
  },
  ...meetingTimeFields,
  ...meetingPlaceFields,
  ...meetingLeadFields,
  ...attendeesField,
  ...agendaField,
  summary: long('活动小结', 'Summary', 20000, { submit: true, rows: [4, 14], ledger: 44 }),
} satisfies Record<string, FieldDef>;

const countsHint = (zh: string, en: string) => ({ hint: { zh, en } });

/** The revision ledger lays its columns out by hand (revision-columns.ts), around the reviews. */
export const ruleRevisionFields = {
  ruleTitle: must('制度 / 流程名称', 'Rule or process title', 200, { heading: '制度或流程名称', span: 16 }),
  ruleType: choice(
    '类别',
    'Type',
    ['rule', 'process'],
    { rule: { zh: '制度', en: 'Rule' }, process: { zh: '流程', en: 'Process' } },
    { widget: 'radio', span: 8 },
  ),
  departmentId: ref('归口部门', 'Owning department', 'department', { span: 12 }),
  gap: long('发现的漏洞或不足', 'Gap or shortcoming found', 5000, { submit: true }),
  opinionsSolicited: long('征求意见情况', 'Opinions solicited', 5000),
  changeSummary: long('修订内容摘要', 'Summary of the changes', 5000, { submit: true, rows: [3, 10] }),
  // Entered as planned when the revision goes to the leader, who approves the publication with it.
  publishedOn: date('发布日期', 'Published on', {
    submit: true,
    planned: true,
    span: 8,
    ...countsHint('制度修订计入发布日期所在的月份。', 'A revision counts for the month it was published.'),
  }),
  documentNo: long('文号', 'Document number', 60, { submit: true, span: 8 }),
  releaseForm: long('发布形式', 'Form of release', 60, { span: 8 }),
  ...indicatorFields,
} satisfies Record<string, FieldDef>;

export const problemFields = {
  /** The problem in the register this record reports; its confirmation decides the month. */
  problemId: ref('问题台账编号', 'Register problem', 'none'),
  /** Filled by the server from the unit's confirmation; whatever a client sends is replaced. */
  confirmedOn: { ...date('确认解决日期', 'Confirmed on'), widget: 'none' as const },
  unitId: ref('基层单位', 'Grassroots unit', 'unit', { submit: true, span: 12, ledger: 18 }),
  raisedBy: long('提出人', 'Raised by', 60, { heading: '反映人', span: 6, phoneSpan: 12, ledger: 14 }),
  category: long('问题类别', 'Category', 60, { span: 6, phoneSpan: 12, ledger: 12 }),
  description: must('问题描述', 'Description', 5000, { rows: [3, 10], ledger: 40 }),
  measures: {
    schema: z
      .array(z.object({ date: isoDate, kind: z.enum(problemMeasures), note: longText(1000) }))
      .max(50)
      .default([]),
    zh: '解决措施',
    en: 'Measures taken',
    widget: 'measures' as const,
    submit: true,
  },
  resolvedOn: date('解决日期', 'Resolved on', {
    submit: true,
    span: 8,
    ledger: 12,
    ...countsHint('基层问题计入解决日期所在的月份。', 'A problem counts for the month it was solved.'),
  }),
  outcome: long('解决结果', 'Outcome', 5000, { submit: true, span: 16, ledger: 36 }),
  ...problemEffectFields,
} satisfies Record<string, FieldDef>;

/** The note of one measure of a problem: the limit the form's measure rows use. */
export const measureNoteMax = 1000;
/** The link or issue number of one publicity channel. */
export const channelLinkMax = 500;

export const publicityFields = {
  kind: choice('稿件类型', 'Kind', publicityKinds, publicityKindLabels, {
    heading: '宣传类型',
    span: 8,
    phoneSpan: 12,
    ledger: 10,
  }),
  author: long('作者', 'Author', 60, { span: 8, phoneSpan: 12, ledger: 12 }),
  channels: {
    schema: z
      .array(
        z.object({
          /** A code from the configured channel list (settings), by default the four of publicityChannels. */
          channel: z.string().regex(/^[a-z0-9_]{1,30}$/, '渠道代码不正确'),
          publishedOn: isoDate,
          link: z.string().trim().max(channelLinkMax).default(''),
          /** Reach is recorded for information only: it never enters any score. */
          views: z.number().int().min(0).max(1_000_000_000).nullable().default(null),
          likes: z.number().int().min(0).max(1_000_000_000).nullable().default(null),
        }),
      )
      .max(10)
      .default([]),
    zh: '发布渠道',
    en: 'Channels',
    widget: 'channels' as const,
    submit: true,
  },
  highlights: long('宣传亮点', 'Highlights', 5000, { ledger: 36 }),
  /** The studies, theme days, revisions or problems this item reports on. */
  relatedRecordIds: {
    schema: z.array(id).max(20).default([]),
    zh: '相关记录',
    en: 'Related records',
    widget: 'none' as const,
  },
} satisfies Record<string, FieldDef>;

export const optionalFields = {
  category: long('类别', 'Category', 60, { ledger: 12 }),
  description: must('活动内容', 'Description', 5000, { heading: '做法描述', rows: [3, 12], ledger: 44 }),
  novelty: long('创新之处', 'What is new', 2000, { ledger: 36 }),
  /** Branches tag what was new about the action, so cases can be found by theme. */
  tags: {
    schema: z.array(z.string().trim().min(1).max(20)).max(10).default([]),
    zh: '标签',
    en: 'Tags',
    widget: 'tags' as const,
    hint: {
      zh: '输入后回车,最多 10 个,便于按主题查找典型案例',
      en: 'Press Enter after each; up to 10, to find cases by theme',
    },
    ledger: 16,
  },
} satisfies Record<string, FieldDef>;

export const recordFields = {
  study: studyFields,
  theme_day: themeDayFields,
  rule_revision: ruleRevisionFields,
  grassroots_problem: problemFields,
  publicity: publicityFields,
  optional: optionalFields,
} as const satisfies Record<ActionKind, Record<string, FieldDef>>;

/**
 * The kinds whose records are meetings: those with a meeting's start time among their fields
 * (学习研讨 and 主题党日 today). The meeting record and the branch's record book hold these.
 */
export const meetingKinds = (Object.keys(recordFields) as ActionKind[]).filter(
  (k) => 'startTime' in recordFields[k],
);

export type FieldKey<K extends ActionKind> = keyof (typeof recordFields)[K] & string;

/** The zod object of a kind's fields, typed field by field. */
export function schemaOf<F extends Record<string, FieldDef>>(
  fields: F,
): z.ZodObject<{ [K in keyof F]: F[K]['schema'] }> {
  const shape = Object.fromEntries(Object.entries(fields).map(([k, f]) => [k, f.schema]));
  return z.object(shape) as unknown as z.ZodObject<{ [K in keyof F]: F[K]['schema'] }>;
}

/** The length limit of a text field, for the form's maxLength. */
export function maxLengthOf<K extends ActionKind>(kind: K, key: FieldKey<K>): number | undefined {
  return (recordFields[kind] as Record<string, FieldDef>)[key]?.max;
}

/** A kind's fields in the form's order, each with its key. */
export function fieldsOf(kind: ActionKind): [string, FieldDef][] {
  return Object.entries(recordFields[kind] as Record<string, FieldDef>);
}

/** A kind's dates that may lie ahead (see `planned` and `future` in field-def.ts). */
export function plannedDateKeys(kind: ActionKind): ReadonlySet<string> {
  return new Set(fieldsOf(kind).flatMap(([key, f]) => (f.planned || f.future ? [key] : [])));
}
