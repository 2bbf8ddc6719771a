/** One visible text in both languages, kept side by side so neither can be forgotten. */
export interface Bilingual {
  zh: string;
  en: string;
}

export type Lang = 'zh' | 'en';

export type MessageTable = Record<string, Bilingual>;

/**
 * Every key of the assembled dictionary. It is empty here and filled by `app/modules.ts` (module
 * augmentation) from the web modules' messages, so a page can name its keys, typed, without
 * importing the dictionary (which imports every feature, and would make a cycle through the pages).
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by declaration merging
export interface MessageRegistry {}

export type MessageKey = keyof MessageRegistry & string;

/** The whole dictionary, as `app/modules.ts` assembles it and `I18nProvider` receives it. */
export type Dictionary = { readonly [K in MessageKey]: Bilingual };
