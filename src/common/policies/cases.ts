import { hasRole, isCommitteeFor, type PolicyActor } from './actor.js';
import { canReadRecord } from './records.js';

/**
 * Exemplary cases (典型案例): approved optional actions the committee holds up. Unlike other
 * records of a branch, every branch role reads them, whichever branch it is of: sharing good
 * practice is their purpose.
 */
export const readsCases = (actor: PolicyActor) =>
  hasRole(actor, 'admin', 'committee', 'branch_secretary', 'member');

export function isVisibleCase(
  actor: PolicyActor,
  r: { kind: string; status: string; exemplary: boolean },
): boolean {
  return r.kind === 'optional' && r.status === 'approved' && r.exemplary && readsCases(actor);
}

/** The branch's committee (the group's, or its company's) marks a case, or takes the mark off. */
export const canMarkExemplary = (actor: PolicyActor, branchId: number) => isCommitteeFor(actor, branchId);

export interface CaseCan {
  /** Take the exemplary mark off. */
  unmark: boolean;
  /** Open the record itself, which stays with its branch (and the committee). */
  openRecord: boolean;
}

export function caseCan(actor: PolicyActor, c: { branchId: number }): CaseCan {
  return {
    unmark: canMarkExemplary(actor, c.branchId),
    openRecord: canReadRecord(actor, { branchId: c.branchId, kind: 'optional', data: {} }),
  };
}
