import { Alert, Form, Input } from 'antd';
import { useResetPassword, type User } from './users.api';
import { EntityFormModal } from '../../components/EntityFormModal';
import { sameAsRule, strongPasswordRules } from '../../components/passwordRules';
import { requiredRule } from '../../components/formRules';
import { useI18n } from '../../app/i18n/useI18n';

interface ResetValues {
  newPassword: string;
  confirm: string;
}

/** The administrator sets a temporary password; the server makes the user change it at next login. */
export function ResetPasswordModal({ user, onClose }: { user: User | null; onClose: () => void }) {
  const { t } = useI18n();
  const reset = useResetPassword();

  return (
    <EntityFormModal<ResetValues>
      open={user !== null}
      title={t('users.resetTitle', { name: user?.displayName ?? '' })}
      onClose={onClose}
      onSubmit={(values) =>
        user
          ? reset.mutateAsync({ id: user.id, body: { newPassword: values.newPassword } })
          : Promise.resolve()
      }
    >
      <Alert type="warning" title={t('users.resetHint')} style={{ marginBottom: 16 }} />
      <Form.Item
        name="newPassword"
        label={t('auth.newPassword')}
        extra={t('common.passwordRule')}
        rules={strongPasswordRules(t, t('auth.newPassword'))}
      >
        <Input.Password maxLength={256} autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="confirm"
        label={t('common.confirmPassword')}
        dependencies={['newPassword']}
        rules={[requiredRule(t, t('common.confirmPassword')), sameAsRule(t, 'newPassword')]}
      >
        <Input.Password maxLength={256} autoComplete="new-password" />
      </Form.Item>
    </EntityFormModal>
  );
}
