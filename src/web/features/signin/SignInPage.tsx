import { Alert, Button, Card, Descriptions, Result, Spin } from 'antd';
import dayjs from 'dayjs';
import { useParams } from 'react-router';
import { useSignIn, useSignInInfo } from './signin.api';
import { ApiError } from '../../api/client';
import { useErrorText } from '../../components/useErrorText';
import { useI18n } from '../../app/i18n/useI18n';

/** Where a member's phone lands after scanning: one big button to confirm presence. */
export function SignInPage() {
  const { t } = useI18n();
  const errorText = useErrorText();
  const token = useParams().token ?? '';
  const info = useSignInInfo(token);
  const signIn = useSignIn(token);

  if (info.isPending) return <Spin style={{ display: 'block', margin: '48px auto' }} />;
  if (info.isError) {
    const expired = info.error instanceof ApiError && info.error.status === 410;
    return <Result status={expired ? 'warning' : 'error'} title={errorText(info.error)} />;
  }
  const i = info.data;
  const done = i.signedInAt !== null;

  return (
    <Card title={t('signin.title')} style={{ maxWidth: 480, margin: '0 auto' }}>
      <Descriptions column={1} size="small" style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('signin.meeting')}>{i.title}</Descriptions.Item>
        <Descriptions.Item label={t('signin.branch')}>{i.branchName}</Descriptions.Item>
        <Descriptions.Item label={t('signin.date')}>{i.occurredOn}</Descriptions.Item>
      </Descriptions>
      {done ? (
        <Result
          status="success"
          title={signIn.isSuccess ? t('signin.done') : t('signin.already')}
          subTitle={dayjs(i.signedInAt).format('YYYY-MM-DD HH:mm')}
        />
      ) : !i.expected ? (
        <Alert type="warning" showIcon title={t('signin.notExpected')} />
      ) : (
        <>
          {signIn.isError && (
            <Alert type="error" showIcon title={errorText(signIn.error)} style={{ marginBottom: 12 }} />
          )}
          <Button
            type="primary"
            size="large"
            block
            style={{ height: 64, fontSize: 20 }}
            loading={signIn.isPending}
            onClick={() => signIn.mutate()}
          >
            {t('signin.confirm')}
          </Button>
          <div style={{ marginTop: 8, textAlign: 'center' }}>
            {t('signin.expires', { time: dayjs(i.expiresAt).format('HH:mm') })}
          </div>
        </>
      )}
    </Card>
  );
}
