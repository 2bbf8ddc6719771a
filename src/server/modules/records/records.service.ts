import type { z } from 'zod';
import type { ActionKind } from '../../../common/actions.js';
import type { RecordDetail, recordBody, recordUpdate } from '../../../common/api/records.js';
import { plannedDateKeys } from '../../../common/record-fields/index.js';
import type { ServiceDeps } from '../../lib/service-deps.js';
import type { AuthedContext } from '../../lib/actor.js';
import { AppError, forbidden, notFound } from '../../lib/errors.js';
import { writeAudit } from '../../lib/audit.js';
import { cstDate } from '../../lib/dates.js';
import type { Db } from '../../db/client.js';
import { loadCampaign } from '../campaigns/campaigns.repo.js';
import { periodOfDate, periodsOf } from '../campaigns/periods.js';
import { findTaskFor } from '../tasks/tasks.repo.js';
import * as repo from './records.repo.js';
import { linkProblem, syncProblem } from '../problems/problem-link.js';
import { computeSignals } from '../signals/signals-compute.js';
import { checkRecordReferences } from './reference-check.js';
import { checkPublicity } from './publicity-check.js';
import { assertRolesPresent, checkAttendance, checkMeetingData } from './meeting-check.js';
import { checklistOfRow, recordDetail, writeSnapshot } from './record-detail.js';
import { assertAttendanceCurrent, expectedFor, settleAttendance } from './attendance.js';
import {
  assertCanReview,
  assertReviewsBranch,
  canReadRecord,
  canWriteForBranch,
  isEditableStatus,
  recordScope,
} from './records.policy.js';
import {
  checkDateOrder,
  countsOnOf,
  datesIn,
  kindsWithAttendance,
  parseRecordData,
  repeatableFields,
  type RecordData,
} from './record-kinds.js';

type CreateInput = z.output<typeof recordBody>;
type UpdateInput = z.output<typeof recordUpdate>;

export class RecordsService {
  constructor(private readonly deps: Pick<ServiceDeps, 'db' | 'clock'>) {}

  private today(): string {
    return cstDate(this.deps.clock.now());
  }

  async list(ctx: AuthedContext, q: repo.RecordFilter) {
    return repo.listRecords(this.deps.db, recordScope(ctx.actor), q);
  }

  /** Loads a record the caller may see; anything else is 404 whether it exists or not. */
  private async readable(
    ctx: AuthedContext,
    id: number,
    db: Db = this.deps.db,
    lock = false,
  ): Promise<repo.RecordRow> {
    const row = await (lock ? repo.lockRecord(db, id) : repo.findRecord(db, id));
    if (!row || !canReadRecord(ctx.actor, row)) throw notFound();
    return row;
  }

  private async writable(ctx: AuthedContext, id: number, db: Db): Promise<repo.RecordRow> {
    const row = await this.readable(ctx, id, db, true);
    if (!canWriteForBranch(ctx.actor, row.branchId)) throw forbidden();
    if (!isEditableStatus(row.status)) throw new AppError('RECORD_LOCKED');
    return row;
  }

