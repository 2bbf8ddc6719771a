/** One visible text in both languages, kept side by side so neither can be forgotten. */
export interface Bilingual {
  zh: string;
  en: string;
}

export type Lang = 'zh' | 'en';

export type MessageTable = Record<string, Bilingual>;
