import { useState } from 'react';
import { Alert, Button, Card, Collapse, Divider, Form, Input, Spin, Typography } from 'antd';
import { useLocation } from 'react-router';
import { useLogin, useMe } from './auth.api';
import { useWorkAppSignIn } from './useWorkAppSignIn';
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
  const directoryLogin = useLogin('directory');
  const errorText = useErrorText();
  const [form] = Form.useForm<LoginValues>();
  // Read once: why the previous session ended, if it did.
  const [notice] = useState(takeAuthNotice);
  // Where the session was lost: the company sign-in comes back there (the server keeps it on-site).
  const from = (useLocation().state as { from?: string } | null)?.from ?? '/';
  const sso = me?.signIn.sso;
  const directory = me?.signIn.directory ?? false;
  const breakGlass = me?.signIn.passwords === 'break_glass';
  const workApp = useWorkAppSignIn(me?.signIn, from);
  const failed = login.isError ? login.error : directoryLogin.isError ? directoryLogin.error : null;

  /** The name-and-password form: against the company directory, or this system's own accounts. */
  const nameAndPassword = (via: typeof login, own?: boolean) => (
    <Form<LoginValues>
      form={own ? undefined : form}
      layout="vertical"
      requiredMark={false}
      onFinish={(v) => {
        // One error at a time: the other form's failure no longer applies.
        (via === login ? directoryLogin : login).reset();
        via.mutate(v);
      }}
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
        <Input autoComplete="username" autoFocus={!own} maxLength={64} />
      </Form.Item>
      <Form.Item
        name="password"
        label={t('auth.password')}
        rules={[{ required: true, message: t('common.required', { field: t('auth.password') }) }]}
      >
        <Input.Password autoComplete="current-password" maxLength={256} />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={via.isPending}>
        {t('auth.login')}
      </Button>
    </Form>
  );
  const passwordForm = nameAndPassword(login, directory);

  return (
    <CenteredPage>
      <Card
        title={
          me?.organisationName ? `${me.organisationName} · ${t('auth.loginTitle')}` : t('auth.loginTitle')
        }
      >
        {notice && !failed && (
          <Alert type="warning" showIcon title={t('auth.sessionExpired')} style={{ marginBottom: 16 }} />
        )}
        {failed && <Alert type="error" showIcon title={errorText(failed)} style={{ marginBottom: 16 }} />}
        {workApp && !workApp.failed && (
          <div style={{ textAlign: 'center', padding: '24px 0' }} role="status">
            <Spin />
            <Typography.Paragraph style={{ marginTop: 12 }}>
              {t(workApp.app === 'dingtalk' ? 'auth.viaDingtalk' : 'auth.viaWecom')}
            </Typography.Paragraph>
          </div>
        )}
        {workApp?.failed != null && (
          <Alert
            type="error"
            showIcon
            title={t('auth.workAppFailed')}
            description={workApp.failed instanceof Error ? errorText(workApp.failed) : undefined}
            style={{ marginBottom: 16 }}
          />
        )}
        {directory && (
          <>
            <Typography.Paragraph type="secondary">{t('auth.directoryHint')}</Typography.Paragraph>
            {nameAndPassword(directoryLogin)}
          </>
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
        {sso && !breakGlass && !directory && <Divider plain>{t('auth.or')}</Divider>}
        {breakGlass || directory ? (
          <Collapse
            ghost
            style={{ marginTop: 16 }}
            items={[
              {
                key: 'password',
                label: breakGlass ? t('auth.breakGlass') : t('auth.localAccount'),
                children: (
                  <>
                    {breakGlass && (
                      <Typography.Paragraph type="secondary">{t('auth.breakGlassHint')}</Typography.Paragraph>
                    )}
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
      {me?.demo && !breakGlass && !directory && (
        <DemoAccountsCard onPick={(username, password) => form.setFieldsValue({ username, password })} />
      )}
    </CenteredPage>
  );
}
