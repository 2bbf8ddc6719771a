import type { ProblemState } from '../api/problems.js';
import {
  branchViewIds,
  contactUnitIds,
  isCommitteeFor,
  secretaryBranchIds,
  seesAllBranches,
} from './actor.js';
import type { PolicyActor } from './actor.js';

/** The facts about a problem that decide who may do what with it. */
export interface ProblemFacts {
  unitId: number;
  branchId: number | null;
  state: ProblemState;
}

export type ProblemAction = 'accept' | 'measure' | 'solve' | 'confirm' | 'confirmOnBehalf' | 'recheck';

export interface ProblemScope {
  all: boolean;
  branchIds: number[];
  unitIds: number[];
  unassigned: boolean;
}

/**
 * Committee: all; a branch: its own and the unassigned ones; a unit's contact: the unit's.
 * Null when the actor has no problem ledger at all.
 */
export function problemScope(actor: PolicyActor): ProblemScope | null {
  if (seesAllBranches(actor)) return { all: true, branchIds: [], unitIds: [], unassigned: true };
  const scope = {
    all: false,
    branchIds: branchViewIds(actor),
    unitIds: contactUnitIds(actor),
    unassigned: secretaryBranchIds(actor).length > 0,
  };
  return scope.branchIds.length || scope.unitIds.length ? scope : null;
}

export function canReadProblem(actor: PolicyActor, p: Pick<ProblemFacts, 'unitId' | 'branchId'>): boolean {
  const s = problemScope(actor);
  if (!s) return false;
  if (s.all || s.unitIds.includes(p.unitId)) return true;
  if (p.branchId === null) return s.unassigned;
  return s.branchIds.includes(p.branchId);
}

/** A grassroots contact raises for own unit; a branch secretary records one found on a visit. */
export function canRaise(actor: PolicyActor, on: { unitId: number; branchId?: number }): boolean {
  return on.branchId !== undefined
    ? secretaryBranchIds(actor).includes(on.branchId)
    : contactUnitIds(actor).includes(on.unitId);
}

/**
 * Whether the actor is the one who takes this step, whatever the problem's state: a branch
 * secretary accepts (into own branch: `branchId` is the branch taking it on) and handles it, the
 * unit's contact confirms, the committee confirms on the unit's behalf when it stays silent; the
 * unit or the branch records at 3 and 6 months whether it came back.
 */
export function can(
  actor: PolicyActor,
  action: ProblemAction,
  p: Pick<ProblemFacts, 'unitId' | 'branchId'>,
): boolean {
  switch (action) {
    case 'accept':
      return p.branchId === null
        ? secretaryBranchIds(actor).length > 0
        : secretaryBranchIds(actor).includes(p.branchId);
    case 'measure':
    case 'solve':
      return p.branchId !== null && secretaryBranchIds(actor).includes(p.branchId);
    case 'confirm':
      return contactUnitIds(actor).includes(p.unitId);
    case 'confirmOnBehalf':
      return isCommitteeFor(actor, p.branchId);
    case 'recheck':
      // Whether it came back: the unit that lives with it, or the branch that solved it.
      return (
        contactUnitIds(actor).includes(p.unitId) ||
        (p.branchId !== null && secretaryBranchIds(actor).includes(p.branchId))
      );
  }
}

/** The state each step starts from; a step in another state is refused with PROBLEM_STATE. */
export const problemStepFrom: Record<ProblemAction, ProblemState> = {
  accept: 'raised',
  measure: 'accepted',
  solve: 'accepted',
  confirm: 'solved',
  confirmOnBehalf: 'solved',
  recheck: 'confirmed',
};

export type ProblemCan = Record<ProblemAction, boolean>;

/** The buttons the web shows on a problem: the actor takes the step and the state allows it now. */
export function problemCan(actor: PolicyActor, p: ProblemFacts): ProblemCan {
  const flag = (a: ProblemAction) => p.state === problemStepFrom[a] && can(actor, a, p);
  return {
    accept: flag('accept'),
    measure: flag('measure'),
    solve: flag('solve'),
    confirm: flag('confirm'),
    confirmOnBehalf: flag('confirmOnBehalf'),
    recheck: flag('recheck'),
  };
}
