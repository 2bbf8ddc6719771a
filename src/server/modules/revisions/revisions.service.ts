import type { z } from 'zod';
import type { followupBody, revisionSchema, revisionStages } from '../../../common/api/revisions.js';
import { indicatorOf, type FieldData } from '../../../common/record-fields/index.js';
import { effectOf, latestVerdict } from './effect.js';
import type { ServiceDeps } from '../../lib/service-deps.js';
import type { AuthedContext } from '../../lib/actor.js';
import { AppError, forbidden, notFound } from '../../lib/errors.js';
import { writeAudit } from '../../lib/audit.js';
import { addDays, cstDate } from '../../lib/dates.js';
import type { Db } from '../../db/client.js';
import * as records from '../records/record-access.js';
import { canReadRecord, isEditableStatus, recordScope } from '../records/records.policy.js';
import * as repo from './revisions.repo.js';
import { assertNotAuthor } from '../records/separation.js';
import type { RecordsService } from '../records/records.service.js';
import type { NotificationsService } from '../notifications/notifications.service.js';
import { can, revisionCan } from '../../../common/policies/revisions.js';

type Stage = (typeof revisionStages)[number];
type FollowupBody = z.infer<typeof followupBody>;
type Revision = z.infer<typeof revisionSchema>;

/** Follow-up notes are due this many days after publication (the default). */
export const FOLLOWUP_DAYS = [30, 90];

interface RevisionData {
  ruleTitle?: string;
  ruleType?: string;
  departmentId?: number | null;
  gap?: string;
  changeSummary?: string;
  publishedOn?: string | null;
  documentNo?: string;
  releaseForm?: string;
}

/** The stage is derived from the record, its leader decisions and its follow-ups: never stored. */
function stageOf(record: records.RecordRow, followups: { notedOn: string | null }[]): Stage {
  if (record.status === 'approved')
    return followups.every((f) => f.notedOn) && followups.length ? 'closed' : 'tracking';
  if (record.status === 'submitted') return 'committee_review';
  if (record.leaderStatus === 'pending') return 'leader_review';
  if (record.leaderStatus === 'returned') return 'leader_returned';
  if (record.leaderStatus === 'approved') return 'leader_approved';
  return 'drafting';
}

const revisionFacts = (record: records.RecordRow) => ({
  branchId: record.branchId,
  departmentId: (record.data as RevisionData).departmentId,
});

/** The modules the revisions register works with. */
export interface RevisionsSources {
  /** A revision the leader approves goes on to the committee as a record submission. */
  records: RecordsService;
  /** The leader in charge hears of a revision the moment it is sent to them. */
  notifications: NotificationsService;
}

export class RevisionsService {
  private readonly recordsService: RecordsService;
  private readonly notifications: NotificationsService;
  constructor(
    private readonly deps: Pick<ServiceDeps, 'db' | 'clock'>,
    use: RevisionsSources,
  ) {
    this.recordsService = use.records;
    this.notifications = use.notifications;
  }

  /** The revisions register (制度修订台账), or a leader's own queue with mine=true. */
  async list(ctx: AuthedContext, q: { branchId?: number; stage?: Stage; mine?: string }) {
    const { db } = this.deps;
    const scope = recordScope(ctx.actor);
    const rows = (await repo.revisionRecords(db, q.branchId ? [q.branchId] : 'all')).filter((r) =>
      canReadRecord(ctx.actor, r.record),
    );
    if (q.branchId && !scope.all && !scope.branchIds.includes(q.branchId) && !rows.length) throw notFound();
    let items = await this.views(ctx, rows);
    if (q.mine === 'true') items = items.filter((r) => r.can.leaderReview);
    if (q.stage) items = items.filter((r) => r.stage === q.stage);
    const rules = new Map<string, number[]>();
    for (const r of [...items].reverse())
      rules.set(r.ruleTitle, [...(rules.get(r.ruleTitle) ?? []), r.recordId]);
    return { items, rules: [...rules].map(([ruleTitle, versions]) => ({ ruleTitle, versions })) };
  }

