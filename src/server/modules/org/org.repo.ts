import { and, asc, count, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { definedOnly, isEmpty } from '../../db/values.js';
import {
  branches,
  companies,
  departments,
  grassrootsUnits,
  organisation,
  partyGroups,
  people,
} from '../../db/schema/index.js';

export async function organisationName(db: Db): Promise<string | null> {
  const [row] = await db.select({ name: organisation.name }).from(organisation);
  return row?.name ?? null;
}

export async function readStructure(db: Db) {
  const [org] = await db.select().from(organisation);
  const memberCounts = await db
    .select({ branchId: people.branchId, n: count() })
    .from(people)
    .where(and(eq(people.active, true), inArray(people.memberStatus, ['full', 'probationary'])))
    .groupBy(people.branchId);
  const countOf = new Map(memberCounts.map((r) => [r.branchId, r.n]));
  const groupCounts = await db
    .select({ groupId: people.partyGroupId, n: count() })
    .from(people)
    .where(and(eq(people.active, true), inArray(people.memberStatus, ['full', 'probationary'])))
    .groupBy(people.partyGroupId);
  const groupCountOf = new Map(groupCounts.map((r) => [r.groupId, r.n]));
  const branchRows = await db.select().from(branches).orderBy(asc(branches.sortOrder), asc(branches.id));
  const companyRows = await db.select().from(companies).orderBy(asc(companies.sortOrder), asc(companies.id));
  const branchCount = (companyId: number) => branchRows.filter((b) => b.companyId === companyId).length;
  return {
    organisation: {
      name: org?.name ?? '',
      committeeName: org?.committeeName ?? '机关党委',
      committeeFullName: org?.committeeFullName ?? null,
    },
    companies: companyRows.map((c) => ({
      id: c.id,
      name: c.name,
      shortName: c.shortName,
      committeeName: c.committeeName,
      committeeFullName: c.committeeFullName,
      sortOrder: c.sortOrder,
      active: c.active,
      branchCount: branchCount(c.id),
    })),
    branches: branchRows.map((b) => ({
      id: b.id,
      companyId: b.companyId,
      name: b.name,
      shortName: b.shortName,
      sortOrder: b.sortOrder,
      active: b.active,
      memberCount: countOf.get(b.id) ?? 0,
    })),
    partyGroups: (
      await db
        .select({
          id: partyGroups.id,
          branchId: partyGroups.branchId,
          name: partyGroups.name,
          active: partyGroups.active,
        })
        .from(partyGroups)
        .orderBy(asc(partyGroups.id))
    ).map((g) => ({ ...g, memberCount: groupCountOf.get(g.id) ?? 0 })),
    departments: await db
      .select({
        id: departments.id,
        name: departments.name,
        kind: departments.kind,
        branchId: departments.branchId,
        active: departments.active,
      })
      .from(departments)
      .orderBy(asc(departments.id)),
    units: await db
      .select({
        id: grassrootsUnits.id,
        name: grassrootsUnits.name,
        kind: grassrootsUnits.kind,
        active: grassrootsUnits.active,
      })
      .from(grassrootsUnits)
      .orderBy(asc(grassrootsUnits.id)),
  };
}

/** The five editable tables of the organisation, addressed by one name each. */
export const orgTables = {
  company: companies,
  branch: branches,
  partyGroup: partyGroups,
  department: departments,
  unit: grassrootsUnits,
};
export type OrgEntity = keyof typeof orgTables;

export async function findOrgRow(
  db: Db,
  entity: OrgEntity,
  id: number,
): Promise<Record<string, unknown> | undefined> {
  const table = orgTables[entity];
  const [row] = await db.select().from(table).where(eq(table.id, id));
  return row;
}

export async function insertOrgRow(
  db: Db,
  entity: OrgEntity,
  values: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  const table = orgTables[entity];
  const [row] = await db
    .insert(table)
    .values(values as never)
    .returning();
  return row as Record<string, unknown>;
}

export async function updateOrgRow(
  db: Db,
  entity: OrgEntity,
  id: number,
  values: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  const table = orgTables[entity];
  const set = definedOnly(values);
  if (isEmpty(set)) return (await findOrgRow(db, entity, id))!;
  const [row] = await db
    .update(table)
    .set(set as never)
    .where(eq(table.id, id))
    .returning();
  return row as Record<string, unknown>;
}

export async function activeBranchExists(db: Db, id: number): Promise<boolean> {
  const [row] = await db
    .select({ id: branches.id })
    .from(branches)
    .where(and(eq(branches.id, id), eq(branches.active, true)));
  return !!row;
}

export async function activeCompanyExists(db: Db, id: number): Promise<boolean> {
  const [row] = await db
    .select({ id: companies.id })
    .from(companies)
    .where(and(eq(companies.id, id), eq(companies.active, true)));
  return !!row;
}

export async function companyCount(db: Db): Promise<number> {
  const [row] = await db.select({ n: count() }).from(companies);
  return row?.n ?? 0;
}

/** While the installation is one company, that company is the organisation: its names follow. */
export async function followOrganisation(
  db: Db,
  values: { name?: string; committeeName?: string; committeeFullName?: string | null },
): Promise<void> {
  const set = definedOnly(values);
  if (isEmpty(set) || (await companyCount(db)) !== 1) return;
  await db.update(companies).set(set).where(eq(companies.id, 1));
}

export async function updateOrganisation(
  db: Db,
  values: { name?: string; committeeName?: string; committeeFullName?: string | null },
) {
  const [before] = await db.select().from(organisation);
  const set = definedOnly(values);
  if (isEmpty(set)) return { before, after: before };
  const [after] = await db.update(organisation).set(set).where(eq(organisation.id, 1)).returning();
  return { before, after };
}
