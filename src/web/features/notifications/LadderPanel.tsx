import { useEffect, useState } from 'react';
import { Alert, App, Button, Form, InputNumber, Select, Switch, Typography } from 'antd';
import type { Ladder } from '../../../common/api/notifications';
import { useLadder, useSaveLadder } from './notifications.api';
import { useCampaigns } from '../campaigns/campaigns.api';
import { useErrorText } from '../../components/useErrorText';
import { useI18n } from '../../app/i18n/useI18n';

/** A campaign's reminder ladder (the committee and administrators). Empty number: that step is off. */
export function LadderPanel() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const campaigns = useCampaigns();
  const list = campaigns.data?.items ?? [];
  const [campaignId, setCampaignId] = useState<number | null>(null);
  const chosen = campaignId ?? list.find((c) => c.status === 'active')?.id ?? list[0]?.id ?? null;
  const ladder = useLadder(chosen);
  const save = useSaveLadder();
  const [form] = Form.useForm<Ladder>();
  useEffect(() => {
    if (ladder.data) form.setFieldsValue(ladder.data);
  }, [ladder.data, form]);
  const days = (max: number) => (
    <InputNumber min={1} max={max} placeholder={t('notify.ladder.off')} style={{ width: 120 }} />
  );
  return (
    <div style={{ maxWidth: 560 }}>
      <Typography.Paragraph type="secondary">{t('notify.ladder.intro')}</Typography.Paragraph>
      <Select
        style={{ width: '100%', marginBottom: 16 }}
        value={chosen ?? undefined}
        onChange={setCampaignId}
        placeholder={t('notify.campaign')}
        options={list.map((c) => ({ value: c.id, label: c.name }))}
      />
      {ladder.error && <Alert type="error" title={errorText(ladder.error)} />}
      {chosen !== null && (
        <Form<Ladder>
          form={form}
          layout="vertical"
          onFinish={(v) =>
            save.mutate(
              {
                campaignId: chosen,
                ladder: {
                  ...v,
                  escalateAfterDays: v.escalateAfterDays ?? null,
                  reviewWaitDays: v.reviewWaitDays ?? null,
                  confirmWaitDays: v.confirmWaitDays ?? null,
                },
              },
              {
                onSuccess: () => void message.success(t('notify.saved')),
                onError: (e) => void message.error(errorText(e)),
              },
            )
          }
        >
          <Form.Item name="enabled" label={t('notify.ladder.enabled')} valuePropName="checked">
            <Switch />
          </Form.Item>
          <Form.Item
            name="beforeDays"
            label={t('notify.ladder.beforeDays')}
            normalize={(values: (string | number)[]) =>
              [...new Set(values.map(Number).filter((n) => Number.isInteger(n) && n >= 1 && n <= 30))].sort(
                (a, b) => b - a,
              )
            }
          >
            <Select
              mode="tags"
              tokenSeparators={[',', ',', ' ']}
              options={[7, 5, 3, 1].map((d) => ({ value: d, label: String(d) }))}
            />
          </Form.Item>
          <Form.Item name="onDueDate" label={t('notify.ladder.onDueDate')} valuePropName="checked">
            <Switch />
          </Form.Item>
          <Form.Item name="escalateAfterDays" label={t('notify.ladder.escalate')}>
            {days(30)}
          </Form.Item>
          <Form.Item name="followups" label={t('notify.ladder.followups')} valuePropName="checked">
            <Switch />
          </Form.Item>
          <Form.Item name="reviewWaitDays" label={t('notify.ladder.reviewWait')}>
            {days(30)}
          </Form.Item>
          <Form.Item name="confirmWaitDays" label={t('notify.ladder.confirmWait')}>
            {days(60)}
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            {t('notify.save')}
          </Button>
        </Form>
      )}
    </div>
  );
}
