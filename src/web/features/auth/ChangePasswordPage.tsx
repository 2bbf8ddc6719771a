import { Alert, App, Button, Card, Form, Input, Space, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { useChangePassword, useLogout, useSessionUser } from './auth.api';
import { CenteredPage } from '../../components/CenteredPage';
import { useErrorText } from '../../components/useErrorText';
import { applyFieldErrors } from '../../components/formErrors';
import { sameAsRule, strongPasswordRules } from '../../components/passwordRules';
import { useI18n } from '../../app/i18n/useI18n';

interface ChangeValues {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/** Forced after a first login or a reset (the gate allows nothing else), or chosen from the user menu. */
export function ChangePasswordPage() {
  const { t } = useI18n();
  const user = useSessionUser();
  const change = useChangePassword();
  const logout = useLogout();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<ChangeValues>();
  const forced = user.mustChangePassword;

  const submit = (values: ChangeValues) =>
    change.mutate(
      { currentPassword: values.currentPassword, newPassword: values.newPassword },
      {
        onSuccess: () => {
          void message.success(t('auth.changed'));
          navigate('/', { replace: true });
        },
        onError: (error) => applyFieldErrors(form, error),
      },
    );

  return (
    <CenteredPage width={440}>
      <Card title={t('auth.changeTitle')}>
        {forced && (
          <Alert type="warning" showIcon title={t('auth.changeForced')} style={{ marginBottom: 16 }} />
        )}
        {change.isError && (
          <Alert type="error" showIcon title={errorText(change.error)} style={{ marginBottom: 16 }} />
        )}
        <Typography.Paragraph type="secondary">{t('common.passwordRule')}</Typography.Paragraph>
        <Form<ChangeValues> form={form} layout="vertical" requiredMark={false} onFinish={submit}>
          {/* Lets password managers attach the new password to the right account. */}
          <input type="text" name="username" autoComplete="username" value={user.username} readOnly hidden />
          <Form.Item
            name="currentPassword"
            label={t('auth.currentPassword')}
            rules={[{ required: true, message: t('common.required', { field: t('auth.currentPassword') }) }]}
          >
            <Input.Password autoComplete="current-password" maxLength={256} />
          </Form.Item>
          <Form.Item
            name="newPassword"
            label={t('auth.newPassword')}
            rules={strongPasswordRules(t, t('auth.newPassword'))}
          >
            <Input.Password autoComplete="new-password" maxLength={256} />
          </Form.Item>
          <Form.Item
            name="confirm"
            label={t('common.confirmPassword')}
            dependencies={['newPassword']}
            rules={[
              { required: true, message: t('common.required', { field: t('common.confirmPassword') }) },
              sameAsRule(t, 'newPassword'),
            ]}
          >
            <Input.Password autoComplete="new-password" maxLength={256} />
          </Form.Item>
          <Space wrap>
            <Button type="primary" htmlType="submit" loading={change.isPending}>
              {t('common.save')}
            </Button>
            {forced ? (
              <Button onClick={() => logout.mutate()}>{t('common.logout')}</Button>
            ) : (
              <Button onClick={() => navigate(-1)}>{t('auth.back')}</Button>
            )}
          </Space>
        </Form>
      </Card>
    </CenteredPage>
  );
}
