import type { z } from 'zod';
import type { GradeBasis, RecordDetail, gradeBasisInput, qualities } from '../../../common/api/records.js';
import { citableFigures, type EffectFigureKey } from '../../../common/api/fusion.js';
import type { Db } from '../../db/client.js';
import { effectOfRecordNow } from '../fusion/record-effect.js';
import type { ApproveManyResult, BranchMonth } from '../../../common/api/review.js';
import { actionKinds, type ActionKind } from '../../../common/actions.js';
import type { ServiceDeps } from '../../lib/service-deps.js';
import { committeeBranchIds, type AuthedContext } from '../../lib/actor.js';
import { AppError, notFound } from '../../lib/errors.js';
import { writeAudit } from '../../lib/audit.js';
import { openFollowups } from '../revisions/revisions.service.js';
import { withDoubts } from '../signals/signals-compute.js';
import * as repo from './records.repo.js';
import { branchNameOf, waitingByBranchMonth } from './review.repo.js';
import { assertNotAuthor } from './separation.js';
import { recordDetail, writeSnapshot } from './record-detail.js';
import { assertCanReview, assertReviewsBranch, canReadRecord, recordScope } from './records.policy.js';

type Decision = 'approved' | 'returned';

/** A grade given with an approval, and the effect figures it cites. */
interface Grade {
  quality?: (typeof qualities)[number];
  basis?: z.output<typeof gradeBasisInput>;
}

/**
 * The basis as stored: the figures cited, checked against what the record's effect has now, and
 * that effect itself, so the review history shows what the grade rested on after later measurements.
 */
async function basisOf(
  tx: Db,
  record: { id: number; data: unknown },
  basis: z.output<typeof gradeBasisInput>,
): Promise<GradeBasis> {
  const effect = await effectOfRecordNow(tx, record.id, record.data);
  const citable = citableFigures(effect);
  const missing = basis.figures.filter((f) => !citable.includes(f));
  if (missing.length)
    throw new AppError(
      'GRADE_BASIS_INVALID',
      undefined,
      `该记录没有可引用的成效数据:${missing.map((f) => figureNames[f]).join('、')}`,
    );
  return { figures: basis.figures, note: basis.note, effect };
}

const figureNames: Record<EffectFigureKey, string> = {
  indicator: '指标实测值',
  beforeAfter: '解决前后对比',
  recheck3: '3个月回访',
  recheck6: '6个月回访',
};

/** The month before a monthly period (2026-03 → 2026-02); quarters have none to compare with. */
export function previousMonth(periodKey: string): string | null {
  const m = /^(\d{4})-(\d{2})$/.exec(periodKey);
  if (!m) return null;
  const [year, month] = [Number(m[1]), Number(m[2])];
  return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
}

/** Records of a month the branch handed in: drafts are still the branch's own work. */
const handedIn = (status: string) => status !== 'draft';
const MONTH_LIMIT = 200;

/**
 * The committee's review (审核): one record at a time, a branch's month at once, and the queue
 * grouped by branch-month. Nobody reviews a record they created, edited or submitted, whatever
 * other roles they hold: one account as both secretary and committee would otherwise approve its
 * own work.
 */
export class ReviewService {
  constructor(private readonly deps: Pick<ServiceDeps, 'db' | 'clock'>) {}

