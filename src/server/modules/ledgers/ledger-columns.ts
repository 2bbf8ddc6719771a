import {
  attendanceStatusLabels,
  meetingModeLabels,
  problemMeasureLabels,
  publicityKindLabels,
  recordStatusLabels,
  studyFormLabels,
  studyMaterialLabels,
  taskStatusLabels,
  themeDayActivityLabels,
  themeDayThemeLabels,
  type ActionKind,
} from '../../../common/actions.js';
import type { TaskStatus } from '../../../common/actions.js';
import type { LedgerRecord, TaskLedgerRow } from './ledgers.repo.js';
import {
  DATE_FMT,
  DATETIME_FMT,
  PERCENT_FMT,
  excelDate,
  excelDateTime,
  type CellValue,
  type Column,
} from './ledger-sheet.js';

/** A record with what the ledger adds from other tables: attendance, names, the unit's confirmation. */
export interface LedgerRow extends LedgerRecord {
  seq: number;
  attendance: { expected: number; present: number; leave: number; absent: number; absentees: string | null };
  problem?: {
    confirmation: 'solved' | 'partly' | null;
    confirmedOn: string | null;
    satisfaction: number | null;
    onBehalf: string | null;
  };
}

/** Names the columns look up: people, departments, units and publicity channels. */
export interface Lookups {
  person: (id: unknown) => string;
  department: (id: unknown) => string;
  unit: (id: unknown) => string;
  channel: (code: string) => string;
}

const label = <T extends string>(labels: Record<T, { zh: string }>, value: unknown): string =>
  typeof value === 'string' && value in labels ? labels[value as T].zh : '';
const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const yes = (b: boolean) => (b ? '是' : '');
const rate = (present: number, expected: number): CellValue => (expected ? present / expected : null);
const qualityLabels: Record<string, string> = { excellent: '优', good: '良', fair: '中', poor: '差' };
const leaderLabels: Record<string, string> = {
  none: '未送审',
  pending: '待审核',
  approved: '已同意',
  returned: '已退回',
};

const seq: Column<{ seq: number }> = { header: '序号', width: 6, value: (r) => r.seq };
const branch: Column<{ branchName: string }> = { header: '党支部', width: 18, value: (r) => r.branchName };

/** Status, lateness and review: the columns every record ledger ends with. */
const reviewColumns: Column<LedgerRow>[] = [
  { header: '状态', width: 9, value: (r) => recordStatusLabels[r.status].zh },
  {
    header: '首次提交时间',
    width: 17,
    value: (r) => excelDateTime(r.firstSubmittedAt),
    numFmt: DATETIME_FMT,
  },
  { header: '截止日期', width: 12, value: (r) => excelDate(r.dueDate), numFmt: DATE_FMT },
  { header: '补报', width: 6, value: (r) => yes(r.late) },
  { header: '审核通过时间', width: 17, value: (r) => excelDateTime(r.approvedAt), numFmt: DATETIME_FMT },
  { header: '质量评定', width: 9, value: (r) => (r.quality ? (qualityLabels[r.quality] ?? '') : '') },
  { header: '亮点', width: 6, value: (r) => yes(r.highlight) },
];

const attendanceColumns: Column<LedgerRow>[] = [
  { header: '应到', width: 6, value: (r) => r.attendance.expected },
  { header: '实到', width: 6, value: (r) => r.attendance.present },
  { header: '请假', width: 6, value: (r) => r.attendance.leave },
  { header: '缺席', width: 6, value: (r) => r.attendance.absent },
  {
    header: '出勤率',
    width: 8,
    value: (r) => rate(r.attendance.present, r.attendance.expected),
    numFmt: PERCENT_FMT,
  },
  { header: '请假、缺席人员及原因', width: 30, value: (r) => r.attendance.absentees ?? '' },
];

const d = (r: LedgerRow) => r.data as Record<string, unknown>;

