import { AppError } from '../../lib/errors.js';

interface Named {
  id: number;
  name: string;
}

/** The branches whose name contains the search text (case ignored), in the order given. */
export function searchBranches<T extends Named>(branches: T[], q: string | undefined): T[] {
  const needle = q?.trim().toLowerCase();
  return needle ? branches.filter((b) => b.name.toLowerCase().includes(needle)) : branches;
}

/**
 * One page of the branches. Offset 0 is always a page, empty when nothing matches; any other
 * offset must start inside the list, so a stale link says so instead of showing an empty matrix.
 */
export function pageOf<T>(items: T[], offset: number, limit: number): T[] {
  if (offset > 0 && offset >= items.length) {
    throw new AppError(
      'PAGE_OUT_OF_RANGE',
      { offset, limit, total: items.length },
      `页码超出范围:共 ${items.length} 个支部,请回到第一页`,
    );
  }
  return items.slice(offset, offset + limit);
}
