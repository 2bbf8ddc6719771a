import { App, Alert, Button, Drawer, Form, Grid, Input, Select, Space, Typography } from 'antd';
import type { Structure } from '../../../common/api/org';
import type { Person } from '../../../common/api/people';
import { userBody, type GrantInput } from '../../../common/api/users';
import { useCreateUser, useUpdateUser, type User, type UserInput } from './users.api';
import { cleanGrant, grantToInput } from './grants';
import { GrantsEditor } from './GrantsEditor';
import { applyFieldErrors, validatedValues } from '../../components/formErrors';
import { requiredRule } from '../../components/formRules';
import { schemaRule } from '../../components/schemaRule';
import { strongPasswordRules } from '../../components/passwordRules';
import { useErrorText } from '../../components/useErrorText';
import { useI18n } from '../../app/i18n/useI18n';

type UserFormValues = Omit<UserInput, 'initialPassword' | 'grants'> & {
  initialPassword?: string;
  grants: GrantInput[];
};

interface Props {
  open: boolean;
  user?: User;
  structure: Structure;
  people: Person[];
  onClose: () => void;
}

export function UserDrawer({ open, user, structure, people, onClose }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const isPhone = !(Grid.useBreakpoint().sm ?? true);
  const [form] = Form.useForm<UserFormValues>();
  const create = useCreateUser();
  const update = useUpdateUser();

  // A person may have one account; people linked elsewhere are shown but cannot be picked.
  const personOptions = people
    .filter((p) => p.active || p.id === user?.personId)
    .map((p) => ({
      value: p.id,
      label: p.employeeNo ? `${p.name}(${p.employeeNo})` : p.name,
      disabled: p.username !== null && p.id !== user?.personId,
    }));

  const save = async () => {
    const values = await validatedValues(form);
    if (!values) return;
    const grants = values.grants.map(cleanGrant);
    const personId = values.personId ?? null;
    try {
      if (user) {
        await update.mutateAsync({
          id: user.id,
          patch: { displayName: values.displayName, personId, grants },
        });
      } else {
        await create.mutateAsync({
          ...values,
          personId,
          grants,
          initialPassword: values.initialPassword ?? '',
        });
      }
      void message.success(t('common.saved'));
      onClose();
    } catch (error) {
      applyFieldErrors(form, error);
      void message.error(errorText(error));
    }
  };

  return (
    <Drawer
      open={open}
      title={user ? t('users.edit') : t('users.new')}
      size={isPhone ? '100%' : 520}
      onClose={onClose}
      destroyOnHidden
      footer={
        <Space style={{ display: 'flex', justifyContent: 'flex-end' }}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={create.isPending || update.isPending} onClick={() => void save()}>
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      <Form<UserFormValues>
        form={form}
        layout="vertical"
        initialValues={
          user
            ? {
                username: user.username,
                displayName: user.displayName,
                personId: user.personId,
                grants: user.grants.map(grantToInput),
              }
            : { grants: [{ role: 'member' }] }
        }
        onValuesChange={(changed: Partial<UserFormValues>) => {
          // Picking a person fills an empty display name with the person's name.
          if (changed.personId && !form.getFieldValue('displayName')) {
            const person = people.find((p) => p.id === changed.personId);
            if (person) form.setFieldValue('displayName', person.name);
          }
        }}
      >
        <Form.Item
          name="username"
          label={t('users.username')}
          extra={user ? t('users.usernameFixed') : undefined}
          rules={
            user
              ? []
              : [
                  requiredRule(t, t('users.username')),
                  schemaRule(userBody.shape.username, t('users.usernameRule')),
                ]
          }
        >
          <Input maxLength={32} disabled={!!user} autoComplete="off" />
        </Form.Item>
        <Form.Item name="personId" label={t('users.person')} extra={t('users.personHint')}>
          <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={personOptions} />
        </Form.Item>
        <Form.Item
          name="displayName"
          label={t('users.displayName')}
          rules={[requiredRule(t, t('users.displayName'))]}
        >
          <Input maxLength={50} />
        </Form.Item>
        {!user && (
          <Form.Item
            name="initialPassword"
            label={t('users.initialPassword')}
            extra={`${t('common.passwordRule')} ${t('users.initialPasswordHint')}`}
            rules={strongPasswordRules(t, t('users.initialPassword'))}
          >
            <Input.Password maxLength={256} autoComplete="new-password" />
          </Form.Item>
        )}
        <Typography.Title level={5}>{t('users.roles')}</Typography.Title>
        <Alert type="info" title={t('users.intro')} style={{ marginBottom: 12 }} />
        <GrantsEditor structure={structure} />
      </Form>
    </Drawer>
  );
}
