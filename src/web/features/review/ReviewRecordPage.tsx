import { Button, Card, Grid, Result, Skeleton } from 'antd';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { useRecord } from '../records/records.api';
import { RecordView } from '../records/RecordView';
import { ReviewPanel } from './ReviewPanel';
import { SignalsCard } from './SignalsCard';
import { EffectHistoryCard } from '../fusion/EffectHistoryCard';
import { useSessionUser } from '../auth/auth.api';
import { canReview, worksFromReviewQueue } from '../../../common/policies/records';
import { canReadReviewContext } from '../../../common/policies/fusion';
import { useErrorText } from '../../components/useErrorText';
import { useI18n } from '../../app/i18n/useI18n';

/** /review/:recordId — a submitted record with everything a reviewer checks, and the decision. */
export function ReviewRecordPage() {
  const { t } = useI18n();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const { recordId } = useParams();
  const id = recordId && /^\d+$/.test(recordId) ? Number(recordId) : null;
  const record = useRecord(id);
  const user = useSessionUser();
  const committeeSide = worksFromReviewQueue(user);
  const stacked = Grid.useBreakpoint().lg === false;
  // Back to where the record was opened (the queue with its filters, or the branch-month).
  const state = useLocation().state as { from?: string } | null;
  const back = state?.from?.startsWith('/review') ? state.from : '/review';

  if (id === null) return <Result status="404" title={t('records.notFound')} />;
  if (record.isPending) {
    return (
      <Card>
        <Skeleton active />
      </Card>
    );
  }
  if (record.isError) {
    return (
      <Result
        status="warning"
        title={t('records.notFound')}
        subTitle={errorText(record.error)}
        extra={<Button onClick={() => void record.refetch()}>{t('common.retry')}</Button>}
      />
    );
  }
  // Stacked on a phone, the side column follows the whole record: the decision waits at the
  // bottom of the screen instead.
  const decideInBar = stacked && record.data.status === 'submitted' && record.data.can.review;
  return (
    <>
      <div style={{ marginBottom: 12 }}>
        {committeeSide ? (
          <Link to={back}>← {t('review.backToQueue')}</Link>
        ) : (
          <Link to="/revisions">← {t('revisions.title')}</Link>
        )}
      </div>
      {canReview(user, record.data.branchId) && <SignalsCard recordId={record.data.id} />}
      {canReadReviewContext(user, record.data.branchId) && <EffectHistoryCard recordId={record.data.id} />}
      <RecordView
        record={record.data}
        aside={
          // A leader in charge opens revisions here: their decision is on the revision's panel.
          !decideInBar && (committeeSide || record.data.status === 'submitted') ? (
            <ReviewPanel record={record.data} onDone={() => navigate(back)} />
          ) : undefined
        }
      />
      {decideInBar && <ReviewPanel bar record={record.data} onDone={() => navigate(back)} />}
    </>
  );
}
