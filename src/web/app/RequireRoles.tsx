import type { ReactNode } from 'react';
import { Result } from 'antd';
import type { Role } from '../../common/roles';
import { useSessionUser } from '../features/auth/auth.api';
import { useI18n } from './i18n/useI18n';
import { hasRole } from '../../common/policies/actor';

/** A page for some roles only; others get a plain explanation instead of a broken page. */
export function RequireRoles({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const user = useSessionUser();
  const { t } = useI18n();
  if (!hasRole(user, ...roles)) {
    return <Result status="403" title={t('common.forbiddenTitle')} subTitle={t('common.forbiddenText')} />;
  }
  return children;
}
