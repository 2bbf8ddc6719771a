import { count } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import {
  branchPostTerms,
  branches,
  departments,
  grassrootsUnits,
  partyGroups,
  people,
  roleGrants,
  users,
} from '../../db/schema/index.js';
import { hashPassword } from '../../lib/password.js';
import {
  DEMO_PASSWORD,
  demoAccounts,
  demoBranches,
  demoPeople,
  demoPostTerms,
  demoUnits,
} from './demo-organisation.js';
import { setSetting } from './settings.repo.js';

/**
 * Loads the demo organisation into an installation that has no branches yet, inside the caller's
 * transaction. Returns false (and changes nothing) when branches already exist.
 */
export async function loadDemoOrganisation(tx: Db, hashCost: number): Promise<boolean> {
  const [existing] = await tx.select({ n: count() }).from(branches);
  if ((existing?.n ?? 0) > 0) return false;

  const branchIds: number[] = [];
  const groupIds: number[][] = [];
  const departmentIds: number[][] = [];
  for (const [i, b] of demoBranches.entries()) {
    const [row] = await tx
      .insert(branches)
      .values({ name: b.name, shortName: b.shortName, sortOrder: i + 1 })
      .returning({ id: branches.id });
    branchIds.push(row!.id);
    const groups = await tx
      .insert(partyGroups)
      .values(b.groups.map((name) => ({ branchId: row!.id, name })))
      .returning({ id: partyGroups.id });
    groupIds.push(groups.map((g) => g.id));
    const depts = await tx
      .insert(departments)
      .values(b.departments.map((d) => ({ ...d, branchId: row!.id })))
      .returning({ id: departments.id });
    departmentIds.push(depts.map((d) => d.id));
  }
  const units = await tx.insert(grassrootsUnits).values(demoUnits).returning({ id: grassrootsUnits.id });

  const personRows = await tx
    .insert(people)
    .values(
      demoPeople().map((p) => ({
        name: p.name,
        employeeNo: p.employeeNo,
        gender: p.gender,
        branchId: branchIds[p.branchIndex]!,
        partyGroupId: p.memberStatus === 'non_member' ? null : groupIds[p.branchIndex]![p.groupIndex]!,
        departmentId: departmentIds[p.branchIndex]![p.departmentIndex]!,
        memberStatus: p.memberStatus,
        branchPost: p.branchPost,
        phone: p.phone,
        joinedPartyOn: p.joinedPartyOn,
      })),
    )
    .returning({ id: people.id, name: people.name });
  await tx.insert(branchPostTerms).values(
    demoPostTerms().map((t) => {
      const p = demoPeople()[t.personIndex]!;
      return {
        personId: personRows[t.personIndex]!.id,
        branchId: branchIds[p.branchIndex]!,
        post: t.post,
        startedOn: t.startedOn,
        endedOn: t.endedOn,
      };
    }),
  );

  const passwordHash = await hashPassword(DEMO_PASSWORD, hashCost);
  for (const account of demoAccounts()) {
    const person = account.personIndex === null ? null : personRows[account.personIndex]!;
    const [user] = await tx
      .insert(users)
      .values({
        username: account.username,
        displayName: person?.name ?? account.displayName ?? account.username,
        personId: person?.id ?? null,
        passwordHash,
        mustChangePassword: false,
      })
      .returning({ id: users.id });
    await tx.insert(roleGrants).values(
      account.grants.map((g) => ({
        userId: user!.id,
        role: g.role,
        branchId: g.branchIndex === undefined ? null : branchIds[g.branchIndex]!,
        grassrootsUnitId: g.unitIndex === undefined ? null : units[g.unitIndex]!.id,
        departmentIds: (g.departmentRefs ?? []).map(([b, d]) => departmentIds[b]![d]!),
      })),
    );
  }
  await setSetting(tx, 'demo', true);
  return true;
}
