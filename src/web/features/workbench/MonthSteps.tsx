import type { CSSProperties } from 'react';
import { Button, Card, Progress, Typography } from 'antd';
import { Link, useNavigate } from 'react-router';
import { actionKindLabels, type ActionKind, type TaskStatus } from '../../../common/actions';
import { useWorkbench, type WorkbenchCard } from './workbench.api';
import { newRecordLink, workbenchLink } from './links';
import { TaskStatusTag } from '../records/StatusTags';
import { SubmitMonthButton, draftsOf } from './SubmitMonth';
import { useI18n } from '../../app/i18n/useI18n';

/** States in which the branch has done its part of an action this month. */
const SENT: ReadonlySet<TaskStatus> = new Set(['submitted', 'done', 'done_late']);

interface Props {
  campaignId: number;
  branchId: number;
  periodKey: string | null | undefined;
  /** The action on screen. */
  kind: ActionKind;
  /** Phone: the progress, 下一项 and 提交本月 in a few lines, for the bottom bar. */
  compact?: boolean;
  /** Saves the record on screen before 提交本月. */
  beforeSubmit?: () => Promise<unknown>;
}

/**
 * The branch's month as one sequence: the five actions with their state, the month's progress,
 * and 下一项 — the next action not yet sent, after the one on screen — so a month is recorded in
 * one go without going back to the workbench between actions.
 */
export function MonthSteps({ campaignId, branchId, periodKey, kind, compact, beforeSubmit }: Props) {
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
  // A revision with its leader waits on them, not on the branch: nothing to go to there.
  const next = after.find((c) => !SENT.has(c.task.status) && c.record?.leaderStatus !== 'pending');
  const sent = cards.filter((c) => SENT.has(c.task.status)).length;
  const drafts = draftsOf(workbench.data!);
  // The sitting's last step once every other action has its record: nothing new to go to.
  const finishing = drafts > 0 && cards.every((c) => c.record || c.task.kind === kind);
  const submitAll = (style?: CSSProperties) => (
    <SubmitMonthButton
      place={place}
      drafts={drafts}
      beforeSubmit={beforeSubmit}
      primary={!compact && finishing}
      style={style}
    />
  );
  const progress = (
    <div style={{ display: 'flex', alignItems: 'center', gap: 8, flex: '1 1 auto', minWidth: 0 }}>
      <Typography.Text data-testid="month-progress" style={{ whiteSpace: 'nowrap' }}>
        {t('month.progress', { sent, total: cards.length })}
      </Typography.Text>
      <Progress
        percent={Math.round((sent / cards.length) * 100)}
        aria-label={t('month.progress', { sent, total: cards.length })}
        showInfo={false}
        size="small"
        style={{ margin: 0, flex: '1 1 60px', minWidth: 40 }}
      />
    </div>
  );
  const nextButton = next ? (
    <Button
      type={compact || finishing ? 'default' : 'primary'}
      onClick={() => void navigate(linkOf(next))}
      style={compact && drafts ? { flex: '1 1 0', minWidth: 0 } : undefined}
    >
      {t('month.next', { kind: pick(actionKindLabels[next.task.kind]) })}
    </Button>
  ) : (
    <Link to={workbenchLink(place)}>{t('month.allSent')}</Link>
  );

  if (compact) {
    // With 提交本月 the buttons take a line of their own: a 390 px screen has no room for three.
    return drafts ? (
      <div style={{ marginTop: 8 }}>
        {progress}
        <div style={{ display: 'flex', gap: 8, marginTop: 8 }}>
          {next && nextButton}
          {submitAll({ flex: '1 1 0', minWidth: 0 })}
        </div>
      </div>
    ) : (
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
        {submitAll()}
      </div>
    </Card>
  );
}
