import { useState } from 'react';
import { Alert, App, Button, Card, Input, Space, Typography } from 'antd';
import { recordStatusLabels } from '../../../common/actions';
import type { RecordDetail } from '../../../common/api/records';
import { useReviewRecord } from '../records/records.api';
import { useSessionUser } from '../auth/auth.api';
import { canReview } from '../../../common/policies/records';
import { GradeFields, noGrade, type GradeValue } from './GradeFields';
import { PhoneActionBar } from '../../components/PhoneActionBar';
import { useErrorText } from '../../components/useErrorText';
import { useI18n } from '../../app/i18n/useI18n';

/**
 * The committee's decision: approve (with an optional comment) or return with a reason the
 * branch will read. Shown only while the record waits for review. As a `bar` (on a phone, where
 * the side column comes after the whole record) it waits at the bottom of the screen, showing
 * only the buttons until a return asks for its reason; `inline` is the same buttons in place, for
 * a record's card among its branch-month.
 */
export function ReviewPanel({
  record,
  onDone,
  bar = false,
  inline = false,
}: {
  record: RecordDetail;
  onDone: () => void;
  bar?: boolean;
  inline?: boolean;
}) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const user = useSessionUser();
  // The grade is the committee's (a leader in charge reviewing a revision does not grade it).
  const committee = canReview(user, record.branchId);
  const review = useReviewRecord();
  const [returning, setReturning] = useState(false);
  const [commenting, setCommenting] = useState(false);
  const [comment, setComment] = useState('');
  const [reasonMissing, setReasonMissing] = useState(false);
  const [grade, setGrade] = useState<GradeValue>(noGrade);

  if (record.status !== 'submitted') {
    return (
      <Alert
        type="info"
        showIcon
        title={t('review.notPending', { status: pick(recordStatusLabels[record.status]) })}
      />
    );
  }
  if (!record.can.review) {
    const own = canReview(user, record.branchId);
    return <Alert type="warning" showIcon title={t(own ? 'review.ownRecord' : 'review.notCommittee')} />;
  }

  const decide = async (decision: 'approved' | 'returned') => {
    if (decision === 'returned' && !comment.trim()) {
      setReasonMissing(true);
      return;
    }
    try {
      await review.mutateAsync(
        decision === 'approved' && grade.quality
          ? {
              id: record.id,
              decision,
              comment: comment.trim(),
              quality: grade.quality,
              ...(grade.figures.length ? { basis: { figures: grade.figures, note: grade.note.trim() } } : {}),
            }
          : { id: record.id, decision, comment: comment.trim() },
      );
      void message.success(t(decision === 'approved' ? 'review.approved' : 'review.returned'));
      onDone();
    } catch (error) {
      void message.error(errorText(error));
    }
  };

  // In the bar the comment box opens on demand, so the bar stays two buttons high while reading.
  const compact = bar || inline;
  const showText = !compact || returning || commenting;
  const decision = (
    <Space orientation="vertical" size={8} style={{ width: '100%' }}>
      {showText && (
        <Typography.Text type={returning ? undefined : 'secondary'}>
          {returning ? t('review.reason') : t('review.comment')}
        </Typography.Text>
      )}
      {showText && (
        <Input.TextArea
          aria-label={returning ? t('review.reason') : t('review.comment')}
          autoSize={{ minRows: returning ? 3 : 2, maxRows: 8 }}
          maxLength={2000}
          status={reasonMissing ? 'error' : undefined}
          placeholder={returning ? t('review.reasonPlaceholder') : undefined}
          value={comment}
          onChange={(e) => {
            setComment(e.target.value);
            if (e.target.value.trim()) setReasonMissing(false);
          }}
        />
      )}
      {reasonMissing && <Typography.Text type="danger">{t('review.reasonRequired')}</Typography.Text>}
      {/* Graded with the approval, so the grade and its basis are read off the same screen. */}
      {showText && !returning && !inline && committee && (
        <GradeFields recordId={record.id} value={grade} onChange={setGrade} />
      )}
      {returning ? (
        <div style={{ display: 'flex', gap: 8 }}>
          <Button block onClick={() => (setReturning(false), setReasonMissing(false))}>
            {t('common.cancel')}
          </Button>
          <Button
            block
            danger
            type="primary"
            loading={review.isPending}
            onClick={() => void decide('returned')}
          >
            {t('review.confirmReturn')}
          </Button>
        </div>
      ) : (
        <div style={{ display: 'flex', gap: 8 }}>
          {!showText && !inline && (
            <Button onClick={() => setCommenting(true)}>{t('review.addComment')}</Button>
          )}
          <Button block danger onClick={() => setReturning(true)}>
            {t('review.return')}
          </Button>
          <Button block type="primary" loading={review.isPending} onClick={() => void decide('approved')}>
            {t('review.approve')}
          </Button>
        </div>
      )}
    </Space>
  );
  if (bar) return <PhoneActionBar testId="review-decision-bar">{decision}</PhoneActionBar>;
  if (inline) return decision;
  return (
    <Card title={t('review.decision')} size="small" style={{ borderColor: '#c8161d' }}>
      {decision}
    </Card>
  );
}
