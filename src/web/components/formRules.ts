import type { FormRule } from 'antd';
import type { I18n } from '../app/i18n/I18nProvider';

/** "Please fill in …", naming the field in the current language. Blank text counts as missing. */
export function requiredRule(t: I18n['t'], field: string): FormRule {
  return { required: true, whitespace: true, message: t('common.required', { field }) };
}

/** "Please choose …" for a select: its value is an id, where a whitespace check would misfire. */
export function requiredChoiceRule(t: I18n['t'], field: string): FormRule {
  return { required: true, message: t('common.requiredChoice', { field }) };
}
