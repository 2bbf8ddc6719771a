import { useState } from 'react';
import { Alert, Button, Card, Form, Input } from 'antd';
import { useLogin, useMe } from './auth.api';
import { DemoAccountsCard } from './DemoAccountsCard';
import { CenteredPage } from '../../components/CenteredPage';
import { useErrorText } from '../../components/useErrorText';
import { useI18n } from '../../app/i18n/useI18n';
import { takeAuthNotice } from '../../app/queryClient';

interface LoginValues {
  username: string;
  password: string;
}

/** On success the session gate sees the new "me" and moves on; this page only collects the form. */
export function LoginPage() {
  const { t } = useI18n();
  const { data: me } = useMe();
  const login = useLogin();
  const errorText = useErrorText();
  const [form] = Form.useForm<LoginValues>();
  // Read once: why the previous session ended, if it did.
  const [notice] = useState(takeAuthNotice);

  return (
    <CenteredPage>
      <Card
        title={
          me?.organisationName ? `${me.organisationName} · ${t('auth.loginTitle')}` : t('auth.loginTitle')
        }
      >
        {notice && !login.isError && (
          <Alert type="warning" showIcon title={t('auth.sessionExpired')} style={{ marginBottom: 16 }} />
        )}
        {login.isError && (
          <Alert type="error" showIcon title={errorText(login.error)} style={{ marginBottom: 16 }} />
        )}
        <Form<LoginValues>
          form={form}
          layout="vertical"
          requiredMark={false}
          onFinish={(v) => login.mutate(v)}
        >
          <Form.Item
            name="username"
            label={t('auth.username')}
            rules={[
              {
                required: true,
                whitespace: true,
                message: t('common.required', { field: t('auth.username') }),
              },
            ]}
          >
            <Input autoComplete="username" autoFocus maxLength={64} />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('auth.password')}
            rules={[{ required: true, message: t('common.required', { field: t('auth.password') }) }]}
          >
            <Input.Password autoComplete="current-password" maxLength={256} />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={login.isPending}>
            {t('auth.login')}
          </Button>
        </Form>
      </Card>
      {me?.demo && (
        <DemoAccountsCard onPick={(username, password) => form.setFieldsValue({ username, password })} />
      )}
    </CenteredPage>
  );
}
