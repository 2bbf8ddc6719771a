import { isGroupCommittee, seesAllBranches, type PolicyActor } from './actor.js';
import { recordScope } from './records.js';

/**
 * The annual summary is the committee's document about every branch: the committee (and the
 * administrator) read and edit it. Meeting records follow the record's own visibility, bulletins
 * the dashboard's (a branch gets its own copy unless the campaign shares rankings).
 */
export const canReadSummary = (actor: PolicyActor) => seesAllBranches(actor);
export const canEditSummary = (actor: PolicyActor) => seesAllBranches(actor);

/**
 * Issuing (印发) a bulletin or the summary is the committee's act: it numbers and dates a document
 * of record in the committee's name. The issued files hold every branch's facts (returns and their
 * reasons, problems), so only those who read the whole picture list and download them.
 */
export const canIssueDocuments = (actor: PolicyActor) => isGroupCommittee(actor);
export const canReadIssuedDocuments = (actor: PolicyActor) => seesAllBranches(actor);

/**
 * A branch's meeting record book (会议记录本) holds every meeting of the branch: those who read the
 * branch's records read it — the committee any branch's, a branch its own.
 */
export function canReadMeetingBook(actor: PolicyActor, branchId: number): boolean {
  const scope = recordScope(actor);
  return !!scope && (scope.all || scope.branchIds.includes(branchId));
}
