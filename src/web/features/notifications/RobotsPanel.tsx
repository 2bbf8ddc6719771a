import { useState } from 'react';
import { Alert, App, Button, Checkbox, Form, Input, Modal, Table, Typography } from 'antd';
import { useRobots, useSaveRobots, type BranchRobots } from './notifications.api';
import { useErrorText } from '../../components/useErrorText';
import { useI18n } from '../../app/i18n/useI18n';

interface Values {
  dingtalkWebhook: string;
  dingtalkSecret: string;
  clearSecret: boolean;
  wecomWebhook: string;
}

/** Each branch's DingTalk and WeCom group robots (the committee and administrators). */
export function RobotsPanel() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const robots = useRobots(true);
  const save = useSaveRobots();
  const [editing, setEditing] = useState<BranchRobots | null>(null);
  const [form] = Form.useForm<Values>();
  const url = (v: string | null) =>
    v ? (
      <Typography.Text ellipsis style={{ maxWidth: 220 }}>
        {v}
      </Typography.Text>
    ) : (
      <Typography.Text type="secondary">{t('notify.notSet')}</Typography.Text>
    );
  return (
    <>
      <Typography.Paragraph type="secondary">{t('notify.robotsIntro')}</Typography.Paragraph>
      {robots.error && <Alert type="error" title={errorText(robots.error)} />}
      <Table<BranchRobots>
        size="small"
        rowKey="branchId"
        loading={robots.isLoading}
        dataSource={robots.data?.items ?? []}
        pagination={false}
        scroll={{ x: 560 }}
        columns={[
          { title: t('notify.branch'), dataIndex: 'branchName', width: 140 },
          { title: t('notify.dingtalk'), render: (_, r) => url(r.dingtalkWebhook) },
          { title: t('notify.wecom'), render: (_, r) => url(r.wecomWebhook) },
          {
            title: '',
            width: 70,
            render: (_, r) => (
              <Button
                size="small"
                onClick={() => {
                  setEditing(r);
                  form.setFieldsValue({
                    dingtalkWebhook: r.dingtalkWebhook ?? '',
                    dingtalkSecret: '',
                    clearSecret: false,
                    wecomWebhook: r.wecomWebhook ?? '',
                  });
                }}
              >
                {t('notify.edit')}
              </Button>
            ),
          },
        ]}
      />
      <Modal
        open={!!editing}
        title={editing?.branchName}
        okText={t('notify.save')}
        confirmLoading={save.isPending}
        onCancel={() => setEditing(null)}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <Form<Values>
          form={form}
          layout="vertical"
          onFinish={(v) =>
            save.mutate(
              {
                branchId: editing!.branchId,
                dingtalkWebhook: v.dingtalkWebhook.trim() || null,
                ...(v.clearSecret
                  ? { dingtalkSecret: null }
                  : v.dingtalkSecret.trim()
                    ? { dingtalkSecret: v.dingtalkSecret.trim() }
                    : {}),
                wecomWebhook: v.wecomWebhook.trim() || null,
              },
              {
                onSuccess: () => {
                  void message.success(t('notify.saved'));
                  setEditing(null);
                },
                onError: (e) => void message.error(errorText(e)),
              },
            )
          }
        >
          <Form.Item name="dingtalkWebhook" label={`${t('notify.dingtalk')} · ${t('notify.webhook')}`}>
            <Input placeholder="https://oapi.dingtalk.com/robot/send?access_token=…" />
          </Form.Item>
          <Form.Item name="dingtalkSecret" label={t('notify.dingtalkSecret')}>
            <Input.Password
              autoComplete="off"
              placeholder={editing?.dingtalkHasSecret ? t('notify.secretSet') : 'SEC…'}
            />
          </Form.Item>
          {editing?.dingtalkHasSecret && (
            <Form.Item name="clearSecret" valuePropName="checked">
              <Checkbox>{t('notify.secretClear')}</Checkbox>
            </Form.Item>
          )}
          <Form.Item name="wecomWebhook" label={`${t('notify.wecom')} · ${t('notify.webhook')}`}>
            <Input placeholder="https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
