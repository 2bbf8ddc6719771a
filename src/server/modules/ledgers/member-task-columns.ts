import { attendanceStatusLabels, recordStatusLabels, taskStatusLabels } from '../../../common/actions.js';
import type { TaskStatus } from '../../../common/actions.js';
import type { TaskLedgerRow } from './ledgers.repo.js';
import { branch, rate, seq, yes } from './column-kit.js';
import {
  DATE_FMT,
  DATETIME_FMT,
  PERCENT_FMT,
  excelDate,
  excelDateTime,
  type Column,
} from './ledger-sheet.js';

/** Each member's totals, first sheet of the attendance ledger. */
export interface MemberTotals {
  seq: number;
  branchName: string;
  name: string;
  employeeNo: string | null;
  expected: number;
  present: number;
  leave: number;
  absent: number;
}
export const memberTotalColumns: Column<MemberTotals>[] = [
  seq,
  branch,
  { header: '姓名', width: 10, value: (r) => r.name },
  { header: '工号', width: 12, value: (r) => r.employeeNo ?? '' },
  { header: '应参加次数', width: 11, value: (r) => r.expected },
  { header: '出席', width: 7, value: (r) => r.present },
  { header: '请假', width: 7, value: (r) => r.leave },
  { header: '缺席', width: 7, value: (r) => r.absent },
  { header: '出勤率', width: 9, value: (r) => rate(r.present, r.expected), numFmt: PERCENT_FMT },
];

/** One member at one meeting, second sheet of the attendance ledger. */
export interface AttendanceLine {
  seq: number;
  date: string;
  branchName: string;
  name: string;
  employeeNo: string | null;
  kind: string;
  title: string;
  recordStatus: keyof typeof recordStatusLabels;
  status: keyof typeof attendanceStatusLabels;
  reason: string | null;
  signedInAt: Date | null;
}
export const attendanceLineColumns: Column<AttendanceLine>[] = [
  seq,
  branch,
  { header: '姓名', width: 10, value: (r) => r.name },
  { header: '工号', width: 12, value: (r) => r.employeeNo ?? '' },
  { header: '日期', width: 12, value: (r) => excelDate(r.date), numFmt: DATE_FMT },
  { header: '活动类型', width: 10, value: (r) => (r.kind === 'study' ? '学习研讨' : '主题党日') },
  { header: '活动名称', width: 36, value: (r) => r.title },
  { header: '出勤情况', width: 9, value: (r) => attendanceStatusLabels[r.status].zh },
  { header: '请假或缺席原因', width: 24, value: (r) => r.reason ?? '' },
  { header: '扫码签到时间', width: 17, value: (r) => excelDateTime(r.signedInAt), numFmt: DATETIME_FMT },
  { header: '记录状态', width: 9, value: (r) => recordStatusLabels[r.recordStatus].zh },
];

/** One task of the monthly ledger: branch × month × action, with its derived status and score. */
export interface TaskLine {
  seq: number;
  task: TaskLedgerRow;
  status: TaskStatus;
  approvedAt: Date | null;
  late: boolean;
  score: number | null;
  points: number;
  /** How the score came about, line by line (always said when it differs from the points). */
  scoreNote: string;
  /** The files attached to the task's records, by kind (e.g. 照片 2 份、签到表 1 份). */
  evidence: string;
}
export const taskColumns: Column<TaskLine>[] = [
  seq,
  { header: '党支部', width: 18, value: (r) => r.task.branchName },
  { header: '月份', width: 9, value: (r) => r.task.periodKey },
  { header: '规定动作', width: 26, value: (r) => r.task.title },
  { header: '完成情况', width: 10, value: (r) => taskStatusLabels[r.status].zh },
  { header: '原定截止日期', width: 12, value: (r) => excelDate(r.task.scheduledDueDate), numFmt: DATE_FMT },
  { header: '截止日期', width: 12, value: (r) => excelDate(r.task.dueDate), numFmt: DATE_FMT },
  { header: '截止日期调整原因', width: 20, value: (r) => r.task.dueChangeReason ?? '' },
  {
    header: '首次提交时间',
    width: 17,
    value: (r) => excelDateTime(r.task.firstSubmittedAt),
    numFmt: DATETIME_FMT,
  },
  { header: '补报', width: 6, value: (r) => yes(r.late) },
  { header: '审核通过时间', width: 17, value: (r) => excelDateTime(r.approvedAt), numFmt: DATETIME_FMT },
  { header: '记录数', width: 7, value: (r) => r.task.recordCount },
  { header: '佐证材料', width: 20, value: (r) => r.evidence },
  { header: '得分', width: 7, value: (r) => r.score },
  { header: '分值', width: 7, value: (r) => r.points },
  { header: '计分说明', width: 36, value: (r) => r.scoreNote },
];
