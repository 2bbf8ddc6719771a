import type { ActionKind } from '../../../common/actions.js';
import type { Db } from '../../db/client.js';
import { AppError } from '../../lib/errors.js';
import { committeeOn, membersOn, type ExpectedPerson } from './expected.repo.js';
import * as repo from './records.repo.js';
import { kindsWithAttendance, type RecordData } from './record-kinds.js';

export type AttendanceStatus = 'present' | 'leave' | 'absent';
export interface AttendanceInputRow {
  personId: number;
  status: AttendanceStatus;
  reason?: string | null;
}

/** Whom the form expects, in words, for the error that says why a list does not fit. */
const expectedWords: Record<string, string> = {
  branch_committee: '支部委员会的应到人员为会议当日在任的支部委员',
  group_meeting: '党小组会的应到人员为该党小组的党员',
  party_congress: '支部党员大会的应到人员为支部全体党员(含预备党员)',
  party_lecture: '党课的应到人员为支部全体党员(含预备党员)',
};

/**
 * Who should attend (应到), from the meeting's form as of its date: a 支委会 the branch committee
 * holding posts that day; a 党小组会 the members of the group it names (none until one is named);
 * a 支部党员大会, a 党课 and a theme day all the branch's Party members, probationary ones included.
 */
export async function expectedFor(
  db: Db,
  kind: ActionKind,
  branchId: number,
  data: RecordData,
  on: string,
): Promise<ExpectedPerson[]> {
  if (!kindsWithAttendance.has(kind)) return [];
  if (kind === 'study' && data.form === 'branch_committee') return committeeOn(db, branchId, on);
  if (kind === 'study' && data.form === 'group_meeting') {
    const groupId = typeof data.partyGroupId === 'number' ? data.partyGroupId : null;
    return groupId === null ? [] : membersOn(db, branchId, on, groupId);
  }
  return membersOn(db, branchId, on);
}

const reasonOf = (kind: ActionKind, data: RecordData) =>
  kind === 'study'
    ? (expectedWords[data.form as string] ?? '')
    : '主题党日的应到人员为支部全体党员(含预备党员)';

/**
 * Those a saved record expects: as the form says, plus anyone already on its list who has since
 * left the roster — they were expected then, and correcting an old record does not drop them.
 */
async function expectedOfRecord(
  db: Db,
  r: { id: number; kind: ActionKind; branchId: number; data: RecordData; occurredOn: string },
): Promise<ExpectedPerson[]> {
  const expected = await expectedFor(db, r.kind, r.branchId, r.data, r.occurredOn);
  const listed = new Set(expected.map((e) => e.personId));
  const saved = (await repo.attendanceOf(db, r.id)).filter((a) => !listed.has(a.personId));
  const active = await repo.activePeople(
    db,
    saved.map((a) => a.personId),
  );
  const departed = saved
    .filter((a) => !active.has(a.personId))
    .map((a) => ({
      personId: a.personId,
      name: a.name,
      memberStatus: a.memberStatus ?? 'full',
      post: a.post,
    }));
  return [...expected, ...departed];
}

/**
 * Writes a record's attendance as the list of those expected. A list the caller sends must name
 * exactly them (the error says who is missing or extra, and why); without one, statuses already
 * recorded are kept and anyone newly expected is marked present, as a new record's list is.
 */
export async function settleAttendance(
  db: Db,
  r: { id: number; kind: ActionKind; branchId: number; data: RecordData; occurredOn: string },
  input: AttendanceInputRow[] | undefined,
): Promise<void> {
  if (!kindsWithAttendance.has(r.kind)) return;
  const expected = await expectedOfRecord(db, r);
  let rows: AttendanceInputRow[];
  if (input) {
    checkRows(input);
    const wanted = new Set(expected.map((e) => e.personId));
    const given = new Set(input.map((a) => a.personId));
    const extra = input.filter((a) => !wanted.has(a.personId)).map((a) => a.personId);
    const missing = expected.filter((e) => !given.has(e.personId)).map((e) => e.name);
    const found = await repo.activePeople(db, extra);
    if (extra.some((id) => !found.has(id)))
      throw new AppError('INVALID_REFERENCE', undefined, '出勤名单中有不存在或已停用的人员');
    if (extra.length || missing.length) {
      // Names of the extra ones are not read back: an id of another branch must not reveal a name.
      const parts = [
        extra.length ? `有 ${extra.length} 人不在应到人员之中` : '',
        missing.length ? `缺少:${missing.join('、')}` : '',
      ].filter(Boolean);
      throw new AppError('VALIDATION_FAILED', [
        {
          path: 'body.attendance',
          message: `出勤名单与应到人员不符(${parts.join(';')})。${reasonOf(r.kind, r.data)}`,
        },
      ]);
    }
    rows = input;
  } else {
    const current = new Map((await repo.attendanceOf(db, r.id)).map((a) => [a.personId, a]));
    rows = expected.map(
      (e) => current.get(e.personId) ?? { personId: e.personId, status: 'present' as const, reason: null },
    );
  }
  const byId = new Map(expected.map((e) => [e.personId, e]));
  await repo.replaceAttendance(
    db,
    r.id,
    rows.map((a) => ({
      ...a,
      memberStatus: byId.get(a.personId)!.memberStatus,
      post: byId.get(a.personId)!.post,
    })),
  );
}

/**
 * At submit the list must still be those the form expects on the meeting's date: a draft saved
 * before a post changed, or before this rule, is refused with what to do rather than counted wrong.
 */
export async function assertAttendanceCurrent(
  db: Db,
  r: { id: number; kind: ActionKind; branchId: number; data: RecordData; occurredOn: string },
): Promise<void> {
  if (!kindsWithAttendance.has(r.kind)) return;
  const expected = (await expectedOfRecord(db, r)).map((e) => e.personId);
  const listed = (await repo.attendanceOf(db, r.id)).map((a) => a.personId);
  const same = expected.length === listed.length && expected.every((id) => listed.includes(id));
  if (!same) {
    throw new AppError(
      'RECORD_INCOMPLETE',
      [{ path: 'attendance', message: '应到人员与会议形式不符' }],
      `应到人员与会议形式不符,请在记录中更新应到名单后保存再提交。${reasonOf(r.kind, r.data)}`,
    );
  }
}

function checkRows(rows: AttendanceInputRow[]): void {
  const ids = rows.map((r) => r.personId);
  if (new Set(ids).size !== ids.length) {
    throw new AppError('VALIDATION_FAILED', [{ path: 'body.attendance', message: '同一人员不能重复登记' }]);
  }
  const missingReason = rows.findIndex((r) => r.status === 'leave' && !r.reason);
  if (missingReason >= 0) {
    throw new AppError('VALIDATION_FAILED', [
      { path: `body.attendance.${missingReason}.reason`, message: '请假须填写原因' },
    ]);
  }
}
