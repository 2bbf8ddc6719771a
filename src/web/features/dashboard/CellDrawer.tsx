import { useState } from 'react';
import { Alert, Button, Drawer, Grid, Progress, Skeleton, Typography } from 'antd';
import { actionKindLabels } from '../../../common/actions';
import type { Campaign } from '../../../common/api/campaigns';
import type { RecordSummary } from '../../../common/api/records';
import { useI18n } from '../../app/i18n/useI18n';
import { useErrorText } from '../../components/useErrorText';
import { useCell, type Cell } from './dashboard.api';
import { periodLabel, points } from './format';
import { RecordDrawer } from './RecordDrawer';
import { LateTag, RecordTag, TaskTag } from './Tags';

interface Props {
  campaign: Campaign;
  at: { branchId: number; periodKey: string } | null;
  onClose: () => void;
}

/** The drill-down of one matrix cell: each action's task and records, and how the score was reached. */
export function CellDrawer({ campaign, at, onClose }: Props) {
  const { t, lang } = useI18n();
  const errorText = useErrorText();
  const wide = Grid.useBreakpoint().sm ?? true;
  const cell = useCell(campaign.id, at);
  const [recordId, setRecordId] = useState<number | null>(null);
  const data =
    cell.data && at && cell.data.branch.id === at.branchId && cell.data.periodKey === at.periodKey
      ? cell.data
      : undefined;

  return (
    <Drawer
      open={at !== null}
      onClose={onClose}
      size={wide ? 600 : '100%'}
      destroyOnHidden
      title={
        data
          ? t('dashboard.cell.title', { branch: data.branch.name, month: periodLabel(data.periodKey, lang) })
          : t('common.loading')
      }
    >
      {cell.isError && <Alert type="error" showIcon title={errorText(cell.error)} />}
      {!data && !cell.isError && <Skeleton active />}
      {data && <CellBody cell={data} onOpenRecord={setRecordId} />}
      <RecordDrawer id={recordId} onClose={() => setRecordId(null)} scoring={campaign.scoring} />
    </Drawer>
  );
}

function CellBody({ cell, onOpenRecord }: { cell: Cell; onOpenRecord: (id: number) => void }) {
  const { t, pick } = useI18n();
  const { score } = cell;
  const hidden = cell.tasks.some((x) => x.task.recordIds.some((id) => !x.records.some((r) => r.id === id)));
  return (
    <div className="dashboard-cell">
      <div className="dashboard-cell-score">
        <Typography.Text strong style={{ fontSize: 18 }}>
          {t('dashboard.cell.summary', { score: points(score.score), max: points(score.max) })}
        </Typography.Text>
        <Progress
          percent={score.max ? Math.min(100, (score.score / score.max) * 100) : 0}
          aria-label={t('dashboard.cell.summary', { score: points(score.score), max: points(score.max) })}
          showInfo={false}
          strokeColor="#c8161d"
        />
      </div>

      <h4>{t('dashboard.cell.required')}</h4>
      {cell.tasks.map(({ task, records }) => (
        <section key={task.id} className="dashboard-task" aria-label={pick(actionKindLabels[task.kind])}>
          <div className="dashboard-task-head">
            <Typography.Text strong>{pick(actionKindLabels[task.kind])}</Typography.Text>
            <TaskTag status={task.status} />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {task.dueDate !== task.scheduledDueDate
                ? t('dashboard.cell.dueChanged', {
                    date: task.dueDate,
                    scheduled: task.scheduledDueDate,
                    reason: task.dueChangeReason ?? '',
                  })
                : t('dashboard.cell.due', { date: task.dueDate })}
            </Typography.Text>
          </div>
          {records.length ? (
            records.map((r) => <RecordLine key={r.id} record={r} onOpen={onOpenRecord} />)
          ) : (
            <Typography.Text type="secondary">{t('dashboard.cell.noRecord')}</Typography.Text>
          )}
        </section>
      ))}
      {hidden && <Alert type="info" showIcon title={t('dashboard.cell.hiddenRecords')} />}

      <h4>{t('dashboard.cell.optional')}</h4>
      <section className="dashboard-task" aria-label={t('dashboard.cell.optional')}>
        {cell.optionalRecords.length ? (
          cell.optionalRecords.map((r) => <RecordLine key={r.id} record={r} onOpen={onOpenRecord} />)
        ) : (
          <Typography.Text type="secondary">{t('dashboard.cell.noOptional')}</Typography.Text>
        )}
      </section>

      <h4>{t('dashboard.cell.scoreTitle')}</h4>
      <table className="dashboard-score-lines">
        <tbody>
          {score.lines.map((line, i) => (
            <tr key={i}>
              <td>{pick({ zh: line.rule, en: line.ruleEn })}</td>
              <td className={line.points < 0 ? 'minus' : undefined}>
                {line.points > 0 ? '+' : ''}
                {points(line.points)}
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <td>{t('dashboard.cell.scoreTotal')}</td>
            <td>
              {points(score.score)} / {points(score.max)}
            </td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

function RecordLine({ record, onOpen }: { record: RecordSummary; onOpen: (id: number) => void }) {
  const { t } = useI18n();
  return (
    <div className="dashboard-record">
      <Button
        type="link"
        size="small"
        className="dashboard-record-title"
        title={t('dashboard.cell.open')}
        onClick={() => onOpen(record.id)}
      >
        {record.title}
      </Button>
      <span className="dashboard-record-meta">
        <RecordTag status={record.status} />
        {record.submittedLate && <LateTag />}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('dashboard.cell.occurred', { date: record.occurredOn })}
        </Typography.Text>
      </span>
    </div>
  );
}
