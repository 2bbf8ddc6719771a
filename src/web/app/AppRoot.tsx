import { useState } from 'react';
import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider, Grid, type ThemeConfig } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
import { RouterProvider } from 'react-router';
import { I18nProvider } from './i18n/I18nProvider';
import { useI18n } from './i18n/useI18n';
import { createQueryClient } from './queryClient';
import { router } from './router';
import { messages } from './modules';

/**
 * Party red as the primary colour, as on the organisation's own materials — but not on a focused or
 * hovered field: a red border there reads as a validation error. Fields keep antd's neutral blue,
 * so red stays the colour of an error (which also says what is wrong in text).
 */
const focusBlue = '#1677ff';
const focusShadow = '0 0 0 2px rgba(5, 145, 255, 0.1)';
const neutralFocus = { activeBorderColor: focusBlue, hoverBorderColor: '#4096ff', activeShadow: focusShadow };
const theme: ThemeConfig = {
  token: { colorPrimary: '#c8161d', borderRadius: 6 },
  components: {
    Input: neutralFocus,
    InputNumber: neutralFocus,
    DatePicker: neutralFocus,
    Mentions: neutralFocus,
    Select: {
      activeBorderColor: focusBlue,
      hoverBorderColor: '#4096ff',
      activeOutlineColor: 'rgba(5, 145, 255, 0.1)',
    },
  },
};
/** On a phone every pixel of width counts: cards get half the usual padding. */
const phoneTheme: ThemeConfig = {
  ...theme,
  components: {
    ...theme.components,
    Card: { bodyPadding: 12, headerPadding: 12, bodyPaddingSM: 8, headerPaddingSM: 8 },
  },
};

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
