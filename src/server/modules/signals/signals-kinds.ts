import type { Db } from '../../db/client.js';
import { addDays, cstDate } from '../../lib/dates.js';
import type { SignalInsert } from './signals.repo.js';
import {
  monthOf,
  overlappingMeetings,
  problemRepeats,
  publicityRepeats,
  recentMeetings,
  signInsOf,
  type RecordRowFacts,
} from './signals-match.repo.js';
import type { SignalThresholds } from './signals-thresholds.js';

const meetingKinds = new Set(['study', 'theme_day']);
const hhmm = /^\d{2}:\d{2}$/;

/** An instant from a calendar day and an 'HH:mm' in China Standard Time (no daylight saving). */
const cstInstant = (date: string, time: string) => new Date(`${date}T${time}:00+08:00`);
const cstTime = (instant: Date) => new Date(instant.getTime() + 8 * 3600_000).toISOString().slice(11, 16);

/**
 * The same grassroots problem reported as solved twice (same unit, near-identical description),
 * and the same publicity item (a shared link, or the same or a near-identical title) credited
 * again — across months and branches alike.
 */
export async function repeatSignals(db: Db, r: RecordRowFacts, t: SignalThresholds): Promise<SignalInsert[]> {
  const found: SignalInsert[] = [];
  const description = typeof r.data.description === 'string' ? r.data.description : '';
  if (
    r.kind === 'grassroots_problem' &&
    typeof r.data.unitId === 'number' &&
    description.length >= t.minPassage
  ) {
    for (const m of await problemRepeats(db, r.id, r.data.unitId, description, t.textSimilarity)) {
      found.push({
        kind: 'repeat_problem',
        key: String(m.otherRecordId),
        otherRecordId: m.otherRecordId,
        evidence: { description, otherDescription: m.otherDescription, similarity: m.similarity },
      });
    }
  }
  if (r.kind === 'publicity') {
    // Web links only: a newsletter's issue (《领航》第10期) carries many items by nature.
    const channels = Array.isArray(r.data.channels) ? (r.data.channels as { link?: unknown }[]) : [];
    const links = channels
      .map((c) => (typeof c.link === 'string' ? c.link.trim().toLowerCase().replace(/\/+$/, '') : ''))
      .filter((l) => /^https?:\/\//.test(l));
    for (const m of await publicityRepeats(db, r.id, r.title, links, t.titleSimilarity)) {
      found.push({
        kind: 'repeat_publicity',
        key: String(m.otherRecordId),
        otherRecordId: m.otherRecordId,
        evidence: { title: r.title, otherTitle: m.otherTitle, link: m.link, similarity: m.similarity },
      });
    }
  }
  return found;
}

/**
 * Times that do not fit: people present at two meetings at overlapping times, sign-ins well
 * outside the meeting's time, the branch's whole month typed in one burst just before its due
 * date, and the same attendance list meeting after meeting.
 */
export async function timingSignals(db: Db, r: RecordRowFacts, t: SignalThresholds): Promise<SignalInsert[]> {
  const found: SignalInsert[] = [];
  const start = typeof r.data.startTime === 'string' && hhmm.test(r.data.startTime) ? r.data.startTime : null;
  const end = typeof r.data.endTime === 'string' && hhmm.test(r.data.endTime) ? r.data.endTime : null;
  if (meetingKinds.has(r.kind) && start && end) {
    for (const m of await overlappingMeetings(db, r.id, r.occurredOn, start, end)) {
      found.push({
        kind: 'overlapping_attendance',
        key: String(m.otherRecordId),
        otherRecordId: m.otherRecordId,
        evidence: {
          startTime: start,
          endTime: end,
          otherStart: m.startTime,
          otherEnd: m.endTime,
          people: m.people,
        },
      });
    }
    const grace = t.signInGraceMinutes * 60_000;
    const from = cstInstant(r.occurredOn, start).getTime() - grace;
    const to = cstInstant(r.occurredOn, end).getTime() + grace;
    const outside = (await signInsOf(db, r.id)).filter((s) => {
      const at = s.signedInAt.getTime();
      return at < from || at > to;
    });
    if (outside.length) {
      found.push({
        kind: 'sign_in_outside',
        key: 'sign_in',
        otherRecordId: null,
        evidence: {
          startTime: start,
          endTime: end,
          graceMinutes: t.signInGraceMinutes,
          signIns: outside.map((s) => ({
            name: s.name,
            at: s.signedInAt.toISOString(),
            date: cstDate(s.signedInAt),
            time: cstTime(s.signedInAt),
          })),
        },
      });
    }
  }
  const rush = await deadlineRush(db, r, t);
  if (rush) found.push(rush);
  if (meetingKinds.has(r.kind) && t.sameAttendanceRun >= 2) {
    const run = await recentMeetings(db, r, t.sameAttendanceRun);
    const same = (a: number[], b: number[]) => a.length === b.length && a.every((x, i) => x === b[i]);
    // A branch whose every member came each time has identical lists by nature: only lists that
    // leave the same people out, meeting after meeting, look copied.
    if (
      run.length === t.sameAttendanceRun &&
      run[0]!.id === r.id &&
      run.every((m) => m.present.length > 0 && m.notPresent > 0 && same(m.present, run[0]!.present))
    ) {
      found.push({
        kind: 'same_attendance',
        key: 'attendance',
        otherRecordId: run[1]!.id,
        evidence: {
          meetings: run.length,
          dates: run.map((m) => m.occurredOn).reverse(),
          present: run[0]!.present.length,
        },
      });
    }
  }
  return found;
}

/**
 * The branch's whole month (at least `rushMinRecords` records) typed within `rushMinutes` of each
 * other, the burst starting within `rushHours` before the end of the record's due date.
 */
async function deadlineRush(db: Db, r: RecordRowFacts, t: SignalThresholds): Promise<SignalInsert | null> {
  if (!r.periodKey || !r.taskId) return null;
  const { records, dueDate } = await monthOf(db, r);
  if (!dueDate || records.length < t.rushMinRecords) return null;
  const deadline = cstInstant(addDays(dueDate, 1), '00:00').getTime();
  const first = records[0]!.createdAt.getTime();
  const last = records[records.length - 1]!.createdAt.getTime();
  if (last - first > t.rushMinutes * 60_000) return null;
  if (first < deadline - t.rushHours * 3600_000 || last > deadline) return null;
  return {
    kind: 'deadline_rush',
    key: r.periodKey,
    otherRecordId: null,
    evidence: {
      periodKey: r.periodKey,
      dueDate,
      records: records.map((m) => ({ id: m.id, title: m.title, createdAt: m.createdAt.toISOString() })),
      minutes: Math.round((last - first) / 60_000),
    },
  };
}