  /**
   * Resolves where a record belongs: validates its fields for the kind, the dates against today
   * and the campaign, and finds the task of the period it counts for.
   */
  private async place(
    db: Db,
    input: { campaignId: number; branchId: number; kind: ActionKind; occurredOn: string; data: unknown },
    recordId: number | null = null,
    saved: Record<string, unknown> = {},
  ) {
    const campaign = await loadCampaign(db, input.campaignId);
    if (!campaign) throw new AppError('INVALID_REFERENCE', undefined, '活动不存在');
    if (campaign.status !== 'active') {
      throw new AppError(
        'CAMPAIGN_CLOSED',
        undefined,
        campaign.status === 'draft' ? '活动尚未启动' : '活动已结束',
      );
    }
    if (!campaign.branchIds.includes(input.branchId))
      throw new AppError('INVALID_REFERENCE', undefined, '该支部未参加此活动');
    const kind = campaign.actionKinds.find((k) => k.kind === input.kind);
    if (!kind) throw new AppError('INVALID_REFERENCE', undefined, '此活动未配置该动作类型');
    const data = parseRecordData(input.kind, input.data);
    if (kindsWithAttendance.has(input.kind)) checkMeetingData(data);
    await checkRecordReferences(db, data, input.branchId, saved);
    if (input.kind === 'grassroots_problem') await syncProblem(db, data, input.branchId, recordId);
    if (input.kind === 'publicity') await checkPublicity(db, data, input.branchId);
    const countsOn = countsOnOf(input.kind, input.occurredOn, data);
    const today = this.today();
    if (input.occurredOn > today) throw new AppError('DATE_IN_FUTURE');
    // Any date in the fields, not only the one that decides the month (a second channel, a measure),
    // except those the field list lets lie ahead (a planned publication, a day to measure by).
    const ahead = [...plannedDateKeys(input.kind)].map((key) => `body.data.${key}`);
    const future = datesIn(data).find((d) => d.date > today && !ahead.includes(d.path));
    if (future)
      throw new AppError(
        'DATE_IN_FUTURE',
        [{ path: future.path, message: '日期不能晚于今天' }],
        '日期不能晚于今天',
      );
    checkDateOrder(input.kind, data);
    const period = periodOfDate(periodsOf(campaign.year, campaign.months, kind.period), countsOn);
    if (!period) throw new AppError('DATE_OUTSIDE_CAMPAIGN');
    const task = kind.required
      ? await findTaskFor(db, campaign.id, input.branchId, kind.id, period.key)
      : undefined;
    return { data, countsOn, periodKey: period.key, taskId: task?.id ?? null };
  }

  async create(ctx: AuthedContext, input: CreateInput): Promise<RecordDetail> {
    if (!canWriteForBranch(ctx.actor, input.branchId)) throw forbidden();
    const now = this.deps.clock.now();
    const id = await this.deps.db.transaction(async (tx) => {
      const placed = await this.place(tx, input);
      const newId = await repo.insertRecord(tx, {
        campaignId: input.campaignId,
        branchId: input.branchId,
        kind: input.kind,
        title: input.title,
        occurredOn: input.occurredOn,
        countsOn: placed.countsOn,
        periodKey: placed.periodKey,
        taskId: placed.taskId,
        data: placed.data,
        createdBy: ctx.actor.userId,
        createdAt: now,
        updatedBy: ctx.actor.userId,
        updatedAt: now,
      });
      if (placed.data.problemId) await linkProblem(tx, placed.data.problemId as number, newId);
      if (input.attendance && kindsWithAttendance.has(input.kind))
        await checkAttendance(tx, input.branchId, input.attendance);
      await settleAttendance(
        tx,
        {
          id: newId,
          kind: input.kind,
          branchId: input.branchId,
          data: placed.data,
          occurredOn: input.occurredOn,
        },
        input.attendance,
      );
      await this.snapshot(tx, ctx, newId, 1, 'create');
      await writeAudit(tx, ctx, this.deps.clock, {
        action: 'record.create',
        entityType: 'record',
        entityId: newId,
        after: {
          kind: input.kind,
          title: input.title,
          branchId: input.branchId,
          occurredOn: input.occurredOn,
        },
      });
      return newId;
    });
    return this.get(ctx, id);
  }

