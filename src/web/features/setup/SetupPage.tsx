import { Alert, Button, Card, Checkbox, Form, Input, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { setupBody } from '../../../common/api/setup';
import { setupApi } from '../../../common/api/setup.routes';
import { call } from '../../api/call';
import { meQueryKey } from '../auth/auth.api';
import { CenteredPage } from '../../components/CenteredPage';
import { useErrorText } from '../../components/useErrorText';
import { applyFieldErrors } from '../../components/formErrors';
import { schemaRule } from '../../components/schemaRule';
import { sameAsRule, strongPasswordRules } from '../../components/passwordRules';
import { useI18n } from '../../app/i18n/useI18n';
import { requiredRule } from '../../components/formRules';

type SetupValues = z.input<typeof setupBody> & { confirm: string };

/** First run only: the session gate shows this page while the server reports setupRequired. */
export function SetupPage() {
  const { t } = useI18n();
  const client = useQueryClient();
  const errorText = useErrorText();
  const [form] = Form.useForm<SetupValues>();
  const setup = useMutation({
    mutationFn: (body: z.input<typeof setupBody>) => call(setupApi.setup, { body }),
    // The server signs the new administrator in; the gate moves on when "me" changes.
    onSuccess: (me) => client.setQueryData(meQueryKey, me),
    onError: (error) => applyFieldErrors(form, error),
  });

  return (
    <CenteredPage width={520}>
      <Card title={t('setup.title')}>
        <Typography.Paragraph>{t('setup.intro')}</Typography.Paragraph>
        {setup.isError && (
          <Alert type="error" showIcon title={errorText(setup.error)} style={{ marginBottom: 16 }} />
        )}
        <Form<SetupValues>
          form={form}
          layout="vertical"
          initialValues={{ committeeName: '机关党委', adminUsername: 'admin', loadDemo: true }}
          onFinish={({ confirm: _confirm, ...body }) => setup.mutate(body)}
        >
          <Form.Item
            name="organisationName"
            label={t('setup.organisationName')}
            rules={[requiredRule(t, t('setup.organisationName'))]}
          >
            <Input maxLength={100} placeholder={t('setup.organisationNameHint')} />
          </Form.Item>
          <Form.Item
            name="committeeName"
            label={t('setup.committeeName')}
            rules={[requiredRule(t, t('setup.committeeName'))]}
          >
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item
            name="adminUsername"
            label={t('setup.adminUsername')}
            rules={[
              requiredRule(t, t('setup.adminUsername')),
              schemaRule(setupBody.shape.adminUsername, t('setup.adminUsernameRule')),
            ]}
          >
            <Input maxLength={32} autoComplete="username" />
          </Form.Item>
          <Form.Item
            name="adminDisplayName"
            label={t('setup.adminDisplayName')}
            rules={[requiredRule(t, t('setup.adminDisplayName'))]}
          >
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item
            name="adminPassword"
            label={t('setup.adminPassword')}
            extra={t('common.passwordRule')}
            rules={strongPasswordRules(t, t('setup.adminPassword'))}
          >
            <Input.Password maxLength={256} autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            name="confirm"
            label={t('common.confirmPassword')}
            dependencies={['adminPassword']}
            rules={[requiredRule(t, t('common.confirmPassword')), sameAsRule(t, 'adminPassword')]}
          >
            <Input.Password maxLength={256} autoComplete="new-password" />
          </Form.Item>
          <Form.Item name="loadDemo" valuePropName="checked" extra={t('setup.loadDemoHint')}>
            <Checkbox>{t('setup.loadDemo')}</Checkbox>
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={setup.isPending}>
            {t('setup.submit')}
          </Button>
        </Form>
      </Card>
    </CenteredPage>
  );
}
