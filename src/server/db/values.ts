/**
 * The fields of a patch that are actually set. A patch may name nothing of a row (only its roles,
 * say); an UPDATE with nothing to set is then skipped rather than sent.
 */
export function definedOnly<T extends Record<string, unknown>>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export const isEmpty = (values: Record<string, unknown>) => Object.keys(values).length === 0;

/**
 * The rows of a raw `db.execute` statement. Both drivers (node-postgres and PGlite) answer an
 * object with `rows`; drizzle types the answer by driver, so raw statements read it through here.
 */
export const resultRows = <T>(res: unknown): T[] => (res as { rows: T[] }).rows;
