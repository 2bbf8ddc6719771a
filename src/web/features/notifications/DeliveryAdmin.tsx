import { useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Input, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { notificationChannelLabels, type NotificationChannel } from '../../../common/api/notifications';
import {
  useChannelStatus,
  useDeliveries,
  useReminders,
  useRetryDelivery,
  useRobots,
  useSendTest,
  type Delivery,
} from './notifications.api';
import { useErrorText } from '../../components/useErrorText';
import { useI18n } from '../../app/i18n/useI18n';
import type { MessageKey } from '../../app/i18n/types';

const PAGE_SIZE = 20;
const statusColor: Record<Delivery['status'], string> = {
  pending: 'blue',
  sending: 'gold',
  sent: 'green',
  failed: 'red',
};
const time = (iso: string | null) => (iso ? dayjs(iso).format('MM-DD HH:mm') : '—');

/** Test messages per channel: email to an address, robots of a branch, in-app to oneself. */
function TestMessages() {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const robots = useRobots(true);
  const send = useSendTest();
  const [to, setTo] = useState('');
  const [branchId, setBranchId] = useState<number | undefined>();
  const run = (channel: NotificationChannel) =>
    send.mutate(
      {
        channel,
        ...(channel === 'email' && to.trim() ? { to: to.trim() } : {}),
        ...(branchId ? { branchId } : {}),
      },
      {
        onSuccess: (r) =>
          r.ok
            ? void message.success(t('notify.testOk'))
            : void message.error(t('notify.testFailed', { error: r.error ?? '' })),
        onError: (e) => void message.error(errorText(e)),
      },
    );
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Input
          style={{ width: 220 }}
          inputMode="email"
          placeholder={t('notify.testTo')}
          value={to}
          onChange={(e) => setTo(e.target.value)}
        />
        <Button loading={send.isPending} onClick={() => run('email')}>
          {t('notify.test')} · {pick(notificationChannelLabels.email)}
        </Button>
      </Space>
      <Space wrap>
        <Select
          style={{ width: 220 }}
          placeholder={t('notify.branch')}
          value={branchId}
          onChange={setBranchId}
          options={(robots.data?.items ?? []).map((b) => ({ value: b.branchId, label: b.branchName }))}
        />
        <Button loading={send.isPending} disabled={!branchId} onClick={() => run('dingtalk')}>
          {pick(notificationChannelLabels.dingtalk)}
        </Button>
        <Button loading={send.isPending} disabled={!branchId} onClick={() => run('wecom')}>
          {pick(notificationChannelLabels.wecom)}
        </Button>
      </Space>
      <Button loading={send.isPending} onClick={() => run('in_app')}>
        {t('notify.test')} · {pick(notificationChannelLabels.in_app)}
      </Button>
    </Space>
  );
}

