import type { z } from 'zod';
import {
  signalKinds,
  type BranchSignalCounts,
  type IntegritySignal,
  type markBody,
} from '../../../common/api/signals.js';
import type { ServiceDeps } from '../../lib/service-deps.js';
import { committeeBranchIds, isCommitteeFor, type AuthedContext } from '../../lib/actor.js';
import { notFound } from '../../lib/errors.js';
import { writeAudit } from '../../lib/audit.js';
import { findRecordRow } from '../records/record-access.js';
import { assertCanReview, assertReviewsBranch } from '../records/records.policy.js';
import * as repo from './signals.repo.js';

/**
 * The reviewer's side of the integrity signals: reading them beside a record and marking each.
 * Only reviewers (the committee) see them — a branch never sees signals, its own or another's,
 * so a comparison never tells a branch what another branch handed in.
 */
export class SignalsService {
  constructor(private readonly deps: Pick<ServiceDeps, 'db' | 'clock'>) {}

  async list(ctx: AuthedContext, recordId: number): Promise<{ items: IntegritySignal[] }> {
    assertCanReview(ctx.actor);
    const record = await findRecordRow(this.deps.db, recordId);
    if (!record) throw notFound();
    assertReviewsBranch(ctx.actor, record.branchId);
    return { items: await this.present(ctx, await repo.listForRecord(this.deps.db, recordId)) };
  }

  async mark(ctx: AuthedContext, id: number, body: z.output<typeof markBody>): Promise<IntegritySignal> {
    assertCanReview(ctx.actor);
    const { db, clock } = this.deps;
    await db.transaction(async (tx) => {
      const signal = await repo.findSignal(tx, id);
      if (!signal) throw notFound();
      assertReviewsBranch(ctx.actor, (await findRecordRow(tx, signal.recordId))!.branchId);
      await repo.markSignal(tx, id, {
        status: body.status,
        note: body.note ?? null,
        markedBy: ctx.actor.userId,
        markedAt: clock.now(),
      });
      await writeAudit(tx, ctx, clock, {
        action: 'signal.mark',
        entityType: 'record',
        entityId: signal.recordId,
        before: { signalId: id, kind: signal.kind, status: signal.status, note: signal.note },
        after: { signalId: id, kind: signal.kind, status: body.status, note: body.note ?? null },
      });
    });
    const [found] = await this.present(ctx, [(await repo.findSignal(db, id))!]);
    return found!;
  }

  /** Open signals per record, for the review queue's counts (records without any left out). */
  async openCounts(ctx: AuthedContext, recordIds: number[]) {
    assertCanReview(ctx.actor);
    const counts = await repo.openCounts(this.deps.db, recordIds, committeeBranchIds(ctx.actor));
    return { items: [...counts].map(([recordId, open]) => ({ recordId, open })) };
  }

  /** A branch's signals over a campaign, for the committee's view of the branch profile. */
  async branchCounts(ctx: AuthedContext, branchId: number, campaignId: number): Promise<BranchSignalCounts> {
    assertCanReview(ctx.actor);
    assertReviewsBranch(ctx.actor, branchId);
    const rows = await repo.branchCounts(this.deps.db, branchId, campaignId);
    const sum = (status: string) => rows.filter((r) => r.status === status).reduce((n, r) => n + r.n, 0);
    return {
      open: sum('open'),
      doubtful: sum('doubtful'),
      verified: sum('verified'),
      byKind: signalKinds.map((kind) => ({
        kind,
        open: rows.find((r) => r.kind === kind && r.status === 'open')?.n ?? 0,
      })),
    };
  }

  private async present(ctx: AuthedContext, rows: repo.SignalRow[]): Promise<IntegritySignal[]> {
    const alsoOf = (r: repo.SignalRow) => (r.evidence as { also?: { recordId: number }[] }).also ?? [];
    const ids = rows.flatMap((r) => [
      ...(r.otherRecordId ? [r.otherRecordId] : []),
      ...alsoOf(r).map((a) => a.recordId),
    ]);
    const others = new Map((await repo.recordBriefs(this.deps.db, [...new Set(ids)])).map((b) => [b.id, b]));
    // A company's committee learns nothing of another company's records from a signal.
    const overseen = (recordId: number) => {
      const brief = others.get(recordId);
      return !!brief && isCommitteeFor(ctx.actor, brief.branchId);
    };
    const names = await repo.userNames(
      this.deps.db,
      rows.flatMap((r) => r.markedBy ?? []),
    );
    return rows.map((r) => {
      // The record it resembles is named, quoted and timed only where the reviewer oversees its
      // branch too; otherwise the signal says only that it is another company's.
      const elsewhere = r.otherRecordId !== null && !overseen(r.otherRecordId);
      const o = r.otherRecordId && !elsewhere ? others.get(r.otherRecordId) : undefined;
      return {
        id: r.id,
        recordId: r.recordId,
        kind: r.kind,
        evidence: withoutOthers(r.evidence as Record<string, unknown>, elsewhere, overseen),
        otherElsewhere: elsewhere,
        other: o
          ? {
              id: o.id,
              title: o.title,
              branchName: o.branchName,
              occurredOn: o.occurredOn,
              periodKey: o.periodKey,
            }
          : null,
        status: r.status,
        note: r.note,
        markedByName: r.markedBy ? (names.get(r.markedBy) ?? null) : null,
        markedAt: r.markedAt?.toISOString() ?? null,
      };
    });
  }
}

/**
 * The evidence as a reviewer may read it: without the other record's text, names, times and link
 * when that record is of a branch the reviewer does not oversee, and with only the further records
 * of a shared file that the reviewer oversees (their number stays in `matches`).
 */
function withoutOthers(
  evidence: Record<string, unknown>,
  elsewhere: boolean,
  overseen: (recordId: number) => boolean,
): Record<string, unknown> {
  const shown = Object.fromEntries(
    Object.entries(evidence).filter(([key]) => !elsewhere || !(key.startsWith('other') || key === 'link')),
  );
  if (Array.isArray(shown.also))
    shown.also = (shown.also as { recordId: number }[]).filter((a) => overseen(a.recordId));
  return shown;
}
