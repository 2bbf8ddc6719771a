import type { z } from 'zod';
import type { personBody, personPatch, Person } from '../../../common/api/people.js';
import type { ServiceDeps } from '../../lib/service-deps.js';
import type { AuthedContext } from '../../lib/actor.js';
import { AppError, forbidden, isUniqueViolation, notFound } from '../../lib/errors.js';
import { writeAudit } from '../../lib/audit.js';
import { activeBranchExists } from '../org/org.repo.js';
import type { Db } from '../../db/client.js';
import * as repo from './people.repo.js';
import { changeCurrentPost } from './post-terms.js';
import { canReadPerson, canWritePersonIn, peopleListScope } from './people.policy.js';

type PersonInput = z.output<typeof personBody>;
type PersonPatch = z.output<typeof personPatch>;

export class PeopleService {
  constructor(private readonly deps: Pick<ServiceDeps, 'db' | 'clock'>) {}

  async list(
    ctx: AuthedContext,
    q: { branchId?: number; q?: string; includeInactive?: string; limit: number; offset: number },
  ) {
    const scope = peopleListScope(ctx.actor);
    if (q.branchId && scope !== 'all' && !scope.includes(q.branchId)) throw notFound();
    return repo.listPeople(this.deps.db, {
      branchIds: scope,
      branchId: q.branchId,
      q: q.q || undefined,
      includeInactive: q.includeInactive === 'true',
      limit: q.limit,
      offset: q.offset,
    });
  }

  async get(ctx: AuthedContext, id: number): Promise<Person> {
    const person = await repo.getPerson(this.deps.db, id);
    if (!person || !canReadPerson(ctx.actor, person)) throw notFound();
    return person;
  }

  async create(ctx: AuthedContext, input: PersonInput): Promise<Person> {
    if (!canWritePersonIn(ctx.actor, input.branchId)) throw forbidden();
    const id = await this.write(async (tx) => {
      await this.checkRefs(tx, input);
      const { branchPost, postSince, ...columns } = input;
      const newId = await repo.insertPerson(tx, { ...columns, updatedAt: this.deps.clock.now() });
      if (branchPost) {
        assertMayHoldPost(input);
        await changeCurrentPost(tx, ctx, this.deps.clock, {
          personId: newId,
          branchId: input.branchId,
          post: branchPost,
          since: postSince,
        });
      }
      await writeAudit(tx, ctx, this.deps.clock, {
        action: 'person.create',
        entityType: 'person',
        entityId: newId,
        after: await repo.getPerson(tx, newId),
      });
      return newId;
    });
    return (await repo.getPerson(this.deps.db, id))!;
  }

  async update(ctx: AuthedContext, id: number, patch: PersonPatch): Promise<Person> {
    await this.write(async (tx) => {
      const before = await repo.getPerson(tx, id);
      if (!before || !canReadPerson(ctx.actor, before)) throw notFound();
      // Editing needs write rights on the branch the person is in and on the one they move to.
      if (!canWritePersonIn(ctx.actor, before.branchId)) throw forbidden();
      const merged = { ...before, ...patch };
      if (patch.branchId !== undefined && !canWritePersonIn(ctx.actor, patch.branchId)) throw forbidden();
      await this.checkRefs(tx, merged);
      const { branchPost, postSince, ...columns } = patch;
      await repo.updatePerson(tx, id, { ...columns, updatedAt: this.deps.clock.now() });
      // Leaving the branch, the roster or the Party ends a post unless a new one is given with it.
      const leaves =
        merged.branchId !== before.branchId || !merged.active || merged.memberStatus === 'non_member';
      const post = branchPost !== undefined ? branchPost : leaves ? null : before.branchPost;
      if (post) assertMayHoldPost(merged);
      await changeCurrentPost(tx, ctx, this.deps.clock, {
        personId: id,
        branchId: merged.branchId,
        post,
        since: postSince,
      });
      const after = await repo.getPerson(tx, id);
      await writeAudit(tx, ctx, this.deps.clock, {
        action: patch.active === false ? 'person.deactivate' : 'person.update',
        entityType: 'person',
        entityId: id,
        before,
        after,
      });
    });
    return (await repo.getPerson(this.deps.db, id))!;
  }

  /** A party group must belong to the person's branch; references must be active. */
  private async checkRefs(
    tx: Db,
    p: { branchId: number | null; partyGroupId?: number | null; departmentId?: number | null },
  ): Promise<void> {
    if (p.branchId !== null && !(await activeBranchExists(tx, p.branchId)))
      throw new AppError('INVALID_REFERENCE');
    if (p.partyGroupId) {
      const groupBranch = await repo.partyGroupBranch(tx, p.partyGroupId);
      if (groupBranch === null || groupBranch !== p.branchId) {
        throw new AppError('INVALID_REFERENCE', undefined, '党小组不存在或不属于所选支部');
      }
    }
    if (p.departmentId && !(await repo.departmentExists(tx, p.departmentId)))
      throw new AppError('INVALID_REFERENCE');
  }

  private async write<T>(fn: (tx: Db) => Promise<T>): Promise<T> {
    try {
      return await this.deps.db.transaction(fn);
    } catch (err) {
      if (isUniqueViolation(err)) throw new AppError('EMPLOYEE_NO_TAKEN');
      throw err;
    }
  }
}

/** Only an active Party member of a branch holds a branch post. */
function assertMayHoldPost(p: { branchId: number | null; memberStatus: string; active?: boolean }) {
  if (p.branchId === null || p.memberStatus === 'non_member' || p.active === false) {
    throw new AppError('VALIDATION_FAILED', [
      { path: 'body.branchPost', message: '只有支部在册党员(含预备党员)可以担任支部职务' },
    ]);
  }
}