  async update(ctx: AuthedContext, id: number, input: UpdateInput): Promise<RecordDetail> {
    await this.deps.db.transaction(async (tx) => {
      const before = await this.writable(ctx, id, tx);
      if (before.leaderStatus === 'pending')
        throw new AppError('RECORD_LOCKED', undefined, '修订正在分管领导审核中,暂不能修改');
      const placed = await this.place(
        tx,
        { ...before, occurredOn: input.occurredOn, data: input.data },
        id,
        before.data as Record<string, unknown>,
      );
      const ok = await repo.updateRecordVersioned(tx, id, input.version, {
        title: input.title,
        occurredOn: input.occurredOn,
        countsOn: placed.countsOn,
        periodKey: placed.periodKey,
        taskId: placed.taskId,
        data: placed.data,
        // What the leader approved is the substance; publication details may follow without a new review.
        leaderStatus:
          before.leaderStatus === 'approved' && substanceChanged(before.data, placed.data)
            ? 'none'
            : undefined,
        updatedBy: ctx.actor.userId,
        updatedAt: this.deps.clock.now(),
      });
      if (!ok) throw new AppError('CONFLICT');
      if (before.kind === 'grassroots_problem')
        await linkProblem(tx, placed.data.problemId as number | null, id);
      if (input.attendance && kindsWithAttendance.has(before.kind)) {
        const saved = new Set((await repo.attendanceOf(tx, id)).map((a) => a.personId));
        await checkAttendance(tx, before.branchId, input.attendance, saved);
      }
      // Who is expected follows the form, the group and the date, so the list is settled on every save.
      await settleAttendance(
        tx,
        { id, kind: before.kind, branchId: before.branchId, data: placed.data, occurredOn: input.occurredOn },
        input.attendance,
      );
      await this.snapshot(tx, ctx, id, input.version + 1, 'update');
      await writeAudit(tx, ctx, this.deps.clock, {
        action: 'record.update',
        entityType: 'record',
        entityId: id,
        before: {
          title: before.title,
          occurredOn: before.occurredOn,
          data: before.data,
          version: before.version,
        },
        after: {
          title: input.title,
          occurredOn: input.occurredOn,
          data: placed.data,
          version: input.version + 1,
        },
      });
    });
    return this.get(ctx, id);
  }

  /** Submits for review when every blocking checklist item is done. */
  async submit(ctx: AuthedContext, id: number, version: number): Promise<RecordDetail> {
    await this.deps.db.transaction(async (tx) => {
      const record = await this.writable(ctx, id, tx);
      if (record.version !== version) throw new AppError('CONFLICT');
      await this.submitWithin(tx, ctx, record);
    });
    return this.get(ctx, id);
  }

  /**
   * A revision the leader in charge has just approved goes on to the committee when the branch
   * has already entered everything, its publication date (reached) and 文号 included: the branch
   * need not come back only to submit. Runs in the leader's transaction; false, and nothing
   * changed, when something is still missing — the branch then submits it as usual.
   */
  async submitAfterLeader(tx: Db, ctx: AuthedContext, id: number): Promise<boolean> {
    const record = await repo.lockRecord(tx, id);
    if (!record || !isEditableStatus(record.status)) return false;
    try {
      await this.submitWithin(tx, ctx, record, 'leader_approval');
      return true;
    } catch (error) {
      if (error instanceof AppError && error.code !== 'CONFLICT') return false;
      throw error;
    }
  }

  /** Every check runs before the first write, so a refusal leaves the record as it was. */
  private async submitWithin(tx: Db, ctx: AuthedContext, record: repo.RecordRow, via?: 'leader_approval') {
    const { id, version } = record;
    // Placed again: a confirmation or publication since the last save may move it to its month.
    const placed = await this.place(tx, record, id, record.data as Record<string, unknown>);
    const publishedOn = record.kind === 'rule_revision' ? (placed.data.publishedOn as string | null) : null;
    if (publishedOn && publishedOn > this.today()) {
      const message = '制度尚未发布:发布日期晚于今天,发布后再提交';
      throw new AppError('DATE_IN_FUTURE', [{ path: 'body.data.publishedOn', message }], message);
    }
    await assertAttendanceCurrent(tx, { ...record, data: placed.data });
    if (kindsWithAttendance.has(record.kind)) await assertRolesPresent(tx, id, placed.data);
    const missing = (await checklistOfRow(tx, { ...record, data: placed.data })).filter(
      (i) => i.blocking && !i.done,
    );
    if (missing.length) {
      throw new AppError(
        'RECORD_INCOMPLETE',
        missing.map((i) => ({ path: i.key, message: i.label })),
        `记录尚不完整:${missing.map((i) => i.label.replace(/^已/, '')).join(';')}`,
      );
    }
    const now = this.deps.clock.now();
    const ok = await repo.updateRecordVersioned(tx, id, version, {
      data: placed.data,
      countsOn: placed.countsOn,
      periodKey: placed.periodKey,
      taskId: placed.taskId,
      status: 'submitted',
      submittedAt: now,
      firstSubmittedAt: record.firstSubmittedAt ?? now,
    });
    if (!ok) throw new AppError('CONFLICT');
    await computeSignals(tx, record, now);
    await this.snapshot(tx, ctx, id, version + 1, record.status === 'returned' ? 'resubmit' : 'submit');
    await writeAudit(tx, ctx, this.deps.clock, {
      action: 'record.submit',
      entityType: 'record',
      entityId: id,
      before: { status: record.status },
      after: via ? { status: 'submitted', via } : { status: 'submitted' },
    });
  }

