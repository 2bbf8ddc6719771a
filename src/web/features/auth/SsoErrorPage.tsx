import { Button, Card, Result } from 'antd';
import { useSearchParams } from 'react-router';
import { errorCatalog, type ErrorCode } from '../../../common/errors';
import { CenteredPage } from '../../components/CenteredPage';
import { useI18n } from '../../app/i18n/useI18n';

/**
 * Where a failed company sign-in lands (the server redirects here with the error code): what
 * happened in plain words, and the way forward. Someone the provider knows but Duibiao does not
 * is told whom to ask, not shown an error.
 */
export function SsoErrorPage() {
  const { t, lang } = useI18n();
  const [params] = useSearchParams();
  const raw = params.get('code') ?? '';
  const code: ErrorCode = raw in errorCatalog ? (raw as ErrorCode) : 'SSO_FAILED';
  const unknown = code === 'SSO_UNKNOWN_USER' || code === 'ACCOUNT_DISABLED';
  const message = lang === 'zh' ? errorCatalog[code].zh : errorCatalog[code].en;
  return (
    <CenteredPage width={480}>
      <Card>
        <Result
          status={unknown ? 'info' : 'warning'}
          title={unknown ? t('auth.ssoUnknownTitle') : t('auth.ssoErrorTitle')}
          subTitle={
            <>
              <div>{message}</div>
              {code === 'SSO_UNKNOWN_USER' && <div style={{ marginTop: 8 }}>{t('auth.ssoUnknownHint')}</div>}
            </>
          }
          extra={[
            !unknown && (
              <Button key="retry" type="primary" href="/api/auth/oidc/start">
                {t('auth.ssoRetry')}
              </Button>
            ),
            <Button key="back" href="/login">
              {t('auth.backToLogin')}
            </Button>,
          ]}
        />
      </Card>
    </CenteredPage>
  );
}
