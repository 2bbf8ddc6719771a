import { useState } from 'react';
import { Card, Empty, Pagination, Tag, Typography } from 'antd';
import type { Task } from '../../../common/api/tasks';
import { actionKindLabels } from '../../../common/actions';
import type { MessageKey } from '../../app/i18n/types';
import { useI18n } from '../../app/i18n/useI18n';
import { periodLabel } from './format';
import { TaskTag } from './Tags';

const PAGE = 6;

interface Props {
  title: MessageKey;
  empty: MessageKey;
  tasks: Task[];
  overdue?: boolean;
  onOpen: (task: Task) => void;
}

/** Tasks due within the week, or past due and still open; each opens its matrix cell. */
export function DueCard({ title, empty, tasks, overdue, onOpen }: Props) {
  const { t, pick, lang } = useI18n();
  const [page, setPage] = useState(1);
  const current = Math.min(page, Math.max(1, Math.ceil(tasks.length / PAGE)));
  const shown = tasks.slice((current - 1) * PAGE, current * PAGE);
  return (
    <Card
      size="small"
      title={
        <>
          {t(title)}{' '}
          <Tag color={overdue && tasks.length ? 'error' : 'default'} style={{ marginInlineStart: 4 }}>
            {tasks.length}
          </Tag>
        </>
      }
      style={{ height: '100%' }}
    >
      {tasks.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(empty)} />
      ) : (
        <>
          <ul className="dashboard-list">
            {shown.map((task) => (
              <li key={task.id}>
                <Typography.Link onClick={() => onOpen(task)}>
                  {task.branchName} · {periodLabel(task.periodKey, lang)} ·{' '}
                  {pick(actionKindLabels[task.kind])}
                </Typography.Link>
                <div className="dashboard-list-meta">
                  <TaskTag status={task.status} />
                  <span>{t('dashboard.cell.due', { date: task.dueDate })}</span>
                  <Typography.Text type={task.daysToDue < 0 ? 'danger' : 'warning'}>
                    {task.daysToDue < 0
                      ? t('dashboard.due.daysOver', { n: -task.daysToDue })
                      : task.daysToDue === 0
                        ? t('dashboard.due.today')
                        : t('dashboard.due.daysLeft', { n: task.daysToDue })}
                  </Typography.Text>
                </div>
              </li>
            ))}
          </ul>
          {tasks.length > PAGE && (
            <Pagination
              size="small"
              simple
              align="end"
              current={current}
              pageSize={PAGE}
              total={tasks.length}
              onChange={setPage}
            />
          )}
        </>
      )}
    </Card>
  );
}
