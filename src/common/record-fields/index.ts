import { z } from 'zod';
import {
  meetingModes,
  problemMeasures,
  publicityKinds,
  studyForms,
  studyMaterials,
  themeDayActivities,
  themeDayThemes,
  type ActionKind,
} from '../actions.js';
import { id, isoDate, text } from '../api/shared.js';
import {
  agendaField,
  attendeesField,
  lecturerFields,
  meetingPlaceFields,
  meetingTimeFields,
} from './meeting.js';

export { meetingLimits, type AgendaItem, type Attendee } from './meeting.js';

/**
 * The fields of each record kind, stated once. Shape of one entry (key = the key in record.data):
 *
 *   { schema, zh, en, max?, submit? }
 *   - schema: the zod type the API accepts (drafts may be incomplete, so most have defaults);
 *   - zh, en: the field's label, Chinese first;
 *   - max:    the length limit of a text field: the schema's limit and the web form's maxLength;
 *   - submit: true when the record cannot be submitted without it (the checklist says so).
 *
 * The API schema (api/records.ts recordDataByKind) is built from these lists and the web form takes
 * its length limits from them, so a field's limit is written in one place. Order is the entry
 * form's order.
 */
export interface FieldDef<S extends z.ZodType = z.ZodType> {
  schema: S;
  zh: string;
  en: string;
  max?: number;
  submit?: boolean;
}

const longText = (max: number) => z.string().trim().max(max).default('');
/** Free text up to `max` characters, empty allowed in drafts. */
const long = (zh: string, en: string, max: number, submit = false) => ({
  schema: longText(max),
  zh,
  en,
  max,
  submit,
});
/** Text that may never be empty, even in a draft. */
const must = (zh: string, en: string, max: number) => ({ schema: text(max), zh, en, max, submit: true });
const ref = (zh: string, en: string, submit = false) => ({
  schema: id.nullable().default(null),
  zh,
  en,
  submit,
});
const date = (zh: string, en: string, submit = false) => ({
  schema: isoDate.nullable().default(null),
  zh,
  en,
  submit,
});

export const studyFields = {
  form: { schema: z.enum(studyForms), zh: '会议形式', en: 'Form', submit: true },
  /** The Party group of a 党小组会: its members are those expected (required at submit then). */
  partyGroupId: ref('党小组', 'Party group'),
  mode: { schema: z.enum(meetingModes), zh: '方式', en: 'Mode', submit: true },
  topic: must('学习主题', 'Topic', 200),
  /** Only a 党课 names its lecturer; the checklist asks for them then. */
  ...lecturerFields,
  materialKinds: {
    schema: z.array(z.enum(studyMaterials)).max(4).default([]),
    zh: '学习内容类别',
    en: 'Material kinds',
  },
  materials: long('学习内容', 'Materials', 2000),
  ...meetingTimeFields,
  ...meetingPlaceFields,
  hostPersonId: ref('主持人', 'Host', true),
  recorderPersonId: ref('记录人', 'Recorder', true),
  ...attendeesField,
  ...agendaField,
  minutes: long('会议记录', 'Minutes', 20000),
  decisions: long('会议决定', 'Decisions', 5000),
} satisfies Record<string, FieldDef>;

export const themeDayFields = {
  theme: { schema: z.enum(themeDayThemes), zh: '主题', en: 'Theme', submit: true },
  activity: { schema: z.enum(themeDayActivities), zh: '活动形式', en: 'Activity', submit: true },
  /** Records saved before a theme day had a mode were held in person. */
  mode: { schema: z.enum(meetingModes).default('in_person'), zh: '方式', en: 'Mode', submit: true },
  ...meetingTimeFields,
  ...meetingPlaceFields,
  hostPersonId: ref('主持人', 'Host', true),
  recorderPersonId: ref('记录人', 'Recorder', true),
  ...attendeesField,
  ...agendaField,
  summary: long('活动小结', 'Summary', 20000, true),
} satisfies Record<string, FieldDef>;

export const ruleRevisionFields = {
  ruleTitle: must('制度或流程名称', 'Rule or process', 200),
  ruleType: { schema: z.enum(['rule', 'process']), zh: '类别', en: 'Type', submit: true },
  departmentId: ref('归口部门', 'Department'),
  gap: long('发现的漏洞或不足', 'Gap found', 5000, true),
  opinionsSolicited: long('征求意见情况', 'Opinions solicited', 5000),
  changeSummary: long('修订内容摘要', 'Change summary', 5000, true),
  publishedOn: date('发布日期', 'Published on', true),
  documentNo: long('文号', 'Document number', 60, true),
  releaseForm: long('发布形式', 'Release form', 60),
} satisfies Record<string, FieldDef>;

export const problemFields = {
  /** The problem in the register this record reports; its confirmation decides the month. */
  problemId: ref('问题台账编号', 'Register problem'),
  /** Filled by the server from the unit's confirmation; whatever a client sends is replaced. */
  confirmedOn: date('确认解决日期', 'Confirmed on'),
  unitId: ref('基层单位', 'Grassroots unit', true),
  raisedBy: long('反映人', 'Raised by', 60),
  description: must('问题描述', 'Description', 5000),
  category: long('问题类别', 'Category', 60),
  measures: {
    schema: z
      .array(z.object({ date: isoDate, kind: z.enum(problemMeasures), note: longText(1000) }))
      .max(50)
      .default([]),
    zh: '解决措施',
    en: 'Measures',
    submit: true,
  },
  resolvedOn: date('解决日期', 'Resolved on', true),
  outcome: long('解决结果', 'Outcome', 5000, true),
} satisfies Record<string, FieldDef>;

/** The note of one measure of a problem: the limit the form's measure rows use. */
export const measureNoteMax = 1000;
/** The link or issue number of one publicity channel. */
export const channelLinkMax = 500;

export const publicityFields = {
  kind: { schema: z.enum(publicityKinds), zh: '宣传类型', en: 'Kind', submit: true },
  author: long('作者', 'Author', 60),
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
    submit: true,
  },
  highlights: long('宣传亮点', 'Highlights', 5000),
  /** The studies, theme days, revisions or problems this item reports on. */
  relatedRecordIds: { schema: z.array(id).max(20).default([]), zh: '相关记录', en: 'Related records' },
} satisfies Record<string, FieldDef>;

export const optionalFields = {
  category: long('类别', 'Category', 60),
  description: must('做法描述', 'Description', 5000),
  novelty: long('创新之处', 'What is new', 2000),
  /** Branches tag what was new about the action, so cases can be found by theme. */
  tags: {
    schema: z.array(z.string().trim().min(1).max(20)).max(10).default([]),
    zh: '标签',
    en: 'Tags',
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
