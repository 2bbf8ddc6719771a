import { Card, Space, Tag, Typography } from 'antd';
import { Link, useLocation } from 'react-router';
import { actionKindLabels } from '../../../common/actions';
import type { RecordDetail, RecordSummary } from '../../../common/api/records';
import { RecordStatusTag } from '../records/StatusTags';
import { ChecklistView } from '../records/ChecklistView';
import { EvidenceGallery } from '../records/EvidenceGallery';
import { AttendanceSummary } from '../records/AttendanceSummary';
import { asTodo } from '../records/labels';
import { ReviewPanel } from './ReviewPanel';
import { useI18n } from '../../app/i18n/useI18n';

/**
 * One record of a branch-month as the committee checks it: what is still missing on its checklist
 * (the full list folds open), its evidence as thumbnails, attendance for a meeting, the same
 * action's record of the month before, and the decision in place.
 */
export function MonthRecordCard({
  record,
  previous,
  onDone,
}: {
  record: RecordDetail;
  previous: RecordSummary[];
  onDone: () => void;
}) {
  const { t, pick, lang } = useI18n();
  const location = useLocation();
  const open = record.checklist.filter((i) => !i.done);
  const done = record.checklist.length - open.length;
  const lastReturn = record.status === 'returned' ? record.reviews.at(-1) : undefined;
  return (
    <Card
      size="small"
      data-testid={`month-record-${record.kind}`}
      title={
        <Space size={6} wrap>
          <span>{pick(actionKindLabels[record.kind])}</span>
          <RecordStatusTag status={record.status} />
          {record.submittedLate && <Tag color="error">{t('records.lateSubmit')}</Tag>}
        </Space>
      }
      styles={{ body: { display: 'flex', flexDirection: 'column', gap: 10 } }}
    >
      <div style={{ overflowWrap: 'anywhere' }}>
        <Link to={`/review/${record.id}`} state={{ from: location.pathname + location.search }}>
          {record.title}
        </Link>
        <div>
          <Typography.Text type="secondary">
            {record.countsOn ?? record.occurredOn} · {record.createdBy ?? ''}
          </Typography.Text>
        </div>
      </div>
      {record.attendanceSummary.expected > 0 && <AttendanceSummary counts={record.attendanceSummary} />}
      <div>
        <Typography.Text strong>
          {t('review.month.checklist', { done, total: record.checklist.length })}
        </Typography.Text>
        {open.length ? (
          <ul style={{ margin: '4px 0 0', paddingInlineStart: 18 }} aria-label={t('review.month.missing')}>
            {open.map((i) => (
              <li key={i.key}>
                <Typography.Text type={i.blocking ? 'danger' : 'secondary'}>
                  {lang === 'zh' ? asTodo(i.label) : i.labelEn}
                </Typography.Text>
              </li>
            ))}
          </ul>
        ) : (
          <Typography.Text type="success" style={{ marginInlineStart: 8 }}>
            {t('review.month.complete')}
          </Typography.Text>
        )}
        <details style={{ marginTop: 4 }}>
          <summary style={{ cursor: 'pointer', color: 'rgba(0, 0, 0, 0.62)' }}>
            {t('review.month.fullChecklist')}
          </summary>
          <ChecklistView items={record.checklist} />
        </details>
      </div>
      <EvidenceGallery items={record.evidence} />
      <div data-testid="previous-month">
        <Typography.Text type="secondary">{t('review.month.previous')}</Typography.Text>{' '}
        {previous.length ? (
          previous.map((p) => (
            <div key={p.id} style={{ overflowWrap: 'anywhere' }}>
              <Link to={`/review/${p.id}`} state={{ from: location.pathname + location.search }}>
                {p.title}
              </Link>{' '}
              <RecordStatusTag status={p.status} />
            </div>
          ))
        ) : (
          <Typography.Text type="secondary">{t('review.month.nonePrevious')}</Typography.Text>
        )}
      </div>
      {lastReturn && (
        <Typography.Paragraph type="warning" style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
          {t('review.month.returnedWith')}
          {lastReturn.comment}
        </Typography.Paragraph>
      )}
      {record.status === 'submitted' && <ReviewPanel inline record={record} onDone={onDone} />}
    </Card>
  );
}