  /** Approves or returns one record; `version`, when given, is the one the reviewer read. */
  async review(
    ctx: AuthedContext,
    id: number,
    decision: Decision,
    comment: string,
    version?: number,
    grade: Grade = {},
  ): Promise<RecordDetail> {
    assertCanReview(ctx.actor);
    // A basis says why a grade was given: without a grade there is nothing it explains.
    if (grade.basis && !grade.quality)
      throw new AppError('GRADE_BASIS_INVALID', undefined, '引用成效作为依据时请同时评定等次');
    await this.deps.db.transaction(async (tx) => {
      const record = await repo.lockRecord(tx, id);
      if (!record || !canReadRecord(ctx.actor, record)) throw notFound();
      assertReviewsBranch(ctx.actor, record.branchId);
      if (record.status !== 'submitted') throw new AppError('NOT_SUBMITTED');
      if (version !== undefined && record.version !== version) throw new AppError('CONFLICT');
      await assertNotAuthor(tx, ctx, record);
      const now = this.deps.clock.now();
      // 存疑 goes back with the return: the reason lists what the reviewer doubted.
      if (decision === 'returned') comment = await withDoubts(tx, id, comment);
      const gradeBasis = grade.basis ? await basisOf(tx, record, grade.basis) : null;
      const ok = await repo.updateRecordVersioned(tx, id, record.version, {
        status: decision,
        approvedAt: decision === 'approved' ? now : null,
        ...(grade.quality ? { quality: grade.quality } : {}),
      });
      if (!ok) throw new AppError('CONFLICT');
      await repo.insertReview(tx, {
        recordId: id,
        recordVersion: record.version,
        decision,
        comment,
        reviewerId: ctx.actor.userId,
        at: now,
        quality: grade.quality ?? null,
        gradeBasis,
      });
      if (decision === 'approved') await openFollowups(tx, record);
      await writeSnapshot(tx, now, ctx, id, record.version + 1, decision);
      await writeAudit(tx, ctx, this.deps.clock, {
        action: decision === 'approved' ? 'record.approve' : 'record.return',
        entityType: 'record',
        entityId: id,
        before: { status: 'submitted' },
        after: grade.quality
          ? { status: decision, comment, quality: grade.quality, gradeBasis }
          : { status: decision, comment },
      });
    });
    return this.get(ctx, id);
  }

  /**
   * 全部通过: each record is approved in its own transaction, with its own audit row and the same
   * checks as one at a time; the answer says for each whether it went through and why not.
   */
  async approveMany(
    ctx: AuthedContext,
    items: { id: number; version: number }[],
    comment: string,
  ): Promise<ApproveManyResult> {
    assertCanReview(ctx.actor);
    const results: ApproveManyResult['items'] = [];
    for (const item of items) {
      try {
        await this.review(ctx, item.id, 'approved', comment, item.version);
        results.push({ id: item.id, ok: true, code: null, message: null, messageEn: null });
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        const { message, messageEn } = error.toBody().error;
        results.push({ id: item.id, ok: false, code: error.code, message, messageEn });
      }
    }
    return { items: results };
  }

  /** Branch-months with records waiting, for the committee's queue. */
  async groups(ctx: AuthedContext) {
    assertCanReview(ctx.actor);
    const rows = await waitingByBranchMonth(this.deps.db, committeeBranchIds(ctx.actor));
    return { items: rows.map((r) => ({ ...r, firstSubmittedAt: r.firstSubmittedAt.toISOString() })) };
  }

  /** A branch's month in full (checklists, evidence, attendance) beside its month before. */
  async branchMonth(ctx: AuthedContext, branchId: number, periodKey: string): Promise<BranchMonth> {
    const scope = recordScope(ctx.actor);
    if (!scope.all && !scope.branchIds.includes(branchId)) throw notFound();
    const { db } = this.deps;
    const list = (key: string) =>
      repo.listRecords(db, scope, { branchId, periodKey: key, limit: MONTH_LIMIT, offset: 0 });
    const previousPeriodKey = previousMonth(periodKey);
    const [month, previous, branchName] = await Promise.all([
      list(periodKey),
      previousPeriodKey ? list(previousPeriodKey) : null,
      branchNameOf(db, branchId),
    ]);
    if (branchName === undefined) throw notFound();
    const rows = await Promise.all(
      month.items.filter((r) => handedIn(r.status)).map((r) => repo.findRecord(db, r.id)),
    );
    const records = await Promise.all(rows.map((row) => recordDetail(db, ctx, row!)));
    return {
      branchId,
      branchName,
      periodKey,
      previousPeriodKey,
      // In the order of the campaign's actions, as the branch's workbench shows them.
      records: records.sort((a, b) => kindOrder(a.kind) - kindOrder(b.kind) || a.id - b.id),
      previous: (previous?.items ?? []).filter((r) => handedIn(r.status)),
    };
  }

  private async get(ctx: AuthedContext, id: number): Promise<RecordDetail> {
    const row = await repo.findRecord(this.deps.db, id);
    if (!row || !canReadRecord(ctx.actor, row)) throw notFound();
    return recordDetail(this.deps.db, ctx, row);
  }
}

const kindOrder = (kind: ActionKind) => actionKinds.indexOf(kind);
