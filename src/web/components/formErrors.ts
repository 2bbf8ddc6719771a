import type { FormInstance } from 'antd';
import { ApiError } from '../api/client';

/**
 * Puts the server's VALIDATION_FAILED messages under the matching form fields. The server names a
 * field like "body.grants.0.role"; the form names it ['grants', 0, 'role'].
 */
export function applyFieldErrors(form: FormInstance, error: unknown): void {
  if (!(error instanceof ApiError)) return;
  const fields = error.fieldIssues
    .map((issue) => {
      const parts = issue.path.split('.').filter((p) => p !== '');
      if (parts[0] === 'body') parts.shift();
      const name = parts.map((p) => (/^\d+$/.test(p) ? Number(p) : p));
      return { name, errors: [issue.message] };
    })
    .filter((f) => f.name.length > 0);
  if (fields.length) form.setFields(fields);
}

/**
 * The form's values, or null when a field is invalid: antd already shows the messages, so the
 * caller just stops; the first bad field is scrolled into view (long drawers on a phone).
 */
export async function validatedValues<T>(form: FormInstance<T>): Promise<T | null> {
  try {
    return await form.validateFields();
  } catch (error) {
    const first = (error as { errorFields?: { name: (string | number)[] }[] }).errorFields?.[0];
    if (first) form.scrollToField(first.name, { block: 'center' });
    return null;
  }
}
