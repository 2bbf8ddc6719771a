import { taskStatuses, type TaskStatus } from '../../../common/actions.js';

type Camel<S extends string> = S extends `${infer Head}_${infer Tail}`
  ? `${Head}${Capitalize<Camel<Tail>>}`
  : S;

/**
 * How many tasks are in each status, named as the API names them (done_late → doneLate), and all
 * of them. Derived from the one list of statuses, so a new status is counted everywhere at once.
 */
export type StatusCounts = { total: number } & { [S in TaskStatus as Camel<S>]: number };

/** The count's name of a status: done_late → doneLate. */
export const countKey = <S extends TaskStatus>(status: S) =>
  status.replace(/_(\w)/g, (_, c: string) => c.toUpperCase()) as Camel<S>;

/** Every count at zero. */
export const noCounts = (): StatusCounts =>
  Object.fromEntries([['total', 0], ...taskStatuses.map((s) => [countKey(s), 0])]) as StatusCounts;

/** Counts a list of tasks by status (the matrix and the bulletin, which hold their tasks). */
export function countStatuses(tasks: { status: TaskStatus }[]): StatusCounts {
  const counts = noCounts();
  counts.total = tasks.length;
  for (const t of tasks) counts[countKey(t.status)]++;
  return counts;
}
