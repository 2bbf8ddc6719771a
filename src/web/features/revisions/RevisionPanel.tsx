import { IndicatorLine, MeasuredLine } from './FollowupEffect';
import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Grid,
  Space,
  Spin,
  Steps,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { revisionStageLabels } from '../../../common/api/revisions';
import type { RecordDetail } from '../../../common/api/records';
import { useRevision, useSendToLeader, type Revision, type RevisionStage } from './revisions.api';
import { RevisionActionModal, type RevisionAction } from './RevisionActionModal';
import { stageColor } from './RevisionItem';
import { LeaderDecision } from './LeaderDecision';
import { periodLabel } from '../records/labels';
import { useErrorText } from '../../components/useErrorText';
import { useI18n } from '../../app/i18n/useI18n';
import type { MessageKey } from '../../app/i18n/types';

/** Where each stage sits on the lifecycle: draft, leader, publication, committee, tracking, closed. */
const stepOf: Record<RevisionStage, number> = {
  drafting: 0,
  leader_review: 1,
  leader_returned: 1,
  leader_approved: 2,
  committee_review: 3,
  tracking: 4,
  closed: 5,
};
const stepKeys: MessageKey[] = [
  'revisions.step.draft',
  'revisions.step.leader',
  'revisions.step.publish',
  'revisions.step.committee',
  'revisions.step.tracking',
  'revisions.step.closed',
];
const hintKeys: Record<RevisionStage, MessageKey> = {
  drafting: 'revisions.hint.drafting',
  leader_review: 'revisions.hint.leader_review',
  leader_returned: 'revisions.hint.leader_returned',
  leader_approved: 'revisions.hint.leader_approved',
  committee_review: 'revisions.hint.committee_review',
  tracking: 'revisions.hint.tracking',
  closed: 'revisions.hint.closed',
};

function LeaderTrail({ revision }: { revision: Revision }) {
  const { t } = useI18n();
  const waiting = revision.stage === 'leader_review';
  if (!revision.leaderReviews.length && !waiting)
    return <Typography.Text type="secondary">{t('revisions.noLeaderReview')}</Typography.Text>;
  const decisions = revision.leaderReviews.map((r, i) => ({
    key: i,
    color: r.decision === 'approved' ? 'green' : 'orange',
    content: (
      <div style={{ overflowWrap: 'anywhere' }}>
        <Tag color={r.decision === 'approved' ? 'success' : 'warning'}>
          {t(r.decision === 'approved' ? 'revisions.approved' : 'revisions.returned')}
        </Tag>
        <Typography.Text type="secondary">
          {r.leader} · {dayjs(r.at).format('YYYY-MM-DD HH:mm')}
        </Typography.Text>
        {r.comment && <div style={{ whiteSpace: 'pre-wrap', marginTop: 4 }}>{r.comment}</div>}
      </div>
    ),
  }));
  const pending = {
    key: 'pending',
    color: 'gray',
    content: <Typography.Text type="secondary">{t('revisions.waitingLeader')}</Typography.Text>,
  };
  return <Timeline data-testid="leader-trail" items={waiting ? [...decisions, pending] : decisions} />;
}

function Followups({
  revision,
  canNote,
  onNote,
}: {
  revision: Revision;
  canNote: boolean;
  onNote: (followupId: number) => void;
}) {
  const { t } = useI18n();
  if (!revision.followups.length)
    return <Typography.Text type="secondary">{t('revisions.followupsLater')}</Typography.Text>;
  return (
    <ul style={{ listStyle: 'none', margin: 0, padding: 0 }} data-testid="followups">
      {revision.followups.map((f) => (
        <li
          key={f.id}
          style={{ padding: '6px 0', borderBottom: '1px solid #f0f0f0', overflowWrap: 'anywhere' }}
        >
          <Space wrap size={4}>
            <Typography.Text type="secondary">{t('revisions.due', { date: f.dueOn })}</Typography.Text>
            {f.notedOn ? (
              <Tag color="success">{t('revisions.noted')}</Tag>
            ) : (
              f.overdue && <Tag color="red">{t('revisions.overdue')}</Tag>
            )}
          </Space>
          {f.notedOn ? (
            <div>
              <Typography.Text>{f.note}</Typography.Text>
              <MeasuredLine indicator={revision.indicator} f={f} />
              <div>
                <Typography.Text type="secondary">
                  {f.notedOn}
                  {f.notedBy ? ` · ${f.notedBy}` : ''}
                </Typography.Text>
              </div>
            </div>
          ) : (
            canNote && (
              <div style={{ marginTop: 4 }}>
                <Button size="small" onClick={() => onNote(f.id)}>
                  {t('revisions.addNote')}
                </Button>
              </div>
            )
          )}
        </li>
      ))}
    </ul>
  );
}

