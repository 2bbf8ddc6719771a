import { branchPostLabels, type BranchPost } from '../../../common/enums.js';
import type { Db } from '../../db/client.js';
import type { RequestContext } from '../../lib/actor.js';
import { writeAudit } from '../../lib/audit.js';
import type { Clock } from '../../lib/clock.js';
import { addDays, cstDate } from '../../lib/dates.js';
import { AppError } from '../../lib/errors.js';
import * as repo from './post-terms.repo.js';

export interface TermValues {
  branchId: number;
  post: BranchPost;
  startedOn: string;
  endedOn: string | null;
}

const span = (t: { startedOn: string; endedOn: string | null }) => `${t.startedOn} 至 ${t.endedOn ?? '今'}`;

/**
 * A term is real history: it does not begin or end in the future, ends no earlier than it
 * began, shares no day with another post of the same person, and no branch has two secretaries
 * on one day. Violations answer with the term they collide with, so the user knows what to fix.
 */
export async function checkTerm(
  tx: Db,
  personId: number,
  t: TermValues,
  exceptId: number | null,
  today: string,
): Promise<void> {
  const problems: { path: string; message: string }[] = [];
  if (t.startedOn > today) problems.push({ path: 'body.startedOn', message: '任职日期不能晚于今天' });
  if (t.endedOn !== null && t.endedOn > today)
    problems.push({ path: 'body.endedOn', message: '离任日期不能晚于今天;尚未离任请留空' });
  if (t.endedOn !== null && t.endedOn < t.startedOn)
    problems.push({ path: 'body.endedOn', message: '离任日期不能早于任职日期' });
  if (problems.length) throw new AppError('VALIDATION_FAILED', problems);

  await repo.lockPerson(tx, personId);
  const own = await repo.overlappingTerms(tx, { personId }, t.startedOn, t.endedOn, exceptId);
  if (own[0]) {
    throw new AppError(
      'POST_TERM_OVERLAP',
      undefined,
      `与该人员的另一任职重叠:${own[0].branchName}${branchPostLabels[own[0].post].zh}(${span(own[0])})`,
    );
  }
  if (t.post === 'secretary') {
    await repo.lockBranch(tx, t.branchId);
    const other = await repo.overlappingTerms(
      tx,
      { branchId: t.branchId, post: 'secretary' },
      t.startedOn,
      t.endedOn,
      exceptId,
    );
    if (other[0]) {
      throw new AppError(
        'POST_TERM_OVERLAP',
        undefined,
        `同一支部同一时间只能有一名书记:${other[0].personName}(${span(other[0])}),请先填写其离任日期`,
      );
    }
  }
}

/**
 * Makes `post` the person's current post in `branchId` from `since` (null: no post from then):
 * the open term ends the day before, or is corrected in place when it began that same day. The
 * roster's current post follows, and the change is audited with the caller's transaction.
 */
export async function changeCurrentPost(
  tx: Db,
  ctx: RequestContext,
  clock: Clock,
  change: { personId: number; branchId: number | null; post: BranchPost | null; since?: string | null },
): Promise<void> {
  const today = cstDate(clock.now());
  const since = change.since ?? today;
  const open = await repo.openTerm(tx, change.personId);
  if (!open && !change.post) return;
  if (open && open.post === change.post && open.branchId === change.branchId) return;
  if (change.post && change.branchId === null)
    throw new AppError('VALIDATION_FAILED', [
      { path: 'body.branchPost', message: '担任支部职务须属于某个支部' },
    ]);
  if (since > today)
    throw new AppError('VALIDATION_FAILED', [{ path: 'body.postSince', message: '任职日期不能晚于今天' }]);
  if (open && since < open.startedOn) {
    throw new AppError('VALIDATION_FAILED', [
      {
        path: 'body.postSince',
        message: `新职务的任职日期不能早于现任职务的任职日期(${open.startedOn})`,
      },
    ]);
  }

  let newId: number | null = null;
  const replaceInPlace = open && change.post && since === open.startedOn;
  if (open && !replaceInPlace) {
    await repo.updateTerm(tx, open.id, { endedOn: since > open.startedOn ? addDays(since, -1) : since });
  }
  if (change.post) {
    const values = { branchId: change.branchId!, post: change.post, startedOn: since, endedOn: null };
    await checkTerm(tx, change.personId, values, replaceInPlace ? open.id : null, today);
    if (replaceInPlace) await repo.updateTerm(tx, open.id, values);
    else newId = await repo.insertTerm(tx, { personId: change.personId, ...values });
  }
  await repo.syncCurrentPost(tx, change.personId);
  await writeAudit(tx, ctx, clock, {
    action: 'person.post.change',
    entityType: 'person',
    entityId: change.personId,
    before: open
      ? { termId: open.id, post: open.post, branchId: open.branchId, startedOn: open.startedOn }
      : null,
    after: change.post
      ? { termId: newId ?? open?.id, post: change.post, branchId: change.branchId, startedOn: since }
      : { post: null, endedTermId: open?.id },
  });
}

export interface ImportedPost {
  row: number;
  personId: number;
  branchId: number;
  post: BranchPost | null;
  since: string | null;
}

/**
 * The posts of an imported file. Posts that end or change end first, then the new ones begin, so a
 * file may hand the secretary's post from one person to another in any row order. A post that
 * cannot be held (two secretaries on one day, a start before the current post's) is reported
 * against its row like any other problem of the file.
 */
export async function applyImportedPosts(
  tx: Db,
  ctx: RequestContext,
  clock: Clock,
  posts: ImportedPost[],
  issues: { row: number; column: string; value: string; message: string }[],
): Promise<void> {
  const attempt = async (p: ImportedPost, post: BranchPost | null) => {
    try {
      await changeCurrentPost(tx, ctx, clock, { ...p, post });
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      const detail = (err.details as { message: string }[] | undefined)?.[0]?.message;
      const column = err.code === 'POST_TERM_OVERLAP' || !p.since ? '支部职务' : '任职时间';
      issues.push({
        row: p.row,
        column,
        value: p.since ?? '',
        message: detail ?? err.messageZh ?? err.message,
      });
    }
  };
  const changing: ImportedPost[] = [];
  for (const p of posts) {
    const open = await repo.openTerm(tx, p.personId);
    if (open && (open.post !== p.post || open.branchId !== p.branchId)) await attempt(p, null);
    if (p.post && (!open || open.post !== p.post || open.branchId !== p.branchId)) changing.push(p);
  }
  for (const p of changing) await attempt(p, p.post);
}