  /** The committee grades an approved record (优/良/中/差) and may mark it a highlight (亮点). */
  async grade(
    ctx: AuthedContext,
    id: number,
    g: { quality: 'excellent' | 'good' | 'fair' | 'poor' | null; highlight: boolean; highlightNote?: string },
  ): Promise<RecordDetail> {
    assertCanReview(ctx.actor);
    await this.deps.db.transaction(async (tx) => {
      const record = await this.readable(ctx, id, tx, true);
      assertReviewsBranch(ctx.actor, record.branchId);
      if (record.status !== 'approved') {
        throw new AppError('NOT_SUBMITTED', undefined, '只能对已通过的记录进行质量评定');
      }
      const values = {
        quality: g.quality,
        highlight: g.highlight,
        highlightNote: g.highlight ? g.highlightNote || null : null,
      };
      if (!(await repo.updateRecordVersioned(tx, id, record.version, values))) throw new AppError('CONFLICT');
      await writeAudit(tx, ctx, this.deps.clock, {
        action: 'record.grade',
        entityType: 'record',
        entityId: id,
        before: { quality: record.quality, highlight: record.highlight, highlightNote: record.highlightNote },
        after: values,
      });
    });
    return this.get(ctx, id);
  }

  async get(ctx: AuthedContext, id: number): Promise<RecordDetail> {
    return recordDetail(this.deps.db, ctx, await this.readable(ctx, id));
  }

  async history(ctx: AuthedContext, id: number) {
    await this.readable(ctx, id);
    const items = await repo.historyOf(this.deps.db, id);
    return { items: items.map((h) => ({ ...h, at: h.at.toISOString() })) };
  }

  /** “Start from last month's”: the fields that usually repeat, from the branch's latest record. */
  async template(ctx: AuthedContext, branchId: number, kind: ActionKind, excludeId?: number) {
    if (!canWriteForBranch(ctx.actor, branchId)) throw notFound();
    const latest = await repo.latestOfKind(this.deps.db, branchId, kind, excludeId);
    const data = (latest?.data ?? {}) as RecordData;
    const fields = Object.fromEntries(
      repeatableFields[kind].filter((f) => f in data).map((f) => [f, data[f]]),
    );
    const attendance =
      latest && kindsWithAttendance.has(kind) ? await repo.attendanceOf(this.deps.db, latest.id) : [];
    return {
      fromRecordId: latest?.id ?? null,
      data: fields,
      expectedPersonIds: attendance.map((a) => a.personId),
    };
  }

  /** Who a meeting of this form would expect on that date, for the entry form's attendance list. */
  async expected(
    ctx: AuthedContext,
    q: { branchId: number; kind: ActionKind; occurredOn: string; form?: string; partyGroupId?: number },
  ) {
    if (!canWriteForBranch(ctx.actor, q.branchId)) throw notFound();
    const data = { form: q.form, partyGroupId: q.partyGroupId ?? null };
    return { items: await expectedFor(this.deps.db, q.kind, q.branchId, data, q.occurredOn) };
  }

  private snapshot(tx: Db, ctx: AuthedContext, id: number, version: number, change: string) {
    return writeSnapshot(tx, this.deps.clock.now(), ctx, id, version, change);
  }
}

const PUBLICATION_FIELDS = new Set(['publishedOn', 'documentNo', 'releaseForm']);
function substanceChanged(before: unknown, after: RecordData): boolean {
  const b = before as RecordData;
  return Object.keys({ ...b, ...after }).some(
    (k) => !PUBLICATION_FIELDS.has(k) && JSON.stringify(b[k]) !== JSON.stringify(after[k]),
  );
}