  /** One revision with its leader trail and follow-ups, for its record's page. */
  async get(ctx: AuthedContext, id: number): Promise<Revision> {
    const record = await this.revision(ctx, id, this.deps.db, false);
    const branchName = await repo.branchName(this.deps.db, record.branchId);
    const [view] = await this.views(ctx, [{ record, branchName }]);
    return view!;
  }

  private async views(
    ctx: AuthedContext,
    rows: { record: records.RecordRow; branchName: string }[],
  ): Promise<Revision[]> {
    const { db } = this.deps;
    const ids = rows.map((r) => r.record.id);
    const [reviews, followups, deptNames, authors] = await Promise.all([
      repo.leaderReviewsOf(db, ids),
      repo.followupsOf(db, ids),
      repo.departmentNames(db),
      records.authorsOf(
        db,
        rows.map((r) => r.record),
      ),
    ]);
    const today = cstDate(this.deps.clock.now());
    return rows.map(({ record, branchName }) => {
      const d = record.data as RevisionData;
      const f = followups.filter((x) => x.recordId === record.id);
      const stage = stageOf(record, f);
      const flags = revisionCan(ctx.actor, {
        branchId: record.branchId,
        departmentId: d.departmentId,
        stage,
        wroteIt: authors.get(record.id)!.has(ctx.actor.userId),
      });
      return {
        recordId: record.id,
        branchId: record.branchId,
        branchName,
        ruleTitle: d.ruleTitle ?? record.title,
        ruleType: d.ruleType ?? 'rule',
        departmentId: d.departmentId ?? null,
        departmentName: d.departmentId ? (deptNames.get(d.departmentId) ?? null) : null,
        title: record.title,
        stage,
        recordStatus: record.status,
        publishedOn: d.publishedOn ?? null,
        documentNo: d.documentNo || null,
        releaseForm: d.releaseForm || null,
        indicator: indicatorOf(record.data as FieldData),
        verdict: latestVerdict(f),
        leaderReviews: reviews
          .filter((r) => r.recordId === record.id)
          .map((r) => ({
            decision: r.decision,
            comment: r.comment,
            leader: r.leader,
            at: r.at.toISOString(),
          })),
        followups: f.map(({ recordId: _r, ...x }) => ({ ...x, overdue: !x.notedOn && x.dueOn < today })),
        can: flags,
      };
    });
  }

  /** The branch sends its draft to the leader in charge of the owning department. */
  async submitToLeader(ctx: AuthedContext, id: number, version: number) {
    await this.deps.db.transaction(async (tx) => {
      const record = await this.revision(ctx, id, tx);
      if (!can(ctx.actor, 'sendToLeader', revisionFacts(record))) throw forbidden();
      if (!isEditableStatus(record.status)) throw new AppError('RECORD_LOCKED');
      if (record.leaderStatus === 'pending' || record.leaderStatus === 'approved') {
        throw new AppError('RECORD_LOCKED', undefined, '已报分管领导审核');
      }
      const d = record.data as RevisionData;
      const missing = [
        !d.departmentId && '归口部门',
        !d.gap?.trim() && '发现的漏洞或不足',
        !d.changeSummary?.trim() && '修订内容摘要',
      ].filter(Boolean);
      if (missing.length)
        throw new AppError('RECORD_INCOMPLETE', undefined, `报分管领导审核前请填写:${missing.join('、')}`);
      if (!(await records.updateRecordVersion(tx, id, version, { leaderStatus: 'pending' })))
        throw new AppError('CONFLICT');
      await writeAudit(tx, ctx, this.deps.clock, {
        action: 'revision.to_leader',
        entityType: 'record',
        entityId: id,
        after: { leaderStatus: 'pending' },
      });
      // Whoever sent it does not review it (REVIEWER_IS_AUTHOR), so is not told to.
      const leaders = (await repo.leadersOfDepartment(tx, d.departmentId!)).filter(
        (u) => u !== ctx.actor.userId,
      );
      const branch = await repo.branchName(tx, record.branchId);
      await this.notifications.notify(tx, leaders, {
        key: `leader:${id}:v${version + 1}`,
        title: '制度修订待您审核',
        text: `${branch}报送的制度修订「${record.title}」待您审核。`,
        // Straight to the revision, where the leader approves or returns it.
        link: `/review/${id}`,
      });
    });
  }

