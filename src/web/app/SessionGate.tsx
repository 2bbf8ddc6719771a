import { Button, Result, Spin } from 'antd';
import { Navigate, Outlet, useLocation } from 'react-router';
import { SessionUserContext, useMe } from '../features/auth/auth.api';
import { useErrorText } from '../components/useErrorText';
import { useI18n } from './i18n/useI18n';
import { homePath, visibleAreas } from './navigation';

interface FromState {
  from?: string;
}

/**
 * Decides, from GET /auth/me alone, which of the four states the visitor is in: not set up,
 * signed out, bound to change a password, or signed in; and keeps them on the matching page.
 */
export function SessionGate() {
  const me = useMe();
  const location = useLocation();
  const { t } = useI18n();
  const errorText = useErrorText();
  const path = location.pathname;

  if (me.isPending) {
    return (
      <div style={{ minHeight: '100vh', display: 'grid', placeItems: 'center' }}>
        <Spin size="large" />
      </div>
    );
  }
  if (me.isError) {
    return (
      <Result
        status="warning"
        title={t('common.loadFailed')}
        subTitle={errorText(me.error)}
        extra={<Button onClick={() => void me.refetch()}>{t('common.retry')}</Button>}
      />
    );
  }

  const { setupRequired, authenticated, user } = me.data;
  if (setupRequired) return path === '/setup' ? <Outlet /> : <Navigate to="/setup" replace />;
  if (path === '/setup') return <Navigate to="/" replace />;

  if (!authenticated || !user) {
    // The sign-in page, and the page explaining a failed company sign-in.
    if (path === '/login' || path === '/login/sso-error') return <Outlet />;
    return <Navigate to="/login" replace state={{ from: path + location.search } satisfies FromState} />;
  }
  const signedIn = (
    <SessionUserContext.Provider value={user}>
      <Outlet />
    </SessionUserContext.Provider>
  );
  if (user.mustChangePassword) return path === '/password' ? signedIn : <Navigate to="/password" replace />;

  if (path.startsWith('/login')) {
    // Back to where the session was lost, if the new user may see it; otherwise home.
    const from = (location.state as FromState | null)?.from;
    const allowed = from && visibleAreas(user).some((a) => from.startsWith(a.path));
    return <Navigate to={allowed ? from : homePath(user)} replace />;
  }
  return signedIn;
}
