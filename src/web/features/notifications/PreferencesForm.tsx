import { useEffect } from 'react';
import { Alert, App, Button, Form, Input, Switch, Typography } from 'antd';
import { usePreferences, useSavePreferences } from './notifications.api';
import { useErrorText } from '../../components/useErrorText';
import { useI18n } from '../../app/i18n/useI18n';

interface Values {
  inApp: boolean;
  email: boolean;
  emailAddress: string;
}

export function PreferencesForm() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const prefs = usePreferences();
  const save = useSavePreferences();
  const [form] = Form.useForm<Values>();
  useEffect(() => {
    // The register's address is only a suggestion: a secretary can edit it, so it must not receive
    // this person's mail until the person saves it here.
    if (prefs.data)
      form.setFieldsValue({
        ...prefs.data,
        emailAddress: prefs.data.emailAddress ?? prefs.data.personEmail ?? '',
      });
  }, [prefs.data, form]);
  return (
    <div style={{ maxWidth: 520 }}>
      <Typography.Paragraph type="secondary">{t('notify.digestNote')}</Typography.Paragraph>
      {prefs.data && !prefs.data.smtpConfigured && (
        <Alert type="info" title={t('notify.smtpMissing')} style={{ marginBottom: 12 }} />
      )}
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={(v) =>
          save.mutate(
            { inApp: v.inApp, email: v.email, emailAddress: v.emailAddress.trim() || null },
            {
              onSuccess: () => void message.success(t('notify.saved')),
              onError: (e) => void message.error(errorText(e)),
            },
          )
        }
      >
        <Form.Item name="inApp" label={t('notify.inApp')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item name="email" label={t('notify.email')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item name="emailAddress" label={t('notify.emailAddress')} rules={[{ type: 'email' }]}>
          <Input inputMode="email" placeholder={t('notify.emailPlaceholder')} />
        </Form.Item>
        {prefs.data && !prefs.data.emailAddress && prefs.data.personEmail && (
          <Alert type="info" title={t('notify.personEmailSuggested')} style={{ marginBottom: 12 }} />
        )}
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {t('notify.save')}
        </Button>
      </Form>
    </div>
  );
}
