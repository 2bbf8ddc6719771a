import type { AttendanceStatus } from '../../../common/actions.js';
import { meetingRoleLabels, rolesNotPresent, timesReversed } from '../../../common/meeting-checks.js';
import type { Db } from '../../db/client.js';
import { AppError } from '../../lib/errors.js';
import * as repo from './records.repo.js';
import type { RecordData } from './record-kinds.js';

type AttendanceRow = { personId: number; status: AttendanceStatus; reason?: string | null };

/** A meeting that ends before it starts is a typing mistake: refused at once, even in a draft. */
export function checkMeetingData(data: RecordData): void {
  if (timesReversed(data)) {
    throw new AppError('VALIDATION_FAILED', [
      { path: 'body.data.endTime', message: '结束时间须晚于开始时间' },
    ]);
  }
}

/**
 * The attendance list is the record's branch's people: each active person of the branch at most
 * once. Someone of another branch, or a guest, attends as 列席 (data.attendees) — listing them here
 * would count them in this branch's 应到 and rates, and read back a name the secretary may not see.
 * People already on the saved list stay valid after they leave or move, so an old record can still
 * be corrected.
 */
export async function checkAttendance(
  db: Db,
  branchId: number,
  rows: AttendanceRow[],
  saved: ReadonlySet<number> = new Set(),
): Promise<void> {
  const ids = rows.map((r) => r.personId);
  if (new Set(ids).size !== ids.length) {
    throw new AppError('VALIDATION_FAILED', [{ path: 'body.attendance', message: '同一人员不能重复登记' }]);
  }
  const found = await repo.activePeopleOfBranch(db, branchId, ids);
  const outside = rows.flatMap((r, i) => (found.has(r.personId) || saved.has(r.personId) ? [] : [i]));
  if (outside.length) {
    throw new AppError(
      'INVALID_REFERENCE',
      outside.map((i) => ({
        path: `body.attendance.${i}.personId`,
        message: '不是本支部在册人员',
      })),
      '出勤名单只能登记本支部在册人员;其他支部人员或非党员请登记为列席人员',
    );
  }
  const missingReason = rows.findIndex((r) => r.status === 'leave' && !r.reason);
  if (missingReason >= 0) {
    throw new AppError('VALIDATION_FAILED', [
      { path: `body.attendance.${missingReason}.reason`, message: '请假须填写原因' },
    ]);
  }
}

const statusWord: Record<AttendanceStatus | 'missing', string> = {
  present: '出席',
  leave: '请假',
  absent: '缺席',
  missing: '不在出勤名单中',
};

/**
 * At submit: the host and the recorder were there. Someone on leave or absent cannot have hosted
 * or kept the record of the meeting — the record would contradict itself in an inspection.
 */
export async function assertRolesPresent(db: Db, recordId: number, data: RecordData): Promise<void> {
  const attendance = await repo.attendanceOf(db, recordId);
  const wrong = rolesNotPresent(data, attendance);
  if (!wrong.length) return;
  const names = await repo.personNames(
    db,
    wrong.map((w) => w.personId),
  );
  const name = (id: number) => names[String(id)] ?? '';
  const lines = wrong.map(
    (w) => `${meetingRoleLabels[w.role].zh}${name(w.personId)}${statusWord[w.status ?? 'missing']}`,
  );
  throw new AppError(
    'MEETING_ROLE_NOT_PRESENT',
    wrong.map((w, i) => ({ path: `body.data.${w.role}`, message: lines[i]! })),
    `${lines.join(';')},主持人和记录人须为出席会议的人员`,
  );
}
