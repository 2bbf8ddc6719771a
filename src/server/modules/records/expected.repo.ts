import { and, asc, eq, gte, inArray, isNull, lte, or, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { branchPostTerms, partyGroups, people } from '../../db/schema/index.js';
import type { BranchPost, MemberStatus } from '../../../common/enums.js';

export interface ExpectedPerson {
  personId: number;
  name: string;
  memberStatus: MemberStatus;
  post: BranchPost | null;
}

/** Posts held on the day, for marking names in a list (书记, 委员…). */
const heldOn = (on: string): SQL =>
  and(
    lte(branchPostTerms.startedOn, on),
    or(isNull(branchPostTerms.endedOn), gte(branchPostTerms.endedOn, on)),
  )!;

/**
 * The branch committee on a date: active people holding a post of the branch that day, whatever
 * they hold now (someone holding two posts that day appears once, with the earlier one).
 */
export async function committeeOn(db: Db, branchId: number, on: string): Promise<ExpectedPerson[]> {
  return db
    .selectDistinctOn([people.id], {
      personId: people.id,
      name: people.name,
      memberStatus: people.memberStatus,
      post: branchPostTerms.post,
    })
    .from(branchPostTerms)
    .innerJoin(people, eq(people.id, branchPostTerms.personId))
    .where(and(eq(branchPostTerms.branchId, branchId), heldOn(on), eq(people.active, true)))
    .orderBy(asc(people.id), asc(branchPostTerms.startedOn));
}

/**
 * The branch's Party members (full and probationary) on a date, or only one Party group's: active
 * people of the branch who had joined the Party by then, with the branch post they held that day.
 */
export async function membersOn(
  db: Db,
  branchId: number,
  on: string,
  partyGroupId: number | null = null,
): Promise<ExpectedPerson[]> {
  const rows = await db
    .selectDistinctOn([people.id], {
      personId: people.id,
      name: people.name,
      memberStatus: people.memberStatus,
      post: branchPostTerms.post,
    })
    .from(people)
    .leftJoin(
      branchPostTerms,
      and(eq(branchPostTerms.personId, people.id), eq(branchPostTerms.branchId, branchId), heldOn(on)),
    )
    .where(
      and(
        eq(people.branchId, branchId),
        eq(people.active, true),
        inArray(people.memberStatus, ['full', 'probationary']),
        or(isNull(people.joinedPartyOn), lte(people.joinedPartyOn, on)),
        ...(partyGroupId === null ? [] : [eq(people.partyGroupId, partyGroupId)]),
      ),
    )
    .orderBy(asc(people.id), asc(branchPostTerms.startedOn));
  return rows;
}

/** Whether a Party group is an active group of the branch. */
export async function activeGroupOf(db: Db, groupId: number, branchId: number): Promise<boolean> {
  const [row] = await db
    .select({ id: partyGroups.id })
    .from(partyGroups)
    .where(
      and(eq(partyGroups.id, groupId), eq(partyGroups.branchId, branchId), eq(partyGroups.active, true)),
    );
  return !!row;
}
