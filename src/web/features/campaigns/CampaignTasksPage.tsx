import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Result, Select, Skeleton, Space, Table, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import {
  actionKindLabels,
  taskStatusLabels,
  taskStatuses,
  type ActionKind,
  type TaskStatus,
} from '../../../common/actions';
import type { Task } from '../../../common/api/tasks';
import type { Campaign } from '../../../common/api/campaigns';
import { useCampaign, useTasks, type TaskFilter } from './campaigns.api';
import { useStructure } from '../org/org.api';
import { useSessionUser } from '../auth/auth.api';
import { CampaignStatusTag, monthsText } from './CampaignsPage';
import { ExtendDueModal } from './ExtendDueModal';
import { TaskStatusTag } from '../records/StatusTags';
import { periodLabel } from '../records/labels';
import { canExtendDue } from '../../../common/policies/tasks';
import { useErrorText } from '../../components/useErrorText';
import { useI18n } from '../../app/i18n/useI18n';

/** The campaign's months, and its quarters when a kind is quarterly. */
function periodKeysOf(c: Campaign): string[] {
  const months = [...c.months].sort((a, b) => a - b);
  const keys = months.map((m) => `${c.year}-${String(m).padStart(2, '0')}`);
  if (c.actionKinds.some((k) => k.period === 'quarter')) {
    const quarters = [...new Set(months.map((m) => Math.ceil(m / 3)))];
    keys.push(...quarters.map((q) => `${c.year}-Q${q}`));
  }
  return keys;
}

/** /campaigns/:campaignId — the campaign's settings and its tasks; the committee extends due dates. */
export function CampaignTasksPage() {
  const { t, pick, lang } = useI18n();
  const errorText = useErrorText();
  const user = useSessionUser();
  const { campaignId } = useParams();
  const id = campaignId && /^\d+$/.test(campaignId) ? Number(campaignId) : null;
  const campaign = useCampaign(id);
  const structure = useStructure();
  const [filter, setFilter] = useState<Omit<TaskFilter, 'campaignId'>>({});
  const tasks = useTasks(
    { campaignId: id ?? 0, ...filter },
    id !== null && campaign.data?.status !== 'draft',
  );
  const [extending, setExtending] = useState<Task | null>(null);

  if (id === null) return <Result status="404" />;
  if (campaign.isPending) {
    return (
      <Card>
        <Skeleton active />
      </Card>
    );
  }
  if (campaign.isError) return <Result status="warning" title={errorText(campaign.error)} />;
  const c = campaign.data;
  const branchName = (bid: number) => structure.data?.branches.find((b) => b.id === bid)?.name ?? `#${bid}`;
  const periods = periodKeysOf(c);
  const change = (patch: Partial<TaskFilter>) => setFilter((f) => ({ ...f, ...patch }));

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Link to="/campaigns">← {t('campaigns.backToList')}</Link>
      <Card title={c.name} extra={<CampaignStatusTag status={c.status} />}>
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, lg: 3 }}
          items={[
            { key: 'year', label: t('campaigns.year'), children: c.year },
            { key: 'months', label: t('campaigns.months'), children: monthsText(c.months, lang) },
            { key: 'watchwords', label: t('campaigns.watchwords'), children: c.watchwords ?? '' },
            {
              key: 'branches',
              label: t('campaigns.branches'),
              span: 'filled',
              children: c.branchIds.map(branchName).join('、'),
            },
            {
              key: 'kinds',
              label: t('campaigns.kinds'),
              span: 'filled',
              children: c.actionKinds
                .map((k) => `${k.title}${k.required ? '' : `(${t('workbench.optional')})`} · ${k.points}`)
                .join(';'),
            },
          ]}
        />
      </Card>
      <Card title={t('tasks.title')}>
        {c.status === 'draft' ? (
          <Typography.Text type="secondary">{t('tasks.notStarted')}</Typography.Text>
        ) : (
          <>
            <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, marginBottom: 12 }}>
              <Select<number>
                allowClear
                aria-label={t('tasks.branch')}
                placeholder={t('review.allBranches')}
                style={{ width: 180 }}
                value={filter.branchId}
                onChange={(branchId) => change({ branchId })}
                options={c.branchIds.map((b) => ({ value: b, label: branchName(b) }))}
              />
              <Select<string>
                allowClear
                aria-label={t('tasks.period')}
                placeholder={t('review.allMonths')}
                style={{ width: 140 }}
                value={filter.periodKey}
                onChange={(periodKey) => change({ periodKey })}
                options={periods.map((p) => ({ value: p, label: periodLabel(p, lang) }))}
              />
              <Select<ActionKind>
                allowClear
                aria-label={t('tasks.kind')}
                placeholder={t('review.allKinds')}
                style={{ width: 150 }}
                value={filter.kind}
                onChange={(kind) => change({ kind })}
                options={c.actionKinds
                  .filter((k) => k.required)
                  .map((k) => ({ value: k.kind, label: pick(actionKindLabels[k.kind]) }))}
              />
              <Select<TaskStatus>
                allowClear
                aria-label={t('tasks.status')}
                placeholder={t('tasks.allStatuses')}
                style={{ width: 140 }}
                value={filter.status}
                onChange={(status) => change({ status })}
                options={taskStatuses.map((s) => ({ value: s, label: pick(taskStatusLabels[s]) }))}
              />
            </div>
            {tasks.isError && (
              <Alert type="error" showIcon title={errorText(tasks.error)} style={{ marginBottom: 12 }} />
            )}
            <Table<Task>
              rowKey="id"
              size="small"
              loading={tasks.isFetching}
              scroll={{ x: 'max-content' }}
              dataSource={tasks.data?.items ?? []}
              pagination={{
                pageSize: 50,
                showSizeChanger: false,
                showTotal: (total) => t('common.total', { total }),
              }}
              columns={[
                { key: 'branch', title: t('tasks.branch'), dataIndex: 'branchName' },
                {
                  key: 'period',
                  title: t('tasks.period'),
                  render: (_, task) => periodLabel(task.periodKey, lang),
                },
                {
                  key: 'kind',
                  title: t('tasks.kind'),
                  render: (_, task) => pick(actionKindLabels[task.kind]),
                },
                {
                  key: 'status',
                  title: t('tasks.status'),
                  render: (_, task) => <TaskStatusTag status={task.status} />,
                },
                {
                  key: 'due',
                  title: t('tasks.dueDate'),
                  render: (_, task) => (
                    <span>
                      {task.dueDate}
                      {task.dueChangeReason && (
                        <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                          {t('tasks.scheduled', { date: task.scheduledDueDate })} · {task.dueChangeReason}
                        </Typography.Text>
                      )}
                    </span>
                  ),
                },
                {
                  key: 'approved',
                  title: t('tasks.approved'),
                  render: (_, task) => `${task.approvedCount} / ${task.requiredCount}`,
                },
                {
                  key: 'actions',
                  title: t('common.actions'),
                  render: (_, task) =>
                    canExtendDue(user, task.branchId) &&
                    c.status === 'active' &&
                    task.status !== 'done' &&
                    task.status !== 'done_late' && (
                      <Button type="link" size="small" onClick={() => setExtending(task)}>
                        {t('tasks.extend')}
                      </Button>
                    ),
                },
              ]}
            />
          </>
        )}
      </Card>
      {extending && <ExtendDueModal task={extending} onClose={() => setExtending(null)} />}
    </Space>
  );
}
