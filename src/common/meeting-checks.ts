import type { AttendanceStatus } from './actions.js';

/**
 * The rules a meeting record (学习研讨, 主题党日) must meet at submit, as pure functions of its
 * data and attendance: the checklist (server and web form) and the server's submit use them, so
 * the form says exactly what the server will refuse. Drafts may break them; approved records
 * saved before a rule existed stay as they are.
 */
export interface AttendanceFact {
  personId: number;
  status: AttendanceStatus;
  reason?: string | null;
}

const filled = (v: unknown) => typeof v === 'string' && v.trim().length > 0;
const rows = (v: unknown) => (Array.isArray(v) ? (v as Record<string, unknown>[]) : []);
const hhmm = (v: unknown) => (typeof v === 'string' && /^\d{2}:\d{2}$/.test(v) ? v : null);

/** Start and end time given, the end after the start. */
export function timesGiven(d: Record<string, unknown>): boolean {
  const start = hhmm(d.startTime);
  const end = hhmm(d.endTime);
  return start !== null && end !== null && end > start;
}

/** Both times given and the end not after the start: a mistake worth refusing at once. */
export function timesReversed(d: Record<string, unknown>): boolean {
  const start = hhmm(d.startTime);
  const end = hhmm(d.endTime);
  return start !== null && end !== null && end <= start;
}

/** Where it was held: a place in person, a platform and meeting number online, both when mixed. */
export function placeGiven(d: Record<string, unknown>): boolean {
  const mode = typeof d.mode === 'string' ? d.mode : 'in_person';
  const place = filled(d.place);
  const online = filled(d.platform) && filled(d.meetingNo);
  if (mode === 'in_person') return place;
  if (mode === 'mixed') return place && online;
  return online;
}

/** Whether the place fields apply to the mode (the form shows only those that do). */
export function modeUses(mode: unknown): { place: boolean; online: boolean } {
  const m = typeof mode === 'string' ? mode : 'in_person';
  return { place: m === 'in_person' || m === 'mixed', online: m !== 'in_person' };
}

export type MeetingRole = 'hostPersonId' | 'recorderPersonId';
export const meetingRoleLabels: Record<MeetingRole, { zh: string; en: string }> = {
  hostPersonId: { zh: '主持人', en: 'Host' },
  recorderPersonId: { zh: '记录人', en: 'Recorder' },
};

/** The host or recorder named and listed as present. */
export function rolePresent(d: Record<string, unknown>, role: MeetingRole, attendance: AttendanceFact[]) {
  const id = d[role];
  return typeof id === 'number' && attendance.some((a) => a.personId === id && a.status === 'present');
}

/**
 * Named roles whose person is not present (on leave, absent, or not on the list): a person who
 * was not there cannot have hosted or recorded the meeting.
 */
export function rolesNotPresent(
  d: Record<string, unknown>,
  attendance: AttendanceFact[],
): { role: MeetingRole; personId: number; status: AttendanceStatus | null }[] {
  const out: { role: MeetingRole; personId: number; status: AttendanceStatus | null }[] = [];
  for (const role of ['hostPersonId', 'recorderPersonId'] as const) {
    const id = d[role];
    if (typeof id !== 'number') continue;
    const row = attendance.find((a) => a.personId === id);
    if (row?.status !== 'present') out.push({ role, personId: id, status: row?.status ?? null });
  }
  return out;
}

/** Everyone on leave or absent has a reason. */
export function reasonsGiven(attendance: AttendanceFact[]): boolean {
  return attendance.every((a) => a.status === 'present' || filled(a.reason));
}

/** At least one 议题, each with at least one 发言摘要. */
export function agendaGiven(d: Record<string, unknown>): boolean {
  const items = rows(d.agenda);
  return items.length > 0 && items.every((i) => filled(i.title) && rows(i.speeches).length > 0);
}

/** A 党课 names its lecturer and their position. */
export function lecturerGiven(d: Record<string, unknown>): boolean {
  return d.form !== 'party_lecture' || (filled(d.lecturer) && filled(d.lecturerPosition));
}
