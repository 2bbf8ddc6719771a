import type { z } from 'zod';
import type { postTermBody, postTermPatch } from '../../../common/api/people.js';
import type { ServiceDeps } from '../../lib/service-deps.js';
import type { AuthedContext } from '../../lib/actor.js';
import { AppError, forbidden, notFound } from '../../lib/errors.js';
import { writeAudit } from '../../lib/audit.js';
import { cstDate } from '../../lib/dates.js';
import type { Db } from '../../db/client.js';
import * as people from './people.repo.js';
import * as repo from './post-terms.repo.js';
import { checkTerm, type TermValues } from './post-terms.js';
import { canReadPerson, canWritePersonIn } from './people.policy.js';

type TermBody = z.output<typeof postTermBody>;
type TermPatch = z.output<typeof postTermPatch>;

/**
 * The history of a person's branch posts (任职记录): what they held, in which branch, from when to
 * when. The open term is the current post; the roster's post column follows it after each change.
 */
export class PostTermsService {
  constructor(private readonly deps: Pick<ServiceDeps, 'db' | 'clock'>) {}

  async list(ctx: AuthedContext, personId: number) {
    const person = await people.getPerson(this.deps.db, personId);
    if (!person || !canReadPerson(ctx.actor, person)) throw notFound();
    return { items: await repo.termsOf(this.deps.db, personId) };
  }

  async add(ctx: AuthedContext, personId: number, body: TermBody) {
    await this.deps.db.transaction(async (tx) => {
      const person = await this.writablePerson(ctx, tx, personId);
      const values: TermValues = {
        branchId: body.branchId ?? person.branchId ?? -1,
        post: body.post,
        startedOn: body.startedOn,
        endedOn: body.endedOn ?? null,
      };
      await this.checkValues(ctx, tx, person, values, null);
      const id = await repo.insertTerm(tx, { personId, ...values });
      await repo.syncCurrentPost(tx, personId);
      await writeAudit(tx, ctx, this.deps.clock, {
        action: 'person.post.add',
        entityType: 'person',
        entityId: personId,
        after: { termId: id, ...values },
      });
    });
    return this.list(ctx, personId);
  }

  async edit(ctx: AuthedContext, personId: number, termId: number, patch: TermPatch) {
    await this.deps.db.transaction(async (tx) => {
      const person = await this.writablePerson(ctx, tx, personId);
      const before = await repo.findTerm(tx, personId, termId);
      if (!before) throw notFound();
      const values: TermValues = {
        branchId: patch.branchId ?? before.branchId,
        post: patch.post ?? before.post,
        startedOn: patch.startedOn ?? before.startedOn,
        endedOn: patch.endedOn === undefined ? before.endedOn : patch.endedOn,
      };
      if (!canWritePersonIn(ctx.actor, before.branchId)) throw forbidden();
      await this.checkValues(ctx, tx, person, values, termId);
      await repo.updateTerm(tx, termId, values);
      await repo.syncCurrentPost(tx, personId);
      await writeAudit(tx, ctx, this.deps.clock, {
        action: 'person.post.edit',
        entityType: 'person',
        entityId: personId,
        before: { termId, ...pick(before) },
        after: { termId, ...values },
      });
    });
    return this.list(ctx, personId);
  }

  /** Removes a term entered by mistake; meetings already recorded keep their attendance lists. */
  async remove(ctx: AuthedContext, personId: number, termId: number) {
    await this.deps.db.transaction(async (tx) => {
      await this.writablePerson(ctx, tx, personId);
      const before = await repo.findTerm(tx, personId, termId);
      if (!before) throw notFound();
      if (!canWritePersonIn(ctx.actor, before.branchId)) throw forbidden();
      await repo.deleteTerm(tx, termId);
      await repo.syncCurrentPost(tx, personId);
      await writeAudit(tx, ctx, this.deps.clock, {
        action: 'person.post.remove',
        entityType: 'person',
        entityId: personId,
        before: { termId, ...pick(before) },
      });
    });
    return this.list(ctx, personId);
  }

  private async writablePerson(ctx: AuthedContext, tx: Db, personId: number) {
    const person = await people.getPerson(tx, personId);
    if (!person || !canReadPerson(ctx.actor, person)) throw notFound();
    if (!canWritePersonIn(ctx.actor, person.branchId)) throw forbidden();
    return person;
  }

  /**
   * A past term may name any branch the caller manages; the current (open) one is the person's
   * own branch, and only an active Party member holds a post now.
   */
  private async checkValues(
    ctx: AuthedContext,
    tx: Db,
    person: { id: number; branchId: number | null; memberStatus: string; active: boolean },
    values: TermValues,
    exceptId: number | null,
  ) {
    if (!(await repo.branchExists(tx, values.branchId)))
      throw new AppError('INVALID_REFERENCE', undefined, '支部不存在');
    if (!canWritePersonIn(ctx.actor, values.branchId)) throw forbidden();
    if (values.endedOn === null) {
      if (values.branchId !== person.branchId) {
        throw new AppError('VALIDATION_FAILED', [
          { path: 'body.endedOn', message: '现任职务须在本人所在支部;其他支部的任职请填写离任日期' },
        ]);
      }
      if (!person.active || person.memberStatus === 'non_member') {
        throw new AppError('VALIDATION_FAILED', [
          { path: 'body.post', message: '只有在册党员可以担任支部职务;过去的任职请填写离任日期' },
        ]);
      }
    }
    await checkTerm(tx, person.id, values, exceptId, cstDate(this.deps.clock.now()));
  }
}

const pick = (t: repo.PostTermRow) => ({
  branchId: t.branchId,
  post: t.post,
  startedOn: t.startedOn,
  endedOn: t.endedOn,
});
