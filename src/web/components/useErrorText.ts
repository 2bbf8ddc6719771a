import { useCallback } from 'react';
import { ApiError } from '../api/client';
import { useI18n } from '../app/i18n/useI18n';

/** Turns any failure into the text to show, in the current language. */
export function useErrorText(): (error: unknown) => string {
  const { lang } = useI18n();
  return useCallback(
    (error: unknown) => {
      if (error instanceof ApiError) {
        const main = lang === 'zh' ? error.messageZh : error.messageEn;
        // Field messages come in Chinese only; in English they still beat a bare "not valid".
        const fields = error.fieldIssues.map((i) => i.message);
        return fields.length ? `${main}:${fields.join(';')}` : main;
      }
      if (error instanceof Error && error.message) return error.message;
      return lang === 'zh' ? '操作失败,请稍后再试' : 'Something went wrong; try again later';
    },
    [lang],
  );
}
