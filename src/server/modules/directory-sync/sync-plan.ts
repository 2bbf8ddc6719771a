import type { DirectoryEntry } from './directory-entries.js';

export type MoveKind = 'linked' | 'joined' | 'moved' | 'left' | 'transferred' | 'returned';

/** A person of the organisation with an employee number, as the sync compares them. */
export interface KnownPerson {
  id: number;
  employeeNo: string;
  name: string;
  phone: string | null;
  branchId: number | null;
  departmentId: number | null;
  active: boolean;
  /** The last change the directory made to them; null: the directory has never kept them. */
  lastMove: MoveKind | null;
}
export interface KnownDepartment {
  id: number;
  name: string;
  branchId: number | null;
  active: boolean;
}
export interface KnownBranch {
  id: number;
  name: string;
  shortName: string | null;
  active: boolean;
}

/** Where the directory puts a person: their branch and department (by name), name and mobile. */
export interface Placement {
  name: string;
  phone: string | null;
  branchId: number;
  department: string | null;
}

export type DepartmentChange =
  | { kind: 'add'; name: string; branchId: number }
  | { kind: 'move'; id: number; name: string; fromBranchId: number | null; toBranchId: number };

export type PersonChange =
  | { kind: 'joined'; employeeNo: string; to: Placement }
  /** linked: first found in the directory; updated: only name or mobile changed. */
  | { kind: 'linked' | 'moved' | 'updated' | 'returned'; person: KnownPerson; to: Placement }
  | { kind: 'left' | 'transferred'; person: KnownPerson };

export interface SyncPlan {
  departments: DepartmentChange[];
  people: PersonChange[];
  /** Entries the sync could not use, with why (no employee number, one number twice). */
  skipped: { dn: string; reason: 'no_employee_no' | 'duplicate_employee_no' | 'no_name' }[];
}

/** The branch of an entry: the nearest OU above it that the map names (by name or whole DN). */
export function branchOf(
  entry: DirectoryEntry,
  branchMap: Record<string, string>,
  branches: KnownBranch[],
): number | null {
  for (const ou of entry.ous) {
    const target = branchMap[ou.dn] ?? branchMap[ou.name];
    if (target === undefined) continue;
    const branch = branches.find((b) => b.active && (b.name === target || b.shortName === target));
    if (!branch) throw new UnknownBranchError(target);
    return branch.id;
  }
  return null;
}

export class UnknownBranchError extends Error {
  constructor(readonly branch: string) {
    super(`LDAP_SYNC_BRANCHES names a branch that does not exist or is inactive: ${branch}`);
  }
}

/**
 * What a sync would change, from the directory's people and the organisation as it is: pure, so
 * the dry run prints exactly what the real run writes. People are matched by employee number;
 * only people the directory has kept (found there before) are marked left when it loses them.
 */
export function planSync(
  entries: DirectoryEntry[],
  branchMap: Record<string, string>,
  org: { branches: KnownBranch[]; departments: KnownDepartment[]; people: KnownPerson[] },
): SyncPlan {
  const plan: SyncPlan = { departments: [], people: [], skipped: [] };
  const counts = new Map<string, number>();
  for (const e of entries) if (e.employeeNo) counts.set(e.employeeNo, (counts.get(e.employeeNo) ?? 0) + 1);
  const seen = new Set<string>();
  const deptByName = new Map(org.departments.map((d) => [d.name, d]));
  const deptName = (id: number | null) => org.departments.find((d) => d.id === id)?.name ?? null;
  const personByNo = new Map(org.people.map((p) => [p.employeeNo, p]));
  const deptTarget = new Map<string, number>();

  // Sorted by DN, so a department claimed by two branches goes to the same one every night.
  for (const entry of [...entries].sort((a, b) => (a.dn < b.dn ? -1 : a.dn > b.dn ? 1 : 0))) {
    const no = entry.employeeNo;
    if (!no) {
      plan.skipped.push({ dn: entry.dn, reason: 'no_employee_no' });
      continue;
    }
    if (counts.get(no)! > 1) {
      plan.skipped.push({ dn: entry.dn, reason: 'duplicate_employee_no' });
      // Neither entry is believed; the person is not lost either.
      seen.add(no);
      continue;
    }
    seen.add(no);
    const branchId = branchOf(entry, branchMap, org.branches);
    const known = personByNo.get(no);
    if (branchId === null) {
      // Outside every mapped OU: not a person of the branches (any more).
      if (known?.active && known.lastMove !== null) plan.people.push({ kind: 'transferred', person: known });
      continue;
    }
    if (!entry.name) {
      plan.skipped.push({ dn: entry.dn, reason: 'no_name' });
      continue;
    }
    const to: Placement = { name: entry.name, phone: entry.mobile, branchId, department: entry.department };
    if (to.department && !deptTarget.has(to.department)) {
      deptTarget.set(to.department, branchId);
      const dept = deptByName.get(to.department);
      if (!dept) plan.departments.push({ kind: 'add', name: to.department, branchId });
      else if (dept.branchId !== branchId || !dept.active)
        plan.departments.push({
          kind: 'move',
          id: dept.id,
          name: dept.name,
          fromBranchId: dept.branchId,
          toBranchId: branchId,
        });
    }
    if (!known) {
      plan.people.push({ kind: 'joined', employeeNo: no, to });
      continue;
    }
    const gone = known.lastMove === 'left' || known.lastMove === 'transferred';
    // Someone an administrator made inactive stays so; only those the directory let go come back.
    if (!known.active && !gone) continue;
    const moved = known.branchId !== branchId || deptName(known.departmentId) !== to.department;
    const renamed = known.name !== to.name || (to.phone !== null && known.phone !== to.phone);
    if (!known.active) plan.people.push({ kind: 'returned', person: known, to });
    else if (known.lastMove === null) plan.people.push({ kind: 'linked', person: known, to });
    else if (moved) plan.people.push({ kind: 'moved', person: known, to });
    else if (renamed) plan.people.push({ kind: 'updated', person: known, to });
  }
  for (const p of org.people)
    if (p.active && p.lastMove !== null && !seen.has(p.employeeNo))
      plan.people.push({ kind: 'left', person: p });
  return plan;
}

/** Whether a plan changes anything. */
export const planIsEmpty = (plan: SyncPlan) => plan.departments.length === 0 && plan.people.length === 0;
