import { and, asc, desc, eq, gte, isNull, lte, ne, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { branches, branchPostTerms, people } from '../../db/schema/index.js';
import type { BranchPost } from '../../../common/enums.js';

export type PostTermRow = typeof branchPostTerms.$inferSelect;

const termColumns = {
  id: branchPostTerms.id,
  personId: branchPostTerms.personId,
  branchId: branchPostTerms.branchId,
  branchName: branches.name,
  post: branchPostTerms.post,
  startedOn: branchPostTerms.startedOn,
  endedOn: branchPostTerms.endedOn,
};

/** A person's posts, the latest first. */
export async function termsOf(db: Db, personId: number) {
  return db
    .select(termColumns)
    .from(branchPostTerms)
    .innerJoin(branches, eq(branches.id, branchPostTerms.branchId))
    .where(eq(branchPostTerms.personId, personId))
    .orderBy(desc(branchPostTerms.startedOn), desc(branchPostTerms.id));
}

export async function findTerm(db: Db, personId: number, id: number): Promise<PostTermRow | undefined> {
  const [row] = await db
    .select()
    .from(branchPostTerms)
    .where(and(eq(branchPostTerms.id, id), eq(branchPostTerms.personId, personId)));
  return row;
}

export async function openTerm(db: Db, personId: number): Promise<PostTermRow | undefined> {
  const [row] = await db
    .select()
    .from(branchPostTerms)
    .where(and(eq(branchPostTerms.personId, personId), isNull(branchPostTerms.endedOn)));
  return row;
}

export async function insertTerm(db: Db, values: typeof branchPostTerms.$inferInsert): Promise<number> {
  const [row] = await db.insert(branchPostTerms).values(values).returning({ id: branchPostTerms.id });
  return row!.id;
}

export async function updateTerm(
  db: Db,
  id: number,
  values: { post?: BranchPost; branchId?: number; startedOn?: string; endedOn?: string | null },
) {
  await db.update(branchPostTerms).set(values).where(eq(branchPostTerms.id, id));
}

export async function deleteTerm(db: Db, id: number) {
  await db.delete(branchPostTerms).where(eq(branchPostTerms.id, id));
}

/** Serialises changes to one person's posts (checks of overlap read, then write). */
export async function lockPerson(db: Db, personId: number) {
  await db.execute(sql`SELECT id FROM ${people} WHERE id = ${personId} FOR UPDATE`);
}

/** Serialises changes to one branch's committee (one secretary at a time). */
export async function lockBranch(db: Db, branchId: number) {
  await db.execute(sql`SELECT id FROM ${branches} WHERE id = ${branchId} FOR UPDATE`);
}

/** Terms of the person other than `exceptId` that share a day with [from, to] (to null = open). */
export async function overlappingTerms(
  db: Db,
  where: { personId?: number; branchId?: number; post?: BranchPost },
  from: string,
  to: string | null,
  exceptId: number | null,
) {
  const conditions = [
    or(isNull(branchPostTerms.endedOn), gte(branchPostTerms.endedOn, from))!,
    ...(to === null ? [] : [lte(branchPostTerms.startedOn, to)]),
    ...(where.personId === undefined ? [] : [eq(branchPostTerms.personId, where.personId)]),
    ...(where.branchId === undefined ? [] : [eq(branchPostTerms.branchId, where.branchId)]),
    ...(where.post === undefined ? [] : [eq(branchPostTerms.post, where.post)]),
    ...(exceptId === null ? [] : [ne(branchPostTerms.id, exceptId)]),
  ];
  return db
    .select({ ...termColumns, personName: people.name })
    .from(branchPostTerms)
    .innerJoin(branches, eq(branches.id, branchPostTerms.branchId))
    .innerJoin(people, eq(people.id, branchPostTerms.personId))
    .where(and(...conditions))
    .orderBy(asc(branchPostTerms.startedOn));
}

/** people.branch_post follows the open term: the one place the current post is read from quickly. */
export async function syncCurrentPost(db: Db, personId: number): Promise<BranchPost | null> {
  const open = await openTerm(db, personId);
  const post = open?.post ?? null;
  await db.update(people).set({ branchPost: post }).where(eq(people.id, personId));
  return post;
}

/** A past term may name a branch since retired, so any branch that exists will do. */
export async function branchExists(db: Db, id: number): Promise<boolean> {
  const [row] = await db.select({ id: branches.id }).from(branches).where(eq(branches.id, id));
  return !!row;
}