  /** 分管领导审核: approve, or return with comments. */
  async leaderReview(ctx: AuthedContext, id: number, decision: 'approved' | 'returned', comment: string) {
    await this.deps.db.transaction(async (tx) => {
      const record = await this.revision(ctx, id, tx);
      if (!can(ctx.actor, 'leaderReview', revisionFacts(record))) throw forbidden();
      if (record.leaderStatus !== 'pending')
        throw new AppError('NOT_SUBMITTED', undefined, '该修订未在等待分管领导审核');
      await assertNotAuthor(tx, ctx, record);
      if (!(await records.updateRecordVersion(tx, id, record.version, { leaderStatus: decision }))) {
        throw new AppError('CONFLICT');
      }
      await repo.insertLeaderReview(tx, {
        recordId: id,
        decision,
        comment,
        leaderId: ctx.actor.userId,
        at: this.deps.clock.now(),
      });
      await writeAudit(tx, ctx, this.deps.clock, {
        action: decision === 'approved' ? 'revision.leader_approve' : 'revision.leader_return',
        entityType: 'record',
        entityId: id,
        after: { leaderStatus: decision, comment },
      });
      // Complete and published: on to the committee, without the branch coming back for it.
      if (decision === 'approved') await this.recordsService.submitAfterLeader(tx, ctx, id);
    });
  }

  /**
   * A dated note on how the published rule works in practice. Where the revision states an
   * indicator, the note carries the value measured and its evidence; the verdict (已见效 / 待改进)
   * is computed here and stored, and a target not met needs the next step.
   */
  async noteFollowup(ctx: AuthedContext, id: number, followupId: number, body: FollowupBody) {
    await this.deps.db.transaction(async (tx) => {
      const record = await this.revision(ctx, id, tx);
      if (!can(ctx.actor, 'noteFollowup', revisionFacts(record))) throw forbidden();
      const followup = await repo.findFollowup(tx, followupId);
      if (!followup || followup.recordId !== id) throw notFound();
      const { notedOn } = body;
      if (notedOn > cstDate(this.deps.clock.now()))
        throw new AppError('DATE_IN_FUTURE', undefined, '跟踪记录日期不能晚于今天');
      const publishedOn = (record.data as RevisionData).publishedOn;
      if (publishedOn && notedOn < publishedOn) {
        const message = '跟踪记录日期不能早于制度发布日期';
        throw new AppError('DATE_OUT_OF_ORDER', [{ path: 'body.notedOn', message }], message);
      }
      const effect = effectOf(indicatorOf(record.data as FieldData), body);
      await repo.noteFollowup(tx, followupId, {
        note: body.note,
        notedOn,
        notedBy: ctx.actor.userId,
        ...effect,
      });
      await writeAudit(tx, ctx, this.deps.clock, {
        action: 'revision.followup',
        entityType: 'record',
        entityId: id,
        before: {
          note: followup.note,
          measuredValue: followup.measuredValue,
          verdict: followup.verdict,
        },
        after: { followupId, note: body.note, notedOn, ...effect },
      });
    });
  }

  /** In a transaction the record's row is locked, as for every change to a record. */
  private async revision(ctx: AuthedContext, id: number, db: Db, lock = true) {
    const record = await (lock ? records.lockRecordRow(db, id) : records.findRecordRow(db, id));
    if (!record || record.kind !== 'rule_revision' || !canReadRecord(ctx.actor, record)) throw notFound();
    return record;
  }
}

/** Called when the committee approves a published revision: opens its follow-ups. */
export async function openFollowups(tx: Db, record: records.RecordRow): Promise<void> {
  const publishedOn = (record.data as RevisionData).publishedOn;
  if (record.kind !== 'rule_revision' || !publishedOn) return;
  await repo.insertFollowups(
    tx,
    record.id,
    FOLLOWUP_DAYS.map((d) => addDays(publishedOn, d)),
  );
}