/**
 * The lifecycle of a rule revision on its record's page: where it stands, the leader's decisions,
 * the publication and its follow-ups, and what the user can do next (send to the leader, approve
 * or return as leader, note a follow-up). `beforeSend` saves the form first, in the editor.
 * On a phone the leader's decision is in the record page's bottom bar (LeaderDecisionBar) instead.
 */
export function RevisionPanel({
  record,
  beforeSend,
}: {
  record: RecordDetail;
  beforeSend?: () => Promise<{ version: number } | null>;
}) {
  const { t, pick, lang } = useI18n();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const query = useRevision(record.id, record.version);
  const send = useSendToLeader();
  const [action, setAction] = useState<RevisionAction | null>(null);
  const stacked = Grid.useBreakpoint().lg === false;
  const r = query.data;

  if (query.isPending) return <Spin />;
  if (query.isError || !r) return <Alert type="error" showIcon title={errorText(query.error)} />;

  // Sending also needs the record itself open (not locked by a closed campaign).
  const canSend = record.can.edit && r.can.sendToLeader;
  const toLeader = async () => {
    const saved = beforeSend ? await beforeSend() : { version: record.version };
    if (!saved) return;
    send.mutate(
      { recordId: record.id, version: saved.version },
      {
        onSuccess: () => void message.success(t('revisions.sent')),
        onError: (e) => void message.error(errorText(e)),
      },
    );
  };
  const step = stepOf[r.stage];

  return (
    <Card
      size="small"
      title={t('revisions.lifecycle')}
      extra={<Tag color={stageColor[r.stage]}>{pick(revisionStageLabels[r.stage])}</Tag>}
      data-testid="revision-panel"
    >
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Steps
          size="small"
          orientation="vertical"
          current={step}
          status={r.stage === 'leader_returned' ? 'error' : r.stage === 'closed' ? 'finish' : 'process'}
          items={stepKeys.map((k) => ({ title: t(k) }))}
        />
        <Typography.Text type="secondary" data-testid="revision-hint">
          {t(hintKeys[r.stage])}
        </Typography.Text>
        {canSend && (
          <Button type="primary" block loading={send.isPending} onClick={() => void toLeader()}>
            {r.stage === 'leader_returned' ? t('revisions.resubmitLeader') : t('revisions.submitLeader')}
          </Button>
        )}
        {/* Where the columns stack (a phone), the record page holds the decision in a bottom bar. */}
        {r.can.leaderReview && !stacked && <LeaderDecision revision={r} />}

        <div>
          <Typography.Text strong>{t('revisions.leaderReviews')}</Typography.Text>
          {r.departmentName && <Typography.Text type="secondary"> · {r.departmentName}</Typography.Text>}
          <div style={{ marginTop: 8 }}>
            <LeaderTrail revision={r} />
          </div>
        </div>

        <div>
          <Typography.Text strong>{t('revisions.publication')}</Typography.Text>
          <Descriptions
            column={1}
            size="small"
            style={{ marginTop: 8 }}
            styles={{ label: { whiteSpace: 'nowrap' } }}
            items={[
              { key: 'on', label: t('revisions.publishedOn'), children: r.publishedOn ?? '—' },
              { key: 'no', label: t('revisions.documentNo'), children: r.documentNo ?? '—' },
              { key: 'form', label: t('revisions.releaseForm'), children: r.releaseForm ?? '—' },
              ...(r.publishedOn && record.periodKey
                ? [
                    {
                      key: 'counts',
                      label: t('revisions.countsIn'),
                      children: periodLabel(record.periodKey, lang),
                    },
                  ]
                : []),
            ]}
          />
        </div>

        <div>
          <Typography.Text strong>{t('revisions.followups')}</Typography.Text>
          <IndicatorLine indicator={r.indicator} verdict={r.verdict} />
          <div style={{ marginTop: 4 }}>
            <Followups
              revision={r}
              canNote={r.can.noteFollowup}
              onNote={(followupId) =>
                setAction({
                  kind: 'followup',
                  recordId: r.recordId,
                  followupId,
                  title: r.title,
                  indicator: r.indicator,
                })
              }
            />
          </div>
        </div>
        {r.stage === 'closed' && (
          <Alert type="success" showIcon title={t('revisions.closedOn', { date: lastNote(r) })} />
        )}
      </Space>
      {action && <RevisionActionModal action={action} onClose={() => setAction(null)} />}
    </Card>
  );
}

const lastNote = (r: Revision) =>
  r.followups
    .map((f) => f.notedOn ?? '')
    .sort()
    .at(-1) ?? '';
