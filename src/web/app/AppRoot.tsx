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

function LocalisedAntd() {
  const { lang } = useI18n();
  const isPhone = !(Grid.useBreakpoint().sm ?? true);
  return (
    <ConfigProvider locale={lang === 'zh' ? zhCN : enUS} theme={isPhone ? phoneTheme : theme}>
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
