import type { Grant } from '../../common/api/auth.js';

/** Who is calling, resolved from the session. Services authorize against this, never against HTTP. */
export interface Actor {
  userId: number;
  username: string;
  displayName: string;
  personId: number | null;
  grants: Grant[];
}

export interface RequestContext {
  actor: Actor | null;
  ip: string | null;
}

export interface AuthedContext extends RequestContext {
  actor: Actor;
}

// The role helpers are the policies' own, shared with the web.
export {
  branchReadScope,
  canReadBranch,
  committeeBranchIds,
  hasRole,
  isAdmin,
  isCommitteeFor,
  memberBranchIds,
  secretaryBranchIds,
  seesAllBranches,
  isGroupCommittee,
  isCompanyCommittee,
  committeeCompanyIds,
} from '../../common/policies/actor.js';
