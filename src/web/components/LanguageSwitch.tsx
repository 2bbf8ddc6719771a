import { Segmented } from 'antd';
import { useI18n } from '../app/i18n/useI18n';
import type { Lang } from '../app/i18n/types';

/** 中 / EN toggle; the choice is remembered on this device. */
export function LanguageSwitch({ size = 'middle' }: { size?: 'small' | 'middle' }) {
  const { lang, setLang, t } = useI18n();
  return (
    <Segmented<Lang>
      size={size}
      aria-label={t('common.language')}
      value={lang}
      onChange={setLang}
      options={[
        { label: '中', value: 'zh', title: t('common.langZh') },
        { label: 'EN', value: 'en', title: t('common.langEn') },
      ]}
    />
  );
}
