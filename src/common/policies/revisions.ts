import type { revisionStages } from '../api/revisions.js';
import { hasRole, isAdmin, type PolicyActor } from './actor.js';
import { canWriteForBranch } from './records.js';

type Stage = (typeof revisionStages)[number];

export type RevisionAction = 'sendToLeader' | 'leaderReview' | 'noteFollowup';

/** The facts about a rule revision that decide who may act on it. */
export interface RevisionFacts {
  branchId: number;
  departmentId: number | null | undefined;
  stage: Stage;
  /** The actor created, edited or sent this revision: then someone else reviews it. */
  wroteIt?: boolean;
}

/** The leader in charge of the department that owns the rule reviews it. */
export function leadsDepartment(actor: PolicyActor, departmentId: number | null | undefined): boolean {
  return (
    !!departmentId && actor.grants.some((g) => g.role === 'leader' && g.departmentIds.includes(departmentId))
  );
}

/**
 * Who takes each step, whatever the stage: the branch drafts, sends to the leader and notes the
 * follow-ups of the published rule; the leader in charge of the owning department reviews.
 */
export function can(
  actor: PolicyActor,
  action: RevisionAction,
  r: Pick<RevisionFacts, 'branchId' | 'departmentId'>,
): boolean {
  return action === 'leaderReview'
    ? leadsDepartment(actor, r.departmentId)
    : canWriteForBranch(actor, r.branchId);
}

export type RevisionCan = Record<RevisionAction, boolean>;

/** The buttons the web shows on a revision: the actor takes the step and the stage allows it now. */
export function revisionCan(actor: PolicyActor, r: RevisionFacts): RevisionCan {
  return {
    sendToLeader: (r.stage === 'drafting' || r.stage === 'leader_returned') && can(actor, 'sendToLeader', r),
    leaderReview: r.stage === 'leader_review' && !r.wroteIt && can(actor, 'leaderReview', r),
    noteFollowup: (r.stage === 'tracking' || r.stage === 'closed') && can(actor, 'noteFollowup', r),
  };
}

/** A leader in charge has revisions waiting for them: their list opens on those. */
export const hasLeaderQueue = (actor: PolicyActor) => hasRole(actor, 'leader');

/**
 * A leader in charge who neither reviews for the committee nor administers sees the revisions
 * waiting for them in the review area, not the committee's queue.
 */
export const reviewsOnlyRevisions = (actor: PolicyActor) =>
  hasLeaderQueue(actor) && !hasRole(actor, 'committee') && !isAdmin(actor);
