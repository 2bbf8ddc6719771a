import {
  branchViewIds,
  contactUnitIds,
  hasRole,
  isCommitteeFor,
  leaderDepartmentIds,
  secretaryBranchIds,
} from './actor.js';
import { seesAllBranches, type PolicyActor } from './actor.js';

export interface RecordScope {
  all: boolean;
  branchIds: number[];
  leaderDepartmentIds: number[];
  contactUnitIds: number[];
}

/**
 * Who sees which records: the group's committee all, a company's committee its company's; a branch (secretary, committee members, Party
 * members) its own; a leader in charge the revisions of own departments; a grassroots contact
 * the problems of own unit. Null when the actor sees no records at all.
 */
export function recordScope(actor: PolicyActor): RecordScope | null {
  if (seesAllBranches(actor))
    return { all: true, branchIds: [], leaderDepartmentIds: [], contactUnitIds: [] };
  const scope: RecordScope = {
    all: false,
    branchIds: branchViewIds(actor),
    leaderDepartmentIds: leaderDepartmentIds(actor),
    contactUnitIds: contactUnitIds(actor),
  };
  if (!scope.branchIds.length && !scope.leaderDepartmentIds.length && !scope.contactUnitIds.length)
    return null;
  return scope;
}

export function canReadRecord(
  actor: PolicyActor,
  r: { branchId: number; kind: string; data: unknown },
): boolean {
  const s = recordScope(actor);
  if (!s) return false;
  if (s.all || s.branchIds.includes(r.branchId)) return true;
  const data = r.data as { departmentId?: number | null; unitId?: number | null };
  if (r.kind === 'rule_revision' && data.departmentId && s.leaderDepartmentIds.includes(data.departmentId))
    return true;
  return r.kind === 'grassroots_problem' && !!data.unitId && s.contactUnitIds.includes(data.unitId);
}

/** Records are written by the branch's secretary or committee members, nobody else. */
export function canWriteForBranch(actor: PolicyActor, branchId: number): boolean {
  return secretaryBranchIds(actor).includes(branchId);
}

/** Whether the actor reviews at all (has a review queue): a committee, the group's or a company's. */
export const reviewsRecords = (actor: PolicyActor) => hasRole(actor, 'committee');

/** The branch's committee reviews its records: the group's committee any branch's, a company's its own. */
export const canReview = (actor: PolicyActor, branchId: number) => isCommitteeFor(actor, branchId);

/**
 * The committee and administrators work from the review queue: a record they open leads back to
 * it, and they read its review context. A leader in charge opens records from the revisions.
 */
export const worksFromReviewQueue = (actor: PolicyActor) =>
  seesAllBranches(actor) || hasRole(actor, 'committee');

/**
 * The roles with a workbench open a branch's record there; the others (a leader in charge) open
 * it in the review area.
 */
export const opensRecordsInWorkbench = (actor: PolicyActor) =>
  hasRole(actor, 'admin', 'committee', 'branch_secretary', 'member');

/** A record can change (fields, attendance, evidence, sign-ins) only as a draft or when returned. */
export const isEditableStatus = (status: string) => status === 'draft' || status === 'returned';

export type RecordAction = 'edit' | 'review' | 'grade';

/** The facts about a record that decide whether its form and its review buttons are offered. */
export interface RecordFacts {
  branchId: number;
  status: string;
  leaderStatus: 'none' | 'pending' | 'approved' | 'returned';
  /** Nothing changes once the campaign has closed, whatever the record's own status. */
  campaignActive: boolean;
  /** The actor created, edited, submitted or added evidence to this version: someone else reviews it. */
  wroteIt: boolean;
}

export type RecordCan = Record<RecordAction, boolean>;

/**
 * The buttons the web shows on a record: its branch edits a draft or a returned record while the
 * campaign runs and no leader in charge holds it; the committee reviews a submitted record it did
 * not write, and grades (优/良/中/差, 亮点) an approved one.
 */
export function recordCan(actor: PolicyActor, r: RecordFacts): RecordCan {
  return {
    edit:
      canWriteForBranch(actor, r.branchId) &&
      isEditableStatus(r.status) &&
      r.leaderStatus !== 'pending' &&
      r.campaignActive,
    review: canReview(actor, r.branchId) && r.status === 'submitted' && !r.wroteIt,
    grade: canReview(actor, r.branchId) && r.status === 'approved',
  };
}
