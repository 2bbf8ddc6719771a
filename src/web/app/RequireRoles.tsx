import type { ReactNode } from 'react';
import { Result } from 'antd';
import type { NavEntry } from './module';
import { opens } from './navigation';
import { useSessionUser } from '../features/auth/auth.api';
import { useI18n } from './i18n/useI18n';

/** A page for some roles only; others get a plain explanation instead of a broken page. */
export function RequireRoles({
  area,
  children,
}: {
  area: Pick<NavEntry, 'roles' | 'allow'>;
  children: ReactNode;
}) {
  const user = useSessionUser();
  const { t } = useI18n();
  if (!opens(area, user)) {
    return <Result status="403" title={t('common.forbiddenTitle')} subTitle={t('common.forbiddenText')} />;
  }
  return children;
}
