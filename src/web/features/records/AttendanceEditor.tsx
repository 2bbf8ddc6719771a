import { Button, Grid, Input, Popconfirm, Segmented, Tag, Typography } from 'antd';
import { attendanceStatuses, attendanceStatusLabels, type AttendanceStatus } from '../../../common/actions';
import { branchPostLabels } from '../../../common/enums';
import type { AttendanceRow } from './recordForm';
import { AttendanceSummary, countAttendance } from './AttendanceSummary';
import { useI18n } from '../../app/i18n/useI18n';

interface Props {
  rows: AttendanceRow[];
  onChange: (rows: AttendanceRow[]) => void;
  /** Show missing leave reasons as errors (after a save attempt). */
  showErrors: boolean;
}

/** Leave and absence stand out from the list of those present. */
const rowBackground: Record<AttendanceStatus, string | undefined> = {
  present: undefined,
  leave: '#fff7e6',
  absent: '#fff1f0',
};

/** People marked on leave without a reason: saving waits until each has one. */
export const rowsMissingReason = (rows: AttendanceRow[]) =>
  rows.filter((r) => r.status === 'leave' && !r.reason?.trim()).map((r) => r.personId);

/**
 * Who should attend (应到) and how each did: present, on leave (with a reason) or absent. The list
 * follows the meeting's form and date (the server keeps to the same rule); the counts and the
 * rate update as the user marks people.
 */
export function AttendanceEditor({ rows, onChange, showErrors }: Props) {
  const { t, pick } = useI18n();
  const set = (personId: number, patch: Partial<AttendanceRow>) =>
    onChange(rows.map((r) => (r.personId === personId ? { ...r, ...patch } : r)));
  // A reason stays with its row (only sent while on leave or absent): a mis-tap on 出席 is undone
  // by tapping the status back, without typing the reason again.
  const marked = rows.filter((r) => r.status !== 'present').length;
  // A thumb's target on a touch screen, as the status toggles have.
  const touch = (Grid.useBreakpoint().lg ?? true) ? undefined : { minHeight: 44 };
  const allPresent = () => onChange(rows.map((r) => ({ ...r, status: 'present' })));

  return (
    <div>
      <div
        style={{
          display: 'flex',
          flexWrap: 'wrap',
          gap: 8,
          alignItems: 'center',
          justifyContent: 'space-between',
          marginBottom: 8,
        }}
      >
        <AttendanceSummary counts={countAttendance(rows)} />
        {/* One tap would clear every leave and absence marked so far: asked first when it would. */}
        <Popconfirm
          title={t('attendance.allPresentConfirm', { n: marked })}
          disabled={!marked}
          okText={t('attendance.allPresent')}
          cancelText={t('common.cancel')}
          okButtonProps={{ style: touch }}
          cancelButtonProps={{ style: touch }}
          onConfirm={allPresent}
        >
          <Button
            size={touch ? 'middle' : 'small'}
            style={touch}
            disabled={!rows.length}
            onClick={marked ? undefined : allPresent}
          >
            {t('attendance.allPresent')}
          </Button>
        </Popconfirm>
      </div>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 8 }}>
        {t('attendance.byForm')}
      </Typography.Paragraph>
      {!rows.length && (
        <Typography.Paragraph type="warning" style={{ marginBottom: 8 }}>
          {t('attendance.none')}
        </Typography.Paragraph>
      )}
      <div role="list" aria-label={t('attendance.title')}>
        {rows.map((r) => {
          const reasonMissing = showErrors && r.status === 'leave' && !r.reason?.trim();
          // An absence may be saved without its reason for now, but not submitted: flagged softly.
          const absentWithout = r.status === 'absent' && !r.reason?.trim();
          return (
            <div
              key={r.personId}
              role="listitem"
              data-person={r.name}
              style={{
                display: 'flex',
                flexWrap: 'wrap',
                alignItems: 'center',
                gap: 8,
                padding: '6px 4px',
                borderBottom: '1px solid #f5f5f5',
                background: rowBackground[r.status],
              }}
            >
              <Typography.Text strong style={{ width: 72, flexShrink: 0 }} ellipsis>
                {r.name}
              </Typography.Text>
              {r.post && <Tag style={{ marginInlineEnd: 0 }}>{pick(branchPostLabels[r.post])}</Tag>}
              {r.memberStatus === 'probationary' && (
                <Tag color="orange" style={{ marginInlineEnd: 0 }}>
                  {t('attendance.probationary')}
                </Tag>
              )}
              <Segmented<AttendanceStatus>
                className="attendance-status"
                value={r.status}
                aria-label={`${r.name} ${t('attendance.title')}`}
                options={attendanceStatuses.map((s) => ({
                  value: s,
                  label: pick(attendanceStatusLabels[s]),
                }))}
                onChange={(status) => set(r.personId, { status })}
              />
              {r.status !== 'present' && (
                <Input
                  style={{ flex: '1 1 160px', minWidth: 140 }}
                  maxLength={200}
                  status={reasonMissing ? 'error' : absentWithout ? 'warning' : undefined}
                  aria-label={`${r.name} ${t('attendance.reason')}`}
                  placeholder={r.status === 'leave' ? t('attendance.reason') : t('attendance.absentReason')}
                  value={r.reason ?? ''}
                  onChange={(e) => set(r.personId, { reason: e.target.value })}
                />
              )}
              {reasonMissing && (
                <Typography.Text type="danger" style={{ flexBasis: '100%', fontSize: 12 }}>
                  {t('attendance.reasonRequired')}
                </Typography.Text>
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}
