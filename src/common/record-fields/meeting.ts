import { z } from 'zod';
import { text } from '../api/shared.js';

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

const time = (zh: string, en: string) => ({
  schema: timeOfDay.nullable().default(null),
  zh,
  en,
  submit: true,
});
const short = (zh: string, en: string, max: number) => ({ schema: longText(max), zh, en, max });

/** The fields every meeting kind has, in the form's order (spread into the kinds' field lists). */
export const meetingTimeFields = {
  startTime: time('开始时间', 'Start time'),
  endTime: time('结束时间', 'End time'),
};
export const meetingPlaceFields = {
  place: short('地点', 'Place', L.place),
  platform: short('线上平台', 'Online platform', L.platform),
  meetingNo: short('会议号 / 群号', 'Meeting number', L.meetingNo),
};
export const lecturerFields = {
  lecturer: short('授课人', 'Lecturer', L.lecturer),
  lecturerPosition: short('授课人职务', "Lecturer's position", L.lecturerPosition),
};
export const attendeesField = {
  attendees: {
    schema: z.array(attendeeSchema).max(L.attendees).default([]),
    zh: '列席人员',
    en: 'Attending non-members',
  },
};
export const agendaField = {
  agenda: {
    schema: z.array(agendaItemSchema).max(L.agendaItems).default([]),
    zh: '议题',
    en: 'Agenda items',
  },
};