/** Administrators: channel status, test messages, every delivery with failures and retry, reminders. */
export function DeliveryAdmin() {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const status = useChannelStatus(true);
  const [filter, setFilter] = useState<{ status?: Delivery['status']; limit: number; offset: number }>({
    limit: PAGE_SIZE,
    offset: 0,
  });
  const deliveries = useDeliveries(filter, true);
  const [reminderOffset, setReminderOffset] = useState(0);
  const reminders = useReminders({ limit: PAGE_SIZE, offset: reminderOffset }, true);
  const retry = useRetryDelivery();
  const s = status.data;
  const counts = deliveries.data?.counts;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      {status.error && <Alert type="error" title={errorText(status.error)} />}
      {s && (
        <Descriptions size="small" bordered column={{ xs: 1, sm: 2 }}>
          <Descriptions.Item label={t('notify.status.smtp')}>
            <Tag color={s.smtpConfigured ? 'green' : 'default'}>
              {t(s.smtpConfigured ? 'notify.status.configured' : 'notify.status.missing')}
            </Tag>
          </Descriptions.Item>
          <Descriptions.Item label={t('notify.status.robots')}>
            {pick(notificationChannelLabels.dingtalk)} {s.robotsConfigured.dingtalk} ·{' '}
            {pick(notificationChannelLabels.wecom)} {s.robotsConfigured.wecom}
          </Descriptions.Item>
          <Descriptions.Item label={t('notify.status.lastRun')}>{time(s.lastRunAt)}</Descriptions.Item>
          <Descriptions.Item label={t('notify.status.link')}>
            <Typography.Text style={{ overflowWrap: 'anywhere' }}>{s.publicBaseUrl}</Typography.Text>
          </Descriptions.Item>
        </Descriptions>
      )}
      <Card size="small" title={t('notify.test')}>
        <TestMessages />
      </Card>
      <Card
        size="small"
        title={t('notify.deliveries')}
        extra={
          <Select<Delivery['status'] | 'all'>
            size="small"
            style={{ width: 130 }}
            value={filter.status ?? 'all'}
            onChange={(v) => setFilter({ ...filter, status: v === 'all' ? undefined : v, offset: 0 })}
            options={[
              { value: 'all', label: '—' },
              ...(['failed', 'pending', 'sending', 'sent'] as const).map((st) => ({
                value: st,
                label: `${t(`notify.st.${st}` as MessageKey)} ${counts ? counts[st] : ''}`,
              })),
            ]}
          />
        }
      >
        {deliveries.error && <Alert type="error" title={errorText(deliveries.error)} />}
        <Table<Delivery>
          size="small"
          rowKey="id"
          loading={deliveries.isLoading}
          dataSource={deliveries.data?.items ?? []}
          scroll={{ x: 820 }}
          pagination={{
            pageSize: PAGE_SIZE,
            total: deliveries.data?.total,
            current: filter.offset / PAGE_SIZE + 1,
            onChange: (p) => setFilter({ ...filter, offset: (p - 1) * PAGE_SIZE }),
            size: 'small',
            showSizeChanger: false,
          }}
          columns={[
            { title: t('notify.day'), dataIndex: 'day', width: 100 },
            {
              title: t('notify.channel'),
              width: 110,
              render: (_, d) => pick(notificationChannelLabels[d.channel]),
            },
            {
              title: t('notify.recipient'),
              width: 140,
              render: (_, d) => (
                <>
                  {d.recipient}
                  {d.target && (
                    <div>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {d.target}
                      </Typography.Text>
                    </div>
                  )}
                </>
              ),
            },
            {
              title: t('notify.content'),
              render: (_, d) => (
                <Typography.Text style={{ overflowWrap: 'anywhere' }}>
                  {d.title}
                  {d.lastError && (
                    <div>
                      <Typography.Text type="danger" style={{ fontSize: 12 }}>
                        {t('notify.lastError')}:{d.lastError}
                      </Typography.Text>
                    </div>
                  )}
                </Typography.Text>
              ),
            },
            {
              title: t('notify.status'),
              width: 150,
              render: (_, d) => (
                <Space orientation="vertical" size={0}>
                  <Tag color={statusColor[d.status]}>{t(`notify.st.${d.status}` as MessageKey)}</Tag>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('notify.attempts')} {d.attempts}
                    {d.status === 'pending' &&
                      d.attempts > 0 &&
                      ` · ${t('notify.nextAttempt')} ${time(d.nextAttemptAt)}`}
                    {d.sentAt && ` · ${time(d.sentAt)}`}
                  </Typography.Text>
                </Space>
              ),
            },
            {
              title: '',
              width: 90,
              render: (_, d) =>
                d.status === 'failed' && (
                  <Button
                    size="small"
                    loading={retry.isPending && retry.variables === d.id}
                    onClick={() =>
                      retry.mutate(d.id, {
                        onSuccess: (r) =>
                          r.status === 'sent'
                            ? void message.success(t('notify.testOk'))
                            : void message.error(t('notify.testFailed', { error: r.lastError ?? '' })),
                        onError: (e) => void message.error(errorText(e)),
                      })
                    }
                  >
                    {t('notify.retry')}
                  </Button>
                ),
            },
          ]}
        />
      </Card>
      <Card size="small" title={t('notify.reminders')}>
        <Table
          size="small"
          rowKey="id"
          loading={reminders.isLoading}
          dataSource={reminders.data?.items ?? []}
          scroll={{ x: 640 }}
          pagination={{
            pageSize: PAGE_SIZE,
            total: reminders.data?.total,
            current: reminderOffset / PAGE_SIZE + 1,
            onChange: (p) => setReminderOffset((p - 1) * PAGE_SIZE),
            size: 'small',
            showSizeChanger: false,
          }}
          columns={[
            { title: t('notify.day'), dataIndex: 'day', width: 100 },
            { title: t('notify.recipient'), dataIndex: 'recipient', width: 140 },
            {
              title: t('notify.content'),
              dataIndex: 'text',
              render: (text: string) => <span style={{ overflowWrap: 'anywhere' }}>{text}</span>,
            },
            {
              title: t('notify.status'),
              width: 100,
              render: (_, r) => (
                <Tag color={r.digested ? 'green' : 'blue'}>
                  {t(r.digested ? 'notify.digested' : 'notify.waiting')}
                </Tag>
              ),
            },
          ]}
        />
      </Card>
    </Space>
  );
}
