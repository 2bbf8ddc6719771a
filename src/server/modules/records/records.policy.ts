import {
  hasRole,
  memberBranchIds,
  secretaryBranchIds,
  seesAllBranches,
  type Actor,
} from '../../lib/actor.js';
import { forbidden } from '../../lib/errors.js';
import type { RecordScope } from './records.repo.js';

/**
 * Who sees which records: the committee all; a branch (secretary, committee members, Party
 * members) its own; a leader in charge the revisions of own departments; a grassroots contact
 * the problems of own unit.
 */
export function recordScope(actor: Actor): RecordScope {
  if (seesAllBranches(actor))
    return { all: true, branchIds: [], leaderDepartmentIds: [], contactUnitIds: [] };
  const scope: RecordScope = {
    all: false,
    branchIds: [...new Set(memberBranchIds(actor))],
    leaderDepartmentIds: actor.grants.filter((g) => g.role === 'leader').flatMap((g) => g.departmentIds),
    contactUnitIds: actor.grants
      .filter((g) => g.role === 'grassroots_contact' && g.grassrootsUnitId)
      .map((g) => g.grassrootsUnitId!),
  };
  if (!scope.branchIds.length && !scope.leaderDepartmentIds.length && !scope.contactUnitIds.length)
    throw forbidden();
  return scope;
}

export function canReadRecord(actor: Actor, r: { branchId: number; kind: string; data: unknown }): boolean {
  const s = safeRecordScope(actor);
  if (!s) return false;
  if (s.all || s.branchIds.includes(r.branchId)) return true;
  const data = r.data as { departmentId?: number | null; unitId?: number | null };
  if (r.kind === 'rule_revision' && data.departmentId && s.leaderDepartmentIds.includes(data.departmentId))
    return true;
  return r.kind === 'grassroots_problem' && !!data.unitId && s.contactUnitIds.includes(data.unitId);
}

/** Records are written by the branch's secretary or committee members, nobody else. */
export function canWriteForBranch(actor: Actor, branchId: number): boolean {
  return secretaryBranchIds(actor).includes(branchId);
}

export const canReview = (actor: Actor) => hasRole(actor, 'committee');

/** A record can change (fields, attendance, evidence, sign-ins) only as a draft or when returned. */
export const isEditableStatus = (status: string) => status === 'draft' || status === 'returned';

export function safeRecordScope(actor: Actor): RecordScope | null {
  try {
    return recordScope(actor);
  } catch {
    return null;
  }
}

export function assertCanReview(actor: Actor): void {
  if (!canReview(actor)) throw forbidden();
}
