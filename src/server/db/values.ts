/**
 * The fields of a patch that are actually set. A patch may name nothing of a row (only its roles,
 * say); an UPDATE with nothing to set is then skipped rather than sent.
 */
export function definedOnly<T extends Record<string, unknown>>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export const isEmpty = (values: Record<string, unknown>) => Object.keys(values).length === 0;
