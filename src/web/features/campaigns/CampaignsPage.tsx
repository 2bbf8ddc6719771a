import { useState } from 'react';
import { Alert, App, Button, Card, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { canConfigureCampaign, canConfigureCampaigns } from '../../../common/policies/campaigns';
import { useSessionUser } from '../auth/auth.api';
import { Link } from 'react-router';
import type { Campaign } from '../../../common/api/campaigns';
import { useCampaignAction, useCampaigns } from './campaigns.api';
import { CampaignDrawer } from './CampaignDrawer';
import { CopyCampaignModal } from './CopyCampaignModal';
import { useErrorText } from '../../components/useErrorText';
import { useI18n } from '../../app/i18n/useI18n';
import type { MessageKey } from '../../app/i18n/types';

const statusColor = { draft: 'default', active: 'processing', closed: 'success' } as const;

export function CampaignStatusTag({ status }: { status: Campaign['status'] }) {
  const { t } = useI18n();
  return <Tag color={statusColor[status]}>{t(`campaigns.status.${status}` as MessageKey)}</Tag>;
}

/** "3–12月" for a run of months, else the list. */
export function monthsText(months: number[], lang: 'zh' | 'en'): string {
  const sorted = [...months].sort((a, b) => a - b);
  const run = sorted.every((m, i) => i === 0 || m === sorted[i - 1]! + 1);
  const suffix = lang === 'zh' ? '月' : '';
  if (run && sorted.length > 2) return `${sorted[0]}–${sorted.at(-1)}${suffix}`;
  return `${sorted.join(lang === 'zh' ? '、' : ', ')}${suffix}`;
}

/** 活动配置: campaigns with their status; create, edit, copy, start, close; tasks of each. */
export function CampaignsPage() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const campaigns = useCampaigns();
  // A company's committee launches its own company's campaigns and reads the group's.
  const user = useSessionUser();
  const launches = canConfigureCampaigns(user);
  const action = useCampaignAction();
  const [editing, setEditing] = useState<{ campaign?: Campaign } | null>(null);
  const [copying, setCopying] = useState<Campaign | null>(null);
  const items = [...(campaigns.data?.items ?? [])].sort((a, b) => b.year - a.year || b.id - a.id);
  const nameOf = (id: number | null) => items.find((c) => c.id === id)?.name;

  const run = async (c: Campaign, kind: 'start' | 'close') => {
    try {
      await action.mutateAsync({ id: c.id, action: kind });
      void message.success(t(kind === 'start' ? 'campaigns.started' : 'campaigns.closed'));
    } catch (error) {
      void message.error(errorText(error));
    }
  };

  return (
    <Card
      title={t('campaigns.title')}
      extra={
        launches && (
          <Button type="primary" onClick={() => setEditing({})}>
            {t('campaigns.new')}
          </Button>
        )
      }
    >
      <Typography.Paragraph type="secondary">{t('campaigns.intro')}</Typography.Paragraph>
      {campaigns.isError && (
        <Alert type="error" showIcon title={errorText(campaigns.error)} style={{ marginBottom: 12 }} />
      )}
      <Table<Campaign>
        rowKey="id"
        size="small"
        loading={campaigns.isFetching}
        scroll={{ x: 'max-content' }}
        dataSource={items}
        pagination={false}
        locale={{ emptyText: t('campaigns.noCampaigns') }}
        columns={[
          {
            key: 'name',
            title: t('campaigns.name'),
            render: (_, c) => (
              <div style={{ maxWidth: 320, whiteSpace: 'normal' }}>
                <Link to={`/campaigns/${c.id}`}>{c.name}</Link>
                {c.watchwords && (
                  <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                    {c.watchwords}
                  </Typography.Text>
                )}
                {c.copiedFromId && nameOf(c.copiedFromId) && (
                  <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                    {t('campaigns.copiedFrom', { name: nameOf(c.copiedFromId)! })}
                  </Typography.Text>
                )}
              </div>
            ),
          },
          { key: 'year', title: t('campaigns.year'), dataIndex: 'year' },
          { key: 'months', title: t('campaigns.months'), render: (_, c) => monthsText(c.months, lang) },
          {
            key: 'branches',
            title: t('campaigns.branches'),
            render: (_, c) => t('campaigns.branchCount', { count: c.branchIds.length }),
          },
          {
            key: 'kinds',
            title: t('campaigns.required'),
            render: (_, c) => c.actionKinds.filter((k) => k.required).length,
          },
          {
            key: 'status',
            title: t('common.status'),
            render: (_, c) => <CampaignStatusTag status={c.status} />,
          },
          {
            key: 'actions',
            title: t('common.actions'),
            render: (_, c) => {
              const configures = canConfigureCampaign(user, c);
              return (
                <Space size={0} wrap>
                  {c.status !== 'draft' && (
                    <Link to={`/campaigns/${c.id}`} style={{ padding: '0 7px' }}>
                      {t('campaigns.tasks')}
                    </Link>
                  )}
                  {configures && c.status !== 'closed' && (
                    <Button type="link" size="small" onClick={() => setEditing({ campaign: c })}>
                      {t('common.edit')}
                    </Button>
                  )}
                  {configures && c.status === 'draft' && (
                    <Popconfirm
                      title={t('campaigns.startConfirm', { name: c.name })}
                      okText={t('campaigns.start')}
                      cancelText={t('common.cancel')}
                      onConfirm={() => run(c, 'start')}
                    >
                      <Button type="link" size="small">
                        {t('campaigns.start')}
                      </Button>
                    </Popconfirm>
                  )}
                  {configures && c.status === 'active' && (
                    <Popconfirm
                      title={t('campaigns.closeConfirm', { name: c.name })}
                      okText={t('campaigns.close')}
                      okButtonProps={{ danger: true }}
                      cancelText={t('common.cancel')}
                      onConfirm={() => run(c, 'close')}
                    >
                      <Button type="link" size="small" danger>
                        {t('campaigns.close')}
                      </Button>
                    </Popconfirm>
                  )}
                  {launches && (
                    <Button type="link" size="small" onClick={() => setCopying(c)}>
                      {t('campaigns.copy')}
                    </Button>
                  )}
                </Space>
              );
            },
          },
        ]}
      />
      {editing && <CampaignDrawer campaign={editing.campaign} onClose={() => setEditing(null)} />}
      {copying && <CopyCampaignModal from={copying} onClose={() => setCopying(null)} />}
    </Card>
  );
}
