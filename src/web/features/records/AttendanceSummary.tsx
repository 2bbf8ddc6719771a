import { Tag, Typography } from 'antd';
import { attendanceStatusLabels, type AttendanceStatus } from '../../../common/actions';
import { branchPostLabels } from '../../../common/enums';
import type { AttendanceRow } from './recordForm';
import { useI18n } from '../../app/i18n/useI18n';

export interface AttendanceCounts {
  expected: number;
  present: number;
  leave: number;
  absent: number;
  rate: number | null;
}

/** Counts against those who should attend (应到), never against those present. */
export function countAttendance(rows: Pick<AttendanceRow, 'status'>[]): AttendanceCounts {
  const counts = { present: 0, leave: 0, absent: 0 };
  for (const r of rows) counts[r.status]++;
  const expected = rows.length;
  return { expected, ...counts, rate: expected ? counts.present / expected : null };
}

export const formatRate = (rate: number | null) => (rate === null ? '—' : `${Math.round(rate * 1000) / 10}%`);

/** 应到 / 实到 / 请假 / 缺席 / 出勤率 in one line that wraps on a phone. */
export function AttendanceSummary({ counts }: { counts: AttendanceCounts }) {
  const { t } = useI18n();
  const cell = (label: string, value: string | number, testId: string) => (
    <span data-testid={testId} style={{ whiteSpace: 'nowrap' }}>
      <Typography.Text type="secondary">{label}</Typography.Text>{' '}
      <Typography.Text strong>{value}</Typography.Text>
    </span>
  );
  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', gap: '4px 16px' }} title={t('attendance.rateHint')}>
      {cell(t('attendance.expected'), counts.expected, 'att-expected')}
      {cell(t('attendance.present'), counts.present, 'att-present')}
      {cell(t('attendance.leave'), counts.leave, 'att-leave')}
      {cell(t('attendance.absent'), counts.absent, 'att-absent')}
      {cell(t('attendance.rate'), formatRate(counts.rate), 'att-rate')}
    </div>
  );
}

const statusColor: Record<AttendanceStatus, string> = { present: 'green', leave: 'orange', absent: 'red' };

/** Read-only attendance: who was expected and how each attended, reasons beside. */
export function AttendanceList({ rows }: { rows: AttendanceRow[] }) {
  const { pick, t } = useI18n();
  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', gap: 6 }}>
      {rows.map((r) => (
        <Tag
          key={r.personId}
          color={statusColor[r.status]}
          style={{ marginInlineEnd: 0, whiteSpace: 'normal' }}
        >
          {r.name}
          {r.post && `(${pick(branchPostLabels[r.post])})`}
          {r.memberStatus === 'probationary' && `(${t('attendance.probationary')})`}
          {r.status !== 'present' && ` · ${pick(attendanceStatusLabels[r.status])}`}
          {r.reason && `:${r.reason}`}
        </Tag>
      ))}
    </div>
  );
}