/** The columns of each kind's ledger, in the order the branches keep them on paper. */
export function recordColumns(kind: ActionKind, look: Lookups): Column<LedgerRow>[] {
  const month: Column<LedgerRow> = { header: '所属期间', width: 10, value: (r) => r.periodKey ?? '' };
  switch (kind) {
    case 'study':
      return [
        seq,
        branch,
        { header: '日期', width: 12, value: (r) => excelDate(r.occurredOn), numFmt: DATE_FMT },
        month,
        { header: '会议形式', width: 12, value: (r) => label(studyFormLabels, d(r).form) },
        { header: '方式', width: 12, value: (r) => label(meetingModeLabels, d(r).mode) },
        { header: '标题', width: 30, value: (r) => r.title },
        { header: '学习主题', width: 36, value: (r) => str(d(r).topic) },
        {
          header: '学习内容',
          width: 36,
          value: (r) =>
            [
              ((d(r).materialKinds as string[]) ?? []).map((m) => label(studyMaterialLabels, m)).join('、'),
              str(d(r).materials),
            ]
              .filter(Boolean)
              .join(':'),
        },
        { header: '地点', width: 16, value: (r) => str(d(r).place) },
        { header: '主持人', width: 10, value: (r) => look.person(d(r).hostPersonId) },
        { header: '记录人', width: 10, value: (r) => look.person(d(r).recorderPersonId) },
        ...attendanceColumns,
        { header: '会议记录(要点)', width: 50, value: (r) => str(d(r).minutes) },
        { header: '会议决定', width: 30, value: (r) => str(d(r).decisions) },
        ...reviewColumns,
      ];
    case 'theme_day':
      return [
        seq,
        branch,
        { header: '日期', width: 12, value: (r) => excelDate(r.occurredOn), numFmt: DATE_FMT },
        month,
        { header: '活动名称', width: 30, value: (r) => r.title },
        { header: '主题', width: 14, value: (r) => label(themeDayThemeLabels, d(r).theme) },
        { header: '活动形式', width: 10, value: (r) => label(themeDayActivityLabels, d(r).activity) },
        { header: '地点', width: 18, value: (r) => str(d(r).place) },
        { header: '主持人', width: 10, value: (r) => look.person(d(r).hostPersonId) },
        ...attendanceColumns,
        { header: '活动小结', width: 50, value: (r) => str(d(r).summary) },
        ...reviewColumns,
      ];
    case 'rule_revision':
      return [
        seq,
        branch,
        { header: '制度或流程名称', width: 34, value: (r) => str(d(r).ruleTitle) || r.title },
        { header: '类别', width: 7, value: (r) => (d(r).ruleType === 'process' ? '流程' : '制度') },
        { header: '归口部门', width: 18, value: (r) => look.department(d(r).departmentId) },
        { header: '发现的漏洞或不足', width: 36, value: (r) => str(d(r).gap) },
        { header: '征求意见情况', width: 28, value: (r) => str(d(r).opinionsSolicited) },
        { header: '修订内容摘要', width: 36, value: (r) => str(d(r).changeSummary) },
        { header: '分管领导审核', width: 12, value: (r) => leaderLabels[r.leaderStatus] ?? '' },
        { header: '发布日期', width: 12, value: (r) => excelDate(str(d(r).publishedOn)), numFmt: DATE_FMT },
        { header: '文号', width: 20, value: (r) => str(d(r).documentNo) },
        { header: '发布形式', width: 12, value: (r) => str(d(r).releaseForm) },
        month,
        ...reviewColumns,
      ];
    case 'grassroots_problem':
      return [
        seq,
        branch,
        { header: '基层单位', width: 18, value: (r) => look.unit(d(r).unitId) },
        { header: '反映人', width: 14, value: (r) => str(d(r).raisedBy) },
        { header: '问题', width: 30, value: (r) => r.title },
        { header: '问题描述', width: 36, value: (r) => str(d(r).description) },
        { header: '类别', width: 12, value: (r) => str(d(r).category) },
        {
          header: '解决措施',
          width: 40,
          value: (r) =>
            ((d(r).measures as { date: string; kind: string; note: string }[]) ?? [])
              .map((m) => [m.date, label(problemMeasureLabels, m.kind), m.note].filter(Boolean).join(' '))
              .join(';\n'),
        },
        { header: '解决日期', width: 12, value: (r) => excelDate(str(d(r).resolvedOn)), numFmt: DATE_FMT },
        { header: '解决结果', width: 30, value: (r) => str(d(r).outcome) },
        {
          header: '基层单位确认',
          width: 14,
          value: (r) =>
            r.problem?.confirmation === 'solved'
              ? r.problem.onBehalf
                ? '已解决(代为确认)'
                : '已解决'
              : r.problem?.confirmation === 'partly'
                ? '部分解决'
                : '',
        },
        {
          header: '确认日期',
          width: 12,
          value: (r) => excelDate(r.problem?.confirmedOn ?? str(d(r).confirmedOn)),
          numFmt: DATE_FMT,
        },
        { header: '满意度(1-5)', width: 10, value: (r) => r.problem?.satisfaction ?? null },
        month,
        ...reviewColumns,
      ];
    case 'publicity':
      return [
        seq,
        branch,
        { header: '首发日期', width: 12, value: (r) => excelDate(r.date), numFmt: DATE_FMT },
        month,
        { header: '标题', width: 36, value: (r) => r.title },
        { header: '类型', width: 8, value: (r) => label(publicityKindLabels, d(r).kind) },
        { header: '作者', width: 12, value: (r) => str(d(r).author) },
        {
          header: '发布渠道(日期、链接或期号)',
          width: 50,
          value: (r) =>
            ((d(r).channels as { channel: string; publishedOn: string; link: string }[]) ?? [])
              .map((c) => [look.channel(c.channel), c.publishedOn, c.link].filter(Boolean).join(' '))
              .join('\n'),
        },
        { header: '宣传亮点', width: 36, value: (r) => str(d(r).highlights) },
        ...reviewColumns,
      ];
    case 'optional':
      return [
        seq,
        branch,
        { header: '日期', width: 12, value: (r) => excelDate(r.occurredOn), numFmt: DATE_FMT },
        month,
        { header: '名称', width: 30, value: (r) => r.title },
        { header: '类别', width: 12, value: (r) => str(d(r).category) },
        { header: '内容', width: 40, value: (r) => str(d(r).description) },
        { header: '创新之处', width: 30, value: (r) => str(d(r).novelty) },
        { header: '标签', width: 16, value: (r) => ((d(r).tags as string[]) ?? []).join('、') },
        { header: '典型案例', width: 9, value: (r) => yes(r.exemplary) },
        ...reviewColumns,
      ];
  }
}

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
  { header: '得分', width: 7, value: (r) => r.score },
  { header: '分值', width: 7, value: (r) => r.points },
];
