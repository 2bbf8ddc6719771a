import { createContext, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import type { Bilingual, Dictionary, Lang, MessageKey } from './types';

const STORAGE_KEY = 'duibiao.lang';

export interface I18n {
  lang: Lang;
  setLang: (lang: Lang) => void;
  /** A dictionary text; `{name}` placeholders are filled from `vars`. */
  t: (key: MessageKey, vars?: Record<string, string | number>) => string;
  /** The current language's half of a label, e.g. from src/common/enums.ts. */
  pick: (text: Bilingual) => string;
}

export const I18nContext = createContext<I18n | null>(null);

function initialLang(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh';
  } catch {
    // Private browsing may forbid storage; Chinese is the default anyway.
    return 'zh';
  }
}

/** `messages` is the dictionary `app/modules.ts` assembles from the web modules. */
export function I18nProvider({ messages, children }: { messages: Dictionary; children?: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);

  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Not persisted; the switch still works for this visit.
    }
  }, []);

  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    dayjs.locale(lang === 'zh' ? 'zh-cn' : 'en');
  }, [lang]);

  const value = useMemo<I18n>(() => {
    const pick = (text: Bilingual) => text[lang];
    const t = (key: MessageKey, vars?: Record<string, string | number>) => {
      const text = pick(messages[key]);
      if (!vars) return text;
      return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
    };
    return { lang, setLang, t, pick };
  }, [lang, setLang, messages]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}
