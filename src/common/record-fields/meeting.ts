import { z } from 'zod';
import { id, text } from '../api/shared.js';
import { modeUses } from '../meeting-checks.js';
import type { FieldData, FieldDef } from './field-def.js';

/**
 * The facts of a meeting (学习研讨 and 主题党日) that 《中国共产党支部工作条例（试行）》 and the
 * branches' record books ask for, beyond the kind's own fields. They live in the record's data
 * (jsonb), so records saved before they existed still read: every one has a default.
 *
 * Shape in record.data (for the meeting record document and anyone else reading it):
 *   startTime, endTime   'HH:mm' (China Standard Time, on the record's occurredOn), or null
 *   mode                 meetingModes: in_person needs place; online modes need platform and
 *                        meetingNo; mixed needs all three
 *   place                text (地点)
 *   platform, meetingNo  text (线上平台, 会议号 / 群号)
 *   hostPersonId, recorderPersonId   people of the branch who must be present (attendance)
 *   lecturer, lecturerPosition       a 党课's 授课人 and their position (study only)
 *   attendees  [{ name, unit }]      列席: people attending without being members of the branch
 *                                    (by name; their unit or branch as text, never a person id,
 *                                    so nobody learns names of people they may not read)
 *   agenda     [{ title, speeches: [{ speaker, summary }], decision }]
 *                                    议题, each with 发言摘要 (speaker + what was said) and 决议
 *                                    ('' where there was none)
 * Attendance itself (出席 / 请假 / 缺席 with the reason) is in the attendance table, one row per
 * person of the branch expected (应到).
 */
export const meetingLimits = {
  place: 100,
  platform: 60,
  meetingNo: 60,
  lecturer: 60,
  lecturerPosition: 60,
  attendees: 50,
  attendeeName: 60,
  attendeeUnit: 100,
  agendaItems: 20,
  agendaTitle: 200,
  speeches: 30,
  speaker: 60,
  speech: 2000,
  decision: 2000,
} as const;

const L = meetingLimits;
const longText = (max: number) => z.string().trim().max(max).default('');

/** A time of day, 'HH:mm', 24-hour. */
export const timeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间格式应为 HH:mm');

export const attendeeSchema = z.object({
  name: text(L.attendeeName),
  /** Their unit, branch or position, so a reader knows who they are. */
  unit: longText(L.attendeeUnit),
});

export const speechSchema = z.object({
  speaker: text(L.speaker),
  summary: text(L.speech),
});

export const agendaItemSchema = z.object({
  title: text(L.agendaTitle),
  speeches: z.array(speechSchema).max(L.speeches).default([]),
  decision: longText(L.decision),
});

export type Attendee = z.output<typeof attendeeSchema>;
export type AgendaItem = z.output<typeof agendaItemSchema>;

const time = (zh: string, en: string, extra: Partial<FieldDef> = {}) => ({
  schema: timeOfDay.nullable().default(null),
  zh,
  en,
  widget: 'time' as const,
  submit: true,
  span: 6,
  phoneSpan: 12,
  ...extra,
});
const short = (zh: string, en: string, max: number, extra: Partial<FieldDef> = {}) => ({
  schema: longText(max),
  zh,
  en,
  max,
  widget: 'text' as const,
  ...extra,
});
const online = (d: FieldData) => modeUses(d.mode).online;
/** Beside the place (mixed mode) half a row each; alone, a quarter, beside the times. */
const onlineSpan = (d: FieldData) => (modeUses(d.mode).place ? 12 : 6);

/** The fields every meeting kind has, in the form's order (spread into the kinds' field lists). */
export const meetingTimeFields = {
  startTime: time('开始时间', 'Start time'),
  endTime: time('结束时间', 'End time', { after: 'startTime' }),
};
export const meetingPlaceFields = {
  place: short('地点', 'Place', L.place, {
    span: 12,
    shownWhen: (d) => modeUses(d.mode).place,
    viewWhenFilled: true,
  }),
  platform: short('线上平台', 'Online platform', L.platform, {
    span: onlineSpan,
    shownWhen: online,
    viewWhenFilled: true,
    placeholder: { zh: '如:腾讯会议、钉钉', en: 'e.g. Tencent Meeting, DingTalk' },
  }),
  meetingNo: short('会议号 / 群号', 'Meeting number', L.meetingNo, {
    span: onlineSpan,
    shownWhen: online,
    viewWhenFilled: true,
  }),
};
/** Who led the meeting: people of the branch, who must then be present. */
export const meetingLeadFields = {
  hostPersonId: { ...personField('主持人', 'Host'), submit: true, document: '主持人' },
  recorderPersonId: { ...personField('记录人', 'Recorder'), submit: true, document: '记录人' },
};
/** Only a 党课 names its lecturer; the checklist asks for them then. */
export const lecturerFields = {
  lecturer: short('授课人', 'Lecturer', L.lecturer, { span: 12, shownWhen: isLecture }),
  lecturerPosition: short('授课人职务', "Lecturer's position", L.lecturerPosition, {
    span: 12,
    shownWhen: isLecture,
    placeholder: { zh: '如:支部书记、公司党委委员', en: 'e.g. branch secretary' },
  }),
};
export const attendeesField = {
  attendees: {
    schema: z.array(attendeeSchema).max(L.attendees).default([]),
    zh: '列席人员',
    en: 'Attending non-members',
    widget: 'attendees' as const,
  },
};
export const agendaField = {
  agenda: {
    schema: z.array(agendaItemSchema).max(L.agendaItems).default([]),
    zh: '议题',
    en: 'Agenda items',
    widget: 'agenda' as const,
  },
};

function isLecture(d: FieldData): boolean {
  return d.form === 'party_lecture';
}
function personField(zh: string, en: string) {
  return {
    schema: id.nullable().default(null),
    zh,
    en,
    widget: 'person' as const,
    span: 12,
    phoneSpan: 12,
  };
}
