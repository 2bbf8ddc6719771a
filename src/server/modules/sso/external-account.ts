import type { OidcRoleGrant } from '../../config-oidc.js';
import type { RequestContext } from '../../lib/actor.js';
import { writeAudit } from '../../lib/audit.js';
import { AppError } from '../../lib/errors.js';
import { hashPassword } from '../../lib/password.js';
import type { ServiceDeps } from '../../lib/service-deps.js';
import type { ErrorCode } from '../../../common/errors.js';
import { newToken } from '../auth/session-token.js';
import { grantsFor, sameGrant, type SsoIdentity } from './sso-claims.js';
import * as repo from './sso.repo.js';

/** What the administrator decided for people the company's identity service vouches for. */
export interface AccountPolicy {
  roleMap: Record<string, OidcRoleGrant>;
  createAccounts: boolean;
}

/** How the identity was vouched for, as recorded in the audit log. */
export type ExternalVia = 'oidc' | 'ldap' | 'dingtalk' | 'wecom';

type Deps = Pick<ServiceDeps, 'db' | 'config' | 'clock'>;

/**
 * The account of someone the company's sign-in (OIDC, the directory, DingTalk or WeCom) vouches
 * for: matched by employee number first (the person's account), then by mobile, then by username; created only where the policy
 * allows and the groups give a role. Shared by both ways so they match people alike.
 */
export async function accountFor(
  deps: Deps,
  ctx: RequestContext,
  identity: SsoIdentity,
  policy: AccountPolicy,
  via: ExternalVia,
): Promise<repo.SsoUser> {
  const { db, clock, config } = deps;
  const person =
    (identity.employeeNo ? await repo.findPersonByEmployeeNo(db, identity.employeeNo) : undefined) ??
    (identity.mobile ? await repo.findPersonByPhone(db, identity.mobile) : undefined);
  let user = person ? await repo.findUserByPerson(db, person.id) : undefined;
  if (!user && identity.username) user = await repo.findUserByUsername(db, identity.username);
  if (user) {
    if (!user.active) throw new AppError('ACCOUNT_DISABLED', { username: user.username });
    await addMappedGrants(deps, ctx, user, identity, policy, via, person?.branchId ?? null);
    return user;
  }
  const grants = grantsFor(identity, policy, person?.branchId ?? null);
  // A known Party member with no mapped group still gets what every member has: their branch.
  if (grants.length === 0 && person?.branchId && person.active)
    grants.push({ role: 'member', branchId: person.branchId, companyId: null });
  const username = identity.username ?? identity.employeeNo;
  if (!policy.createAccounts || !username || grants.length === 0 || (person && !person.active))
    throw new AppError('SSO_UNKNOWN_USER', {
      subject: identity.subject,
      username: identity.username,
      employeeNo: identity.employeeNo,
    });
  // The account never signs in with a password: its hash is of a secret nobody holds.
  const passwordHash = await hashPassword(newToken(), config.passwordHashCost);
  return db.transaction(async (tx) => {
    const created = await repo.insertUser(tx, {
      username,
      displayName: identity.name ?? person?.name ?? username,
      personId: person?.id ?? null,
      passwordHash,
    });
    await repo.insertGrants(tx, created.id, grants);
    await writeAudit(tx, ctx, clock, {
      action: 'user.create',
      entityType: 'user',
      entityId: created.id,
      after: { username, via, subject: identity.subject, personId: created.personId, grants },
    });
    return created;
  });
}

/**
 * Groups added at the company's identity service reach Duibiao at the next sign-in. Grants are
 * only added, never taken away here: an administrator may have given more than the groups say.
 */
async function addMappedGrants(
  deps: Deps,
  ctx: RequestContext,
  user: repo.SsoUser,
  identity: SsoIdentity,
  policy: AccountPolicy,
  via: ExternalVia,
  personBranchId: number | null,
): Promise<void> {
  const { db, clock } = deps;
  const mapped = grantsFor(identity, policy, personBranchId);
  if (mapped.length === 0) return;
  await db.transaction(async (tx) => {
    const held = await repo.grantsOfUser(tx, user.id);
    const added = mapped.filter((g) => !held.some((h) => sameGrant(h, g)));
    if (added.length === 0) return;
    await repo.insertGrants(tx, user.id, added);
    await writeAudit(tx, ctx, clock, {
      action: 'user.grants_added',
      entityType: 'user',
      entityId: user.id,
      after: { via, groups: identity.groups, added },
    });
  });
}

/** A refused company sign-in, audited without an actor (nobody is signed in yet). */
export async function auditSignInFailure(
  deps: Deps,
  ctx: RequestContext,
  action: string,
  entityType: string,
  code: ErrorCode,
  details: unknown,
): Promise<void> {
  await writeAudit(deps.db, { ...ctx, actor: null }, deps.clock, {
    action,
    entityType,
    after: { code, ...(typeof details === 'object' && details ? details : {}) },
  });
}
