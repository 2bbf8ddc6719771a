import { Button, Card, Progress, Typography } from 'antd';
import { Link, useNavigate } from 'react-router';
import { actionKindLabels, type ActionKind, type TaskStatus } from '../../../common/actions';
import { useWorkbench, type WorkbenchCard } from './workbench.api';
import { newRecordLink, workbenchLink } from './links';
import { TaskStatusTag } from '../records/StatusTags';
import { useI18n } from '../../app/i18n/useI18n';

/** States in which the branch has done its part of an action this month. */
const SENT: ReadonlySet<TaskStatus> = new Set(['submitted', 'done', 'done_late']);

interface Props {
  campaignId: number;
  branchId: number;
  periodKey: string | null | undefined;
  /** The action on screen. */
  kind: ActionKind;
  /** Phone: one line with the progress and 下一项, for the bottom bar. */
  compact?: boolean;
}

/**
 * The branch's month as one sequence: the five actions with their state, the month's progress,
 * and 下一项 — the next action not yet sent, after the one on screen — so a month is recorded in
 * one go without going back to the workbench between actions.
 */
export function MonthSteps({ campaignId, branchId, periodKey, kind, compact }: Props) {
  const { t, pick } = useI18n();
  const navigate = useNavigate();
  const workbench = useWorkbench({ campaignId, branchId, periodKey: periodKey ?? undefined });
  const cards = workbench.data?.cards ?? [];
  if (!periodKey || !cards.length) return null;
  const place = { campaignId, branchId, periodKey };
  const linkOf = (c: WorkbenchCard) =>
    c.record ? `/workbench/records/${c.record.id}` : newRecordLink(place, c.task.kind);
  const at = cards.findIndex((c) => c.task.kind === kind);
  const after = at < 0 ? cards : [...cards.slice(at + 1), ...cards.slice(0, at)];
  const next = after.find((c) => !SENT.has(c.task.status));
  const sent = cards.filter((c) => SENT.has(c.task.status)).length;
  const progress = (
    <div style={{ display: 'flex', alignItems: 'center', gap: 8, flex: '1 1 auto', minWidth: 0 }}>
      <Typography.Text data-testid="month-progress" style={{ whiteSpace: 'nowrap' }}>
        {t('month.progress', { sent, total: cards.length })}
      </Typography.Text>
      <Progress
        percent={Math.round((sent / cards.length) * 100)}
        showInfo={false}
        size="small"
        style={{ margin: 0, flex: '1 1 60px', minWidth: 40 }}
      />
    </div>
  );
  const nextButton = next ? (
    <Button type={compact ? 'default' : 'primary'} onClick={() => void navigate(linkOf(next))}>
      {t('month.next', { kind: pick(actionKindLabels[next.task.kind]) })}
    </Button>
  ) : (
    <Link to={workbenchLink(place)}>{t('month.allSent')}</Link>
  );

  if (compact) {
    return (
      <div style={{ display: 'flex', alignItems: 'center', gap: 8, marginTop: 8 }}>
        {progress}
        {nextButton}
      </div>
    );
  }
  return (
    <Card size="small" style={{ marginBottom: 12 }} data-testid="month-steps">
      <nav
        aria-label={t('month.title')}
        style={{ display: 'flex', flexWrap: 'wrap', gap: 8, marginBottom: 8 }}
      >
        {cards.map((c) => {
          const current = c.task.kind === kind;
          return (
            <Link
              key={c.task.id}
              to={linkOf(c)}
              aria-current={current ? 'step' : undefined}
              style={{
                display: 'inline-flex',
                alignItems: 'center',
                gap: 6,
                minHeight: 44,
                padding: '0 10px',
                borderRadius: 6,
                border: `1px solid ${current ? '#1677ff' : '#f0f0f0'}`,
                background: current ? '#e6f4ff' : undefined,
                color: 'inherit',
              }}
            >
              <span>{pick(actionKindLabels[c.task.kind])}</span>
              <TaskStatusTag status={c.task.status} />
            </Link>
          );
        })}
      </nav>
      <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 12 }}>
        {progress}
        {nextButton}
      </div>
    </Card>
  );
}
