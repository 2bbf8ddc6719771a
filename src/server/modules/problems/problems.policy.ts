import {
  hasRole,
  memberBranchIds,
  secretaryBranchIds,
  seesAllBranches,
  type Actor,
} from '../../lib/actor.js';
import { forbidden } from '../../lib/errors.js';
import type { ProblemRow, ProblemScope } from './problems.repo.js';

export const contactUnitIds = (a: Actor) =>
  a.grants
    .filter((g) => g.role === 'grassroots_contact' && g.grassrootsUnitId)
    .map((g) => g.grassrootsUnitId!);

/** Committee: all; a branch: its own and the unassigned ones; a unit's contact: the unit's. */
export function problemScope(actor: Actor): ProblemScope {
  if (seesAllBranches(actor)) return { all: true, branchIds: [], unitIds: [], unassigned: true };
  const scope = {
    all: false,
    branchIds: [...new Set(memberBranchIds(actor))],
    unitIds: contactUnitIds(actor),
    unassigned: secretaryBranchIds(actor).length > 0,
  };
  if (!scope.branchIds.length && !scope.unitIds.length) throw forbidden();
  return scope;
}

export function canReadProblem(actor: Actor, p: ProblemRow): boolean {
  let s: ProblemScope;
  try {
    s = problemScope(actor);
  } catch {
    return false;
  }
  if (s.all || s.unitIds.includes(p.unitId)) return true;
  if (p.branchId === null) return s.unassigned;
  return s.branchIds.includes(p.branchId);
}

export const canHandle = (actor: Actor, p: ProblemRow) =>
  p.branchId !== null && secretaryBranchIds(actor).includes(p.branchId);
export const isContactOf = (actor: Actor, unitId: number) => contactUnitIds(actor).includes(unitId);
export const isCommittee = (actor: Actor) => hasRole(actor, 'committee');
