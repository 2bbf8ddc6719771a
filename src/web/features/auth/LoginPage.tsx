import { useState } from 'react';
import { Alert, Button, Card, Collapse, Divider, Form, Input, Typography } from 'antd';
import { useLocation } from 'react-router';
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
  // Where the session was lost: the company sign-in comes back there (the server keeps it on-site).
  const from = (useLocation().state as { from?: string } | null)?.from ?? '/';
  const sso = me?.signIn.sso;
  const breakGlass = me?.signIn.passwords === 'break_glass';

  const passwordForm = (
    <Form<LoginValues> form={form} layout="vertical" requiredMark={false} onFinish={(v) => login.mutate(v)}>
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
  );

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
        {sso && (
          <Button
            type="primary"
            size="large"
            block
            href={`/api/auth/oidc/start?returnTo=${encodeURIComponent(from)}`}
          >
            {sso.label ?? t('auth.sso')}
          </Button>
        )}
        {sso && !breakGlass && <Divider plain>{t('auth.or')}</Divider>}
        {breakGlass ? (
          <Collapse
            ghost
            style={{ marginTop: 16 }}
            items={[
              {
                key: 'password',
                label: t('auth.breakGlass'),
                children: (
                  <>
                    <Typography.Paragraph type="secondary">{t('auth.breakGlassHint')}</Typography.Paragraph>
                    {passwordForm}
                  </>
                ),
              },
            ]}
          />
        ) : (
          passwordForm
        )}
      </Card>
      {me?.demo && !breakGlass && (
        <DemoAccountsCard onPick={(username, password) => form.setFieldsValue({ username, password })} />
      )}
    </CenteredPage>
  );
}
