import type { FormRule } from 'antd';
import { isWeakPassword } from '../../common/api/auth';
import type { I18n } from '../app/i18n/I18nProvider';

/** The product's password rule (shared with the server), as antd form rules. */
export function strongPasswordRules(t: I18n['t'], field: string): FormRule[] {
  return [
    { required: true, message: t('common.required', { field }) },
    {
      validator: (_rule, value: unknown) =>
        typeof value === 'string' && value !== '' && isWeakPassword(value)
          ? Promise.reject(new Error(t('common.passwordWeak')))
          : Promise.resolve(),
    },
  ];
}

/** "Confirm password" must repeat the field named `otherField`. */
export function sameAsRule(t: I18n['t'], otherField: string): FormRule {
  return ({ getFieldValue }) => ({
    validator: (_rule, value: unknown) =>
      !value || value === getFieldValue(otherField)
        ? Promise.resolve()
        : Promise.reject(new Error(t('common.passwordMismatch'))),
  });
}
