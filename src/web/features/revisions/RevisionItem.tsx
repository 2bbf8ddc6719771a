import { IndicatorLine, MeasuredLine } from './FollowupEffect';
import { App, Button, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { revisionStageLabels } from '../../../common/api/revisions';
import { useLeaderSubmit, type Revision } from './revisions.api';
import type { RevisionAction } from './RevisionActionModal';
import { useSessionUser } from '../auth/auth.api';
import { opensRecordsInWorkbench } from '../../../common/policies/records';
import { useErrorText } from '../../components/useErrorText';
import { useI18n } from '../../app/i18n/useI18n';

export const stageColor: Record<Revision['stage'], string> = {
  drafting: 'default',
  leader_review: 'processing',
  leader_returned: 'error',
  leader_approved: 'cyan',
  committee_review: 'processing',
  tracking: 'gold',
  closed: 'success',
};

/** One revision of a rule: its stage, the leader's reviews, follow-ups, and what the user may do. */
export function RevisionItem({
  revision: r,
  reviewing,
  onAction,
}: {
  revision: Revision;
  /** Shown in the leader's "waiting for me" list: approve / return. */
  reviewing: boolean;
  onAction: (action: RevisionAction) => void;
}) {
  const { t, pick } = useI18n();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const user = useSessionUser();
  const submit = useLeaderSubmit();
  // Leaders in charge have no workbench: they open the record in the review area.
  const branchSide = opensRecordsInWorkbench(user);
  const link = branchSide ? `/workbench/records/${r.recordId}` : `/review/${r.recordId}`;

  return (
    <div style={{ minWidth: 0, overflowWrap: 'anywhere', width: '100%' }}>
      <Space wrap size={4}>
        <Link to={link}>{r.title}</Link>
        <Tag color={stageColor[r.stage]}>{pick(revisionStageLabels[r.stage])}</Tag>
      </Space>
      <div>
        <Typography.Text type="secondary">
          {[r.branchName, r.departmentName, r.documentNo, r.publishedOn].filter(Boolean).join(' · ')}
        </Typography.Text>
      </div>
      {r.leaderReviews.map((lr, i) => (
        <div key={i}>
          <Tag color={lr.decision === 'returned' ? 'red' : 'green'}>
            {t(lr.decision === 'returned' ? 'revisions.returned' : 'revisions.approved')}
          </Tag>
          <Typography.Text type="secondary">
            {lr.leader} · {lr.at.slice(0, 10)}
          </Typography.Text>
          {lr.comment && <div style={{ whiteSpace: 'pre-wrap' }}>{lr.comment}</div>}
        </div>
      ))}
      {r.followups.length > 0 && (
        <div style={{ marginTop: 4 }}>
          <Typography.Text strong>{t('revisions.followups')}</Typography.Text>
          <IndicatorLine indicator={r.indicator} verdict={r.verdict} />
          {r.followups.map((f) => (
            <div key={f.id}>
              {f.note ? (
                <>
                  <Typography.Text>
                    {f.notedOn} {f.notedBy ? `· ${f.notedBy}` : ''}:{f.note}
                  </Typography.Text>
                  <MeasuredLine indicator={r.indicator} f={f} />
                </>
              ) : (
                <Space wrap size={4}>
                  <Typography.Text type="secondary">{t('revisions.due', { date: f.dueOn })}</Typography.Text>
                  {f.overdue && <Tag color="red">{t('revisions.overdue')}</Tag>}
                  {r.can.noteFollowup && (
                    <Button
                      size="small"
                      onClick={() =>
                        onAction({
                          kind: 'followup',
                          recordId: r.recordId,
                          followupId: f.id,
                          title: r.title,
                          indicator: r.indicator,
                        })
                      }
                    >
                      {t('revisions.addNote')}
                    </Button>
                  )}
                </Space>
              )}
            </div>
          ))}
        </div>
      )}
      <Space wrap style={{ marginTop: 4 }}>
        {r.can.sendToLeader && (
          <Button
            size="small"
            type="primary"
            loading={submit.isPending}
            onClick={() =>
              submit.mutate(r.recordId, {
                onSuccess: () => void message.success(t('revisions.done')),
                onError: (e) => void message.error(errorText(e)),
              })
            }
          >
            {t('revisions.submitLeader')}
          </Button>
        )}
        {reviewing && r.stage === 'leader_review' && (
          <>
            <Button
              size="small"
              type="primary"
              onClick={() => onAction({ kind: 'approved', recordId: r.recordId, title: r.title })}
            >
              {t('revisions.approve')}
            </Button>
            <Button
              size="small"
              danger
              onClick={() => onAction({ kind: 'returned', recordId: r.recordId, title: r.title })}
            >
              {t('revisions.return')}
            </Button>
          </>
        )}
      </Space>
    </div>
  );
}
