import type { ReactNode } from 'react';
import { Typography } from 'antd';
import { LanguageSwitch } from './LanguageSwitch';
import { useI18n } from '../app/i18n/useI18n';

/** Frame of the pages shown before the main layout: login, first-run setup, password change. */
export function CenteredPage({ children, width = 400 }: { children: ReactNode; width?: number }) {
  const { t } = useI18n();
  return (
    <div
      style={{
        minHeight: '100vh',
        background: '#f5f5f5',
        padding: '16px 12px 32px',
        boxSizing: 'border-box',
      }}
    >
      <div style={{ display: 'flex', justifyContent: 'flex-end' }}>
        <LanguageSwitch size="small" />
      </div>
      <div style={{ maxWidth: width, margin: '24px auto 0' }}>
        <div style={{ textAlign: 'center', marginBottom: 20 }}>
          <div style={{ fontSize: 32, fontWeight: 700, color: '#c8161d', letterSpacing: 4 }}>
            {t('app.name')}
          </div>
          <Typography.Text type="secondary">{t('app.tagline')}</Typography.Text>
        </div>
        {children}
      </div>
    </div>
  );
}
