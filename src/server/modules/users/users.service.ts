import type { z } from 'zod';
import { isWeakPassword } from '../../../common/api/auth.js';
import type { userBody, userPatch } from '../../../common/api/users.js';
import type { ServiceDeps } from '../../lib/service-deps.js';
import type { AuthedContext } from '../../lib/actor.js';
import { AppError, isUniqueViolation, notFound } from '../../lib/errors.js';
import { hashPassword } from '../../lib/password.js';
import { writeAudit } from '../../lib/audit.js';
import type { Db } from '../../db/client.js';
import { endSessionsOf } from '../auth/sessions.js';
import * as repo from './users.repo.js';
import { normaliseGrants } from './grants.js';
import { assertCanManageUsers } from './users.policy.js';

export class UsersService {
  constructor(private readonly deps: Pick<ServiceDeps, 'db' | 'config' | 'clock'>) {}

  async list(ctx: AuthedContext) {
    assertCanManageUsers(ctx.actor);
    return { items: await repo.listUsers(this.deps.db) };
  }

  /** New accounts get an initial password that must be changed at first login. */
  async create(ctx: AuthedContext, input: z.output<typeof userBody>) {
    assertCanManageUsers(ctx.actor);
    if (isWeakPassword(input.initialPassword)) throw new AppError('PASSWORD_WEAK');
    const passwordHash = await hashPassword(input.initialPassword, this.deps.config.passwordHashCost);
    const id = await this.write(async (tx) => {
      const grants = await normaliseGrants(tx, input.grants);
      await this.checkPerson(tx, input.personId ?? null);
      const newId = await repo.insertUser(tx, {
        username: input.username,
        displayName: input.displayName,
        personId: input.personId ?? null,
        passwordHash,
        mustChangePassword: true,
      });
      await repo.replaceGrants(tx, newId, grants);
      await writeAudit(tx, ctx, this.deps.clock, {
        action: 'user.create',
        entityType: 'user',
        entityId: newId,
        after: await repo.getUser(tx, newId),
      });
      return newId;
    });
    return (await repo.getUser(this.deps.db, id))!;
  }

  async update(ctx: AuthedContext, id: number, patch: z.output<typeof userPatch>) {
    assertCanManageUsers(ctx.actor);
    await this.write(async (tx) => {
      const before = await repo.getUser(tx, id);
      if (!before) throw notFound();
      const grants = patch.grants ? await normaliseGrants(tx, patch.grants) : undefined;
      const losesAdmin =
        before.grants.some((g) => g.role === 'admin') &&
        (patch.active === false || (grants && !grants.some((g) => g.role === 'admin')));
      if (losesAdmin && (await repo.otherActiveAdmins(tx, id)) === 0) throw new AppError('LAST_ADMIN');
      if (patch.personId !== undefined) await this.checkPerson(tx, patch.personId);
      await repo.updateUser(tx, id, {
        displayName: patch.displayName,
        personId: patch.personId,
        active: patch.active,
      });
      if (grants) await repo.replaceGrants(tx, id, grants);
      // A disabled account, or one whose roles changed, starts from a fresh session.
      if (patch.active === false || grants) await endSessionsOf(tx, id);
      await writeAudit(tx, ctx, this.deps.clock, {
        action: patch.active === false ? 'user.deactivate' : 'user.update',
        entityType: 'user',
        entityId: id,
        before,
        after: await repo.getUser(tx, id),
      });
    });
    return (await repo.getUser(this.deps.db, id))!;
  }

  async resetPassword(ctx: AuthedContext, id: number, newPassword: string): Promise<void> {
    assertCanManageUsers(ctx.actor);
    if (isWeakPassword(newPassword)) throw new AppError('PASSWORD_WEAK');
    const passwordHash = await hashPassword(newPassword, this.deps.config.passwordHashCost);
    await this.deps.db.transaction(async (tx) => {
      if (!(await repo.getUser(tx, id))) throw notFound();
      await repo.updateUser(tx, id, {
        passwordHash,
        mustChangePassword: true,
        failedLogins: 0,
        lockedUntil: null,
      });
      await endSessionsOf(tx, id);
      await writeAudit(tx, ctx, this.deps.clock, {
        action: 'user.password_reset',
        entityType: 'user',
        entityId: id,
      });
    });
  }

  async unlock(ctx: AuthedContext, id: number): Promise<void> {
    assertCanManageUsers(ctx.actor);
    await this.deps.db.transaction(async (tx) => {
      const before = await repo.getUser(tx, id);
      if (!before) throw notFound();
      await repo.updateUser(tx, id, { failedLogins: 0, lockedUntil: null });
      await writeAudit(tx, ctx, this.deps.clock, {
        action: 'user.unlock',
        entityType: 'user',
        entityId: id,
        before: { lockedUntil: before.lockedUntil },
      });
    });
  }

  private async checkPerson(tx: Db, personId: number | null): Promise<void> {
    if (personId !== null && !(await repo.activeIds(tx, 'person', [personId])).has(personId)) {
      throw new AppError('INVALID_REFERENCE');
    }
  }

  private async write<T>(fn: (tx: Db) => Promise<T>): Promise<T> {
    try {
      return await this.deps.db.transaction(fn);
    } catch (err) {
      if (isUniqueViolation(err, 'users_username_unique')) throw new AppError('USERNAME_TAKEN');
      if (isUniqueViolation(err, 'users_person_id_unique')) throw new AppError('PERSON_HAS_ACCOUNT');
      throw err;
    }
  }
}

/** Which of the ids name active branches, units, departments or people: what a grant or a campaign may name. */
export async function activeOrgIds(db: Db, what: 'branch' | 'unit' | 'department' | 'person', ids: number[]) {
  return repo.activeIds(db, what, ids);
}

/** How many accounts exist: none means the first run has not happened. */
export async function userCount(db: Db): Promise<number> {
  return repo.userCount(db);
}
