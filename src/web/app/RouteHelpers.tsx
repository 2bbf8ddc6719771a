import { Button, Result } from 'antd';
import { Navigate, useNavigate, useRouteError } from 'react-router';
import { useSessionUser } from '../features/auth/auth.api';
import { useI18n } from './i18n/useI18n';
import { homePath } from './navigation';
import { isChunkLoadError } from './chunk-load-error';

export function HomeRedirect() {
  const user = useSessionUser();
  return <Navigate to={homePath(user)} replace />;
}

export function NotFoundPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title={t('common.notFoundTitle')}
      extra={<Button onClick={() => navigate('/')}>{t('common.backHome')}</Button>}
    />
  );
}

/** Last resort for a rendering failure: say so and offer a reload rather than a blank page. */
export function RouteErrorPage() {
  const error = useRouteError();
  const { t } = useI18n();
  const detail = isChunkLoadError(error)
    ? t('common.pageOutdated')
    : error instanceof Error
      ? error.message
      : String(error);
  return (
    <Result
      status="error"
      title={t('common.loadFailed')}
      subTitle={detail}
      extra={<Button onClick={() => window.location.reload()}>{t('common.retry')}</Button>}
    />
  );
}
