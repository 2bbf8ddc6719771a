import { and, asc, count, eq, inArray, min } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { branches, records } from '../../db/schema/index.js';

/** Submitted records counted per branch and period, the branch-month waiting longest first. */
/** Branch-months with submitted records, of the given branches ('all': every branch). */
export async function waitingByBranchMonth(db: Db, branchIds: 'all' | number[]) {
  const firstSubmittedAt = min(records.submittedAt);
  const rows = await db
    .select({
      branchId: records.branchId,
      branchName: branches.name,
      periodKey: records.periodKey,
      waiting: count(),
      firstSubmittedAt,
    })
    .from(records)
    .innerJoin(branches, eq(branches.id, records.branchId))
    .where(
      and(
        eq(records.status, 'submitted'),
        branchIds === 'all' ? undefined : inArray(records.branchId, branchIds.length ? branchIds : [-1]),
      ),
    )
    .groupBy(records.branchId, branches.name, records.periodKey)
    .orderBy(asc(firstSubmittedAt), asc(records.branchId));
  return rows.flatMap((r) =>
    r.periodKey && r.firstSubmittedAt
      ? [{ ...r, periodKey: r.periodKey, firstSubmittedAt: r.firstSubmittedAt }]
      : [],
  );
}

export async function branchNameOf(db: Db, branchId: number): Promise<string | undefined> {
  const [row] = await db.select({ name: branches.name }).from(branches).where(eq(branches.id, branchId));
  return row?.name;
}
