import { Button, Card, Typography } from 'antd';
import { useNavigate } from 'react-router';
import type { WorkbenchCard } from './workbench.api';
import { TaskStatusTag } from '../records/StatusTags';
import { asTodo } from '../records/labels';
import { useI18n } from '../../app/i18n/useI18n';

const DONE = new Set(['done', 'done_late']);

/** "还剩 N 天" / "今天截止" / "已逾期 N 天", coloured by urgency; nothing once done or waiting. */
function DueLine({ card }: { card: WorkbenchCard }) {
  const { t } = useI18n();
  const { task } = card;
  const due = t('workbench.due', { date: task.dueDate });
  if (DONE.has(task.status)) return <Typography.Text type="secondary">{due}</Typography.Text>;
  if (task.status === 'submitted') {
    return (
      <Typography.Text type="secondary">
        {due} · {t('workbench.waitingReview')}
      </Typography.Text>
    );
  }
  const days = task.daysToDue;
  const text =
    days > 0
      ? t('workbench.daysLeft', { days })
      : days === 0
        ? t('workbench.dueToday')
        : t('workbench.overdueDays', { days: -days });
  return (
    <span>
      <Typography.Text type="secondary">{due} · </Typography.Text>
      <Typography.Text strong type={days < 0 ? 'danger' : days <= 3 ? 'warning' : undefined}>
        {text}
      </Typography.Text>
    </span>
  );
}

interface Props {
  card: WorkbenchCard;
  canWrite: boolean;
  /** Where "填报" leads: a new record of this card's kind and month. */
  newRecordLink: string;
  /** The committee opens a record waiting for review on the review page, where it can decide. */
  reviewer: boolean;
}

/** One required action of the month: its state, due date, the record in hand and what it lacks. */
export function TaskCard({ card, canWrite, newRecordLink, reviewer }: Props) {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const { task, record } = card;
  // A revision with its leader lacks the approval only in waiting: said as where it is, not as a gap.
  const withLeader = record?.leaderStatus === 'pending';
  const missing = withLeader ? card.missing.filter((m) => m.key !== 'leader') : card.missing;
  const editable = record && (record.status === 'draft' || record.status === 'returned');
  const another =
    canWrite &&
    record?.status === 'approved' &&
    task.approvedCount < task.requiredCount &&
    !DONE.has(task.status);

  let action = null;
  if (!record && canWrite) {
    action = (
      <Button type="primary" ghost block onClick={() => navigate(newRecordLink)}>
        {t('workbench.fill')}
      </Button>
    );
  } else if (record) {
    const primary = editable && canWrite;
    action = (
      <div style={{ display: 'flex', gap: 8 }}>
        <Button
          type={primary ? 'primary' : 'default'}
          block
          onClick={() =>
            navigate(
              reviewer && record.status === 'submitted'
                ? `/review/${record.id}`
                : `/workbench/records/${record.id}`,
            )
          }
        >
          {primary ? t('workbench.continue') : t('workbench.view')}
        </Button>
        {another && (
          <Button block onClick={() => navigate(newRecordLink)}>
            {t('workbench.fill')}
          </Button>
        )}
      </div>
    );
  }

  return (
    <Card
      size="small"
      data-testid={`task-card-${task.kind}`}
      title={<span style={{ whiteSpace: 'normal' }}>{task.title}</span>}
      extra={<TaskStatusTag status={task.status} />}
      style={{ height: '100%', display: 'flex', flexDirection: 'column' }}
      styles={{ body: { flex: 1, display: 'flex', flexDirection: 'column', gap: 6 } }}
    >
      <DueLine card={card} />
      {task.dueChangeReason && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('workbench.extended', { reason: task.dueChangeReason })}
        </Typography.Text>
      )}
      {task.requiredCount > 1 && (
        <Typography.Text type="secondary">
          {t('workbench.count', { approved: task.approvedCount, required: task.requiredCount })}
        </Typography.Text>
      )}
      {record ? (
        // The record's own state is in the task's tag; here its title says which record it is.
        <Typography.Text ellipsis={{ tooltip: record.title }} style={{ display: 'block' }}>
          {record.title}
          {record.status === 'draft' && (
            <Typography.Text type="secondary">({t('workbench.draft')})</Typography.Text>
          )}
        </Typography.Text>
      ) : (
        <Typography.Text type="secondary">{t('workbench.notFilled')}</Typography.Text>
      )}
      {record?.status === 'returned' && (
        <Typography.Text type="warning">{t('workbench.returned')}</Typography.Text>
      )}
      {withLeader && <Typography.Text type="secondary">{t('records.leaderPending')}</Typography.Text>}
      {missing.length > 0 && (
        <div style={{ fontSize: 13 }}>
          <Typography.Text type="danger">{t('workbench.missing')}:</Typography.Text>
          {missing.map((m) => (lang === 'zh' ? asTodo(m.label) : m.labelEn)).join(lang === 'zh' ? ';' : '; ')}
        </div>
      )}
      <div style={{ flex: 1 }} />
      {action}
    </Card>
  );
}
