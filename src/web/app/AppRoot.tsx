import { useState } from 'react';
import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider, Grid } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
import { RouterProvider } from 'react-router';
import { I18nProvider } from './i18n/I18nProvider';
import { useI18n } from './i18n/useI18n';
import { createQueryClient } from './queryClient';
import { router } from './router';
import { messages } from './modules';
import { phoneTheme, theme } from './theme';

/**
 * Whoever asked their system for less motion (a vestibular disorder, a slow office computer) gets
 * none: menus, popovers and messages appear without their zoom and fade. Read once at start.
 */
const reducedMotion =
  typeof window !== 'undefined' && window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;

function LocalisedAntd() {
  const { lang } = useI18n();
  const isPhone = !(Grid.useBreakpoint().sm ?? true);
  const base = isPhone ? phoneTheme : theme;
  const themed = reducedMotion ? { ...base, token: { ...base.token, motion: false } } : base;
  return (
    <ConfigProvider locale={lang === 'zh' ? zhCN : enUS} theme={themed}>
      <AntApp>
        <RouterProvider router={router} />
      </AntApp>
    </ConfigProvider>
  );
}

export function AppRoot() {
  const [queryClient] = useState(createQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <I18nProvider messages={messages}>
        <LocalisedAntd />
      </I18nProvider>
    </QueryClientProvider>
  );
}
