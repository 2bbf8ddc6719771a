import { useState } from 'react';
import { Alert, Badge, Button, Card, List, Space, Switch, Tabs, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router';
import dayjs from 'dayjs';
import { useMarkAllRead, useMarkRead, useNotifications } from './notifications.api';
import { PreferencesForm } from './PreferencesForm';
import { RobotsPanel } from './RobotsPanel';
import { LadderPanel } from './LadderPanel';
import { DeliveryAdmin } from './DeliveryAdmin';
import { useSessionUser } from '../auth/auth.api';
import { canConfigureNotifications, canManageDelivery } from '../../../common/policies/notifications';
import { useErrorText } from '../../components/useErrorText';
import { useI18n } from '../../app/i18n/useI18n';

const PAGE_SIZE = 20;

function Inbox() {
  const { t } = useI18n();
  const errorText = useErrorText();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [offset, setOffset] = useState(0);
  const list = useNotifications({ unread: unreadOnly, limit: PAGE_SIZE, offset });
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Space>
          <Switch
            size="small"
            checked={unreadOnly}
            aria-label={t('notify.unreadOnly')}
            onChange={(v) => {
              setUnreadOnly(v);
              setOffset(0);
            }}
          />
          {t('notify.unreadOnly')}
        </Space>
        <Button
          size="small"
          disabled={!list.data?.unread}
          loading={markAll.isPending}
          onClick={() => markAll.mutate()}
        >
          {t('notify.markAllRead')}
        </Button>
      </Space>
      {list.error && <Alert type="error" title={errorText(list.error)} />}
      <List
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t('notify.empty') }}
        rowKey="id"
        pagination={
          (list.data?.total ?? 0) > PAGE_SIZE
            ? {
                pageSize: PAGE_SIZE,
                total: list.data?.total,
                current: offset / PAGE_SIZE + 1,
                onChange: (p) => setOffset((p - 1) * PAGE_SIZE),
                size: 'small',
              }
            : false
        }
        renderItem={(n) => (
          <List.Item
            actions={
              n.readAt
                ? []
                : [
                    <Button key="read" size="small" type="link" onClick={() => markRead.mutate(n.id)}>
                      {t('notify.markRead')}
                    </Button>,
                  ]
            }
          >
            <div style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
              <Space size={6}>
                {!n.readAt && <Badge status="error" />}
                <Typography.Text strong={!n.readAt}>{n.title}</Typography.Text>
              </Space>
              <div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {dayjs(n.createdAt).format('YYYY-MM-DD HH:mm')}
                </Typography.Text>
              </div>
              <ul style={{ margin: '4px 0 0', paddingInlineStart: 18 }}>
                {n.lines.map((l, i) => (
                  <li key={i}>
                    <Link to={l.link} onClick={() => !n.readAt && markRead.mutate(n.id)}>
                      {l.text}
                    </Link>
                  </li>
                ))}
              </ul>
            </div>
          </List.Item>
        )}
      />
    </>
  );
}

/** The notification centre: everyone's own notifications and channels; settings by role. */
export function NotificationsPage() {
  const { t } = useI18n();
  const user = useSessionUser();
  const [params, setParams] = useSearchParams();
  const configurer = canConfigureNotifications(user);
  const admin = canManageDelivery(user);
  const items = [
    { key: 'inbox', label: t('notify.tab.inbox'), children: <Inbox /> },
    { key: 'preferences', label: t('notify.tab.preferences'), children: <PreferencesForm /> },
    ...(configurer
      ? [
          { key: 'robots', label: t('notify.tab.robots'), children: <RobotsPanel /> },
          { key: 'ladder', label: t('notify.tab.ladder'), children: <LadderPanel /> },
        ]
      : []),
    ...(admin ? [{ key: 'admin', label: t('notify.tab.admin'), children: <DeliveryAdmin /> }] : []),
  ];
  const active = items.some((i) => i.key === params.get('tab')) ? params.get('tab')! : 'inbox';
  return (
    <Card title={t('notify.title')} styles={{ body: { paddingTop: 0 } }}>
      <Tabs activeKey={active} onChange={(tab) => setParams({ tab })} items={items} />
    </Card>
  );
}
