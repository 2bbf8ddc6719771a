import type { FormRule } from 'antd';
import type { z } from 'zod';

/**
 * A form rule that checks a field with the API contract's own zod schema, so formats such as
 * usernames and phone numbers are defined once; the message is ours, in the current language.
 */
export function schemaRule(schema: z.ZodType, message: string): FormRule {
  return {
    validator: (_rule, value: unknown) =>
      value === undefined || value === null || value === '' || schema.safeParse(value).success
        ? Promise.resolve()
        : Promise.reject(new Error(message)),
  };
}
