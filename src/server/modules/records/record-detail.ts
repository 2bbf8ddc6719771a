import type { RecordDetail } from '../../../common/api/records.js';
import type { AuthedContext } from '../../lib/actor.js';
import type { Db } from '../../db/client.js';
import { loadCampaign } from '../campaigns/campaigns.repo.js';
import { findTask } from '../tasks/tasks.repo.js';
import * as repo from './records.repo.js';
import { recordCan } from '../../../common/policies/records.js';
import { checklistOf, type RecordData } from './record-kinds.js';
import { ledgerScope } from '../../../common/policies/ledgers.js';

/** What a reader sees of a record they may read: fields, attendance, evidence, checklist, trail. */
export async function recordDetail(db: Db, ctx: AuthedContext, row: repo.RecordRow): Promise<RecordDetail> {
  const id = row.id;
  const [summary, attendanceRows, evidence, reviews, createdBy, checklist, task, authors] = await Promise.all(
    [
      repo.findSummary(db, id),
      repo.attendanceOf(db, id),
      repo.evidenceOf(db, id),
      repo.reviewsOf(db, id),
      repo.userName(db, row.createdBy),
      checklistOfRow(db, row),
      row.taskId ? findTask(db, row.taskId) : undefined,
      repo.authorsOf(db, [row]),
    ],
  );
  const data = row.data as { hostPersonId?: number | null; recorderPersonId?: number | null };
  const counts = { present: 0, leave: 0, absent: 0 };
  for (const a of attendanceRows) counts[a.status]++;
  const expected = attendanceRows.length;
  const scope = ledgerScope(ctx.actor);
  const reasonsVisible = scope === 'all' || (scope !== null && scope.includes(row.branchId));
  return {
    ...summary!,
    data: row.data as RecordData,
    quality: row.quality,
    highlight: row.highlight,
    highlightNote: row.highlightNote,
    // Reasons of absence are personal data: shown as the attendance ledger shows them, plus one's own.
    attendance: attendanceRows.map((a) => ({
      ...a,
      reason: reasonsVisible || a.personId === ctx.actor.personId ? a.reason : null,
      signedInAt: a.signedInAt?.toISOString() ?? null,
    })),
    attendanceSummary: {
      expected,
      ...counts,
      // Rates are always against those who should attend (应到), never those present.
      rate: expected ? counts.present / expected : null,
    },
    evidence: evidence.map((e) => ({ ...e, uploadedAt: e.uploadedAt.toISOString() })),
    checklist,
    reviews: reviews.map((r) => ({ ...r, at: r.at.toISOString() })),
    createdBy,
    dueDate: task?.dueDate ?? null,
    personNames: await repo.personNames(db, [data.hostPersonId, data.recorderPersonId]),
    can: recordCan(ctx.actor, {
      branchId: row.branchId,
      status: row.status,
      leaderStatus: row.leaderStatus,
      campaignActive: await campaignActive(db, row.campaignId),
      wroteIt: authors.get(row.id)!.has(ctx.actor.userId),
    }),
    leaderStatus: row.leaderStatus,
    exemplary: row.exemplary,
    exemplaryNote: row.exemplaryNote,
  };
}

/** The record's checklist from its saved fields, attendance and evidence. */
export async function checklistOfRow(db: Db, row: repo.RecordRow) {
  const [attendanceRows, evidence] = await Promise.all([
    repo.attendanceOf(db, row.id),
    repo.evidenceOf(db, row.id),
  ]);
  return checklistOf(row.kind, {
    data: row.data as RecordData,
    expected: attendanceRows.length,
    attendance: attendanceRows,
    evidenceKinds: evidence.map((e) => e.kind),
    leaderStatus: row.leaderStatus,
  });
}

/** The history row of a change: the record as it stands after it, for the revision trail. */
export async function writeSnapshot(
  tx: Db,
  at: Date,
  ctx: AuthedContext,
  id: number,
  version: number,
  change: string,
) {
  const row = (await repo.findRecord(tx, id))!;
  const attendanceRows = await repo.attendanceOf(tx, id);
  await repo.insertHistory(tx, {
    recordId: id,
    version,
    change,
    at,
    userId: ctx.actor.userId,
    snapshot: {
      title: row.title,
      occurredOn: row.occurredOn,
      status: row.status,
      data: row.data,
      attendance: attendanceRows.map((a) => ({ personId: a.personId, status: a.status, reason: a.reason })),
    },
  });
}

async function campaignActive(db: Db, campaignId: number): Promise<boolean> {
  return (await loadCampaign(db, campaignId))?.status === 'active';
}
