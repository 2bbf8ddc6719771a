import type { z } from 'zod';
import type {
  acceptBody,
  confirmBody,
  measureBody,
  problemSchema,
  recheckBody,
  raiseBody,
  solvedBody,
} from '../../../common/api/problems.js';
import type { ServiceDeps } from '../../lib/service-deps.js';
import type { AuthedContext } from '../../lib/actor.js';
import { AppError, forbidden, notFound } from '../../lib/errors.js';
import { writeAudit } from '../../lib/audit.js';
import { cstDate, daysBetween } from '../../lib/dates.js';
import { recheckDay, rechecksDue } from '../../../common/problem-recheck.js';
import type { Db } from '../../db/client.js';
import * as repo from './problems.repo.js';
import { problemScope } from './problems.policy.js';
import {
  can,
  canRaise,
  canReadProblem,
  problemCan,
  problemScope as readScope,
} from '../../../common/policies/problems.js';

type Problem = z.infer<typeof problemSchema>;
const outOfOrder = (path: string, message: string) =>
  new AppError('DATE_OUT_OF_ORDER', [{ path, message }], message);

/** Days a unit has to confirm before the committee may confirm on its behalf. */
export const CONFIRM_WAIT_DAYS = 7;

/**
 * The closed loop of a grassroots problem: raised by the unit (or found by a branch on a visit),
 * accepted by a branch with a handler, measures logged, marked solved, then confirmed by the unit
 * with a satisfaction rating. "Not solved" reopens it. Every step is an event.
 */
export class ProblemsService {
  constructor(private readonly deps: Pick<ServiceDeps, 'db' | 'clock'>) {}

  private today() {
    return cstDate(this.deps.clock.now());
  }

  async list(
    ctx: AuthedContext,
    q: { unitId?: number; branchId?: number; state?: string; category?: string },
  ) {
    const rows = await repo.listProblems(this.deps.db, problemScope(ctx.actor), q);
    const events = await repo.eventsOf(
      this.deps.db,
      rows.map((r) => r.problem.id),
    );
    return {
      items: rows.map((r) =>
        this.view(
          ctx,
          r,
          events.filter((e) => e.problemId === r.problem.id),
        ),
      ),
    };
  }

  async get(ctx: AuthedContext, id: number): Promise<Problem> {
    // Someone with no problem ledger at all, like one outside the problem's scope, finds nothing.
    const scope = readScope(ctx.actor);
    const row = scope && (await repo.findListedProblem(this.deps.db, scope, id));
    if (!row) throw notFound();
    return this.view(ctx, row, await repo.eventsOf(this.deps.db, [id]));
  }

  async raise(ctx: AuthedContext, input: z.output<typeof raiseBody>): Promise<Problem> {
    const byBranch = input.branchId !== undefined;
    if (!canRaise(ctx.actor, input)) throw forbidden();
    const now = this.deps.clock.now();
    const id = await this.deps.db.transaction(async (tx) => {
      if (!(await repo.activeUnit(tx, input.unitId))) throw new AppError('INVALID_REFERENCE');
      const handlerPersonId = byBranch ? (input.handlerPersonId ?? null) : null;
      if (handlerPersonId) await assertHandler(tx, handlerPersonId, input.branchId!);
      const newId = await repo.insertProblem(tx, {
        unitId: input.unitId,
        title: input.title,
        description: input.description,
        category: input.category,
        urgency: input.urgency,
        raisedBy: ctx.actor.userId,
        raisedByName: ctx.actor.displayName,
        raisedAt: now,
        branchId: input.branchId ?? null,
        handlerPersonId,
        acceptedAt: byBranch ? now : null,
        state: byBranch ? 'accepted' : 'raised',
      });
      await this.event(tx, ctx, newId, 'raised', { byBranch });
      if (byBranch)
        await this.event(tx, ctx, newId, 'accepted', { branchId: input.branchId, handlerPersonId });
      await writeAudit(tx, ctx, this.deps.clock, {
        action: 'problem.raised',
        entityType: 'problem',
        entityId: newId,
        after: {
          unitId: input.unitId,
          title: input.title,
          branchId: input.branchId ?? null,
          handlerPersonId,
        },
      });
      return newId;
    });
    return this.get(ctx, id);
  }

  async accept(ctx: AuthedContext, id: number, input: z.output<typeof acceptBody>) {
    return this.step(ctx, id, 'accepted', async (tx, p) => {
      if (!can(ctx.actor, 'accept', { unitId: p.unitId, branchId: input.branchId })) throw forbidden();
      if (p.state !== 'raised') throw new AppError('PROBLEM_STATE');
      if (input.handlerPersonId) await assertHandler(tx, input.handlerPersonId, input.branchId);
      return {
        values: {
          branchId: input.branchId,
          handlerPersonId: input.handlerPersonId,
          acceptedAt: this.deps.clock.now(),
          state: 'accepted' as const,
        },
        data: input,
      };
    });
  }

  async addMeasure(ctx: AuthedContext, id: number, input: z.output<typeof measureBody>) {
    return this.step(ctx, id, 'measure', async (_tx, p) => {
      if (!can(ctx.actor, 'measure', p)) throw forbidden();
      if (p.state !== 'accepted') throw new AppError('PROBLEM_STATE');
      if (input.date > this.today()) throw new AppError('DATE_IN_FUTURE', undefined, '措施日期不能晚于今天');
      if (input.date < cstDate(p.raisedAt)) throw outOfOrder('body.date', '措施日期不能早于问题提出的日期');
      return { values: {}, data: input };
    });
  }

  async markSolved(ctx: AuthedContext, id: number, input: z.output<typeof solvedBody>) {
    return this.step(ctx, id, 'solved', async (_tx, p, events) => {
      if (!can(ctx.actor, 'solve', p)) throw forbidden();
      if (p.state !== 'accepted') throw new AppError('PROBLEM_STATE');
      if (!events.some((e) => e.type === 'measure')) {
        throw new AppError('RECORD_INCOMPLETE', undefined, '请先记录至少一项解决措施');
      }
      if (input.solvedOn > this.today())
        throw new AppError('DATE_IN_FUTURE', undefined, '解决日期不能晚于今天');
      if (input.solvedOn < cstDate(p.raisedAt))
        throw outOfOrder('body.solvedOn', '解决日期不能早于问题提出的日期');
      const lastMeasure = events
        .filter((e) => e.type === 'measure')
        .map((e) => (e.data as { date?: string }).date ?? '')
        .sort()
        .at(-1);
      if (lastMeasure && input.solvedOn < lastMeasure)
        throw outOfOrder('body.solvedOn', '解决日期不能早于已记录的解决措施日期');
      return { values: { state: 'solved' as const, solvedOn: input.solvedOn }, data: input };
    });
  }

  /** The unit's word closes the loop; "not solved" sends it back to the branch. */
  async confirm(ctx: AuthedContext, id: number, input: z.output<typeof confirmBody>) {
    const type =
      input.result === 'not_solved' ? 'reopened' : input.result === 'partly' ? 'partly_solved' : 'confirmed';
    return this.step(ctx, id, type, async (_tx, p) => {
      if (!can(ctx.actor, 'confirm', p)) throw forbidden();
      if (p.state !== 'solved') throw new AppError('PROBLEM_STATE');
      if (input.result === 'not_solved')
        return { values: { state: 'accepted' as const, solvedOn: null }, data: input };
      return {
        values: {
          state: 'confirmed' as const,
          confirmation: input.result,
          confirmedOn: this.today(),
          satisfaction: input.satisfaction,
          confirmComment: input.comment ?? null,
        },
        data: input,
      };
    });
  }

  /** When a unit leaves a solved problem unanswered too long, the committee may confirm, with a reason. */
  async confirmOnBehalf(ctx: AuthedContext, id: number, result: 'solved' | 'partly', reason: string) {
    return this.step(ctx, id, 'confirmed_on_behalf', async (_tx, p, events) => {
      if (!can(ctx.actor, 'confirmOnBehalf', p)) throw forbidden();
      if (p.state !== 'solved') throw new AppError('PROBLEM_STATE');
      const solvedAt = [...events].reverse().find((e) => e.type === 'solved')!.at;
      if (daysBetween(cstDate(solvedAt), this.today()) < CONFIRM_WAIT_DAYS)
        throw new AppError('CONFIRM_TOO_EARLY');
      return {
        values: {
          state: 'confirmed' as const,
          confirmation: result,
          confirmedOn: this.today(),
          confirmedOnBehalfReason: reason,
        },
        data: { result, reason },
      };
    });
  }

  /**
   * 3 or 6 months after confirmation, the unit or the branch records whether the problem came
   * back: once each, from its day on. It stays confirmed either way; the 融合成效 view counts it.
   */
  async recheck(ctx: AuthedContext, id: number, input: z.output<typeof recheckBody>) {
    return this.step(ctx, id, 'recheck', async (_tx, p, events) => {
      if (!can(ctx.actor, 'recheck', p)) throw forbidden();
      if (p.state !== 'confirmed' || !p.confirmedOn) throw new AppError('PROBLEM_STATE');
      if (rechecksOf(events).some((r) => r.months === input.months))
        throw new AppError('PROBLEM_STATE', undefined, `${input.months}个月回访已记录`);
      const day = recheckDay(p.confirmedOn, input.months);
      if (day > this.today())
        throw new AppError('RECHECK_TOO_EARLY', undefined, `${input.months}个月回访自${day}起记录`);
      return {
        values: {},
        data: {
          months: input.months,
          cameBack: input.cameBack,
          note: input.note ?? '',
          checkedOn: this.today(),
        },
      };
    });
  }

  private async step(
    ctx: AuthedContext,
    id: number,
    type:
      | 'accepted'
      | 'measure'
      | 'solved'
      | 'confirmed'
      | 'partly_solved'
      | 'reopened'
      | 'confirmed_on_behalf'
      | 'recheck',
    decide: (
      tx: Db,
      p: repo.ProblemRow,
      events: Awaited<ReturnType<typeof repo.eventsOf>>,
    ) => Promise<{ values: Partial<repo.ProblemRow>; data: unknown }>,
  ): Promise<Problem> {
    await this.deps.db.transaction(async (tx) => {
      const p = await repo.findProblem(tx, id);
      if (!p || !canReadProblem(ctx.actor, p)) throw notFound();
      const { values, data } = await decide(tx, p, await repo.eventsOf(tx, [id]));
      if (!(await repo.updateProblem(tx, id, p.version, values))) throw new AppError('CONFLICT');
      await this.event(tx, ctx, id, type, data);
      await writeAudit(tx, ctx, this.deps.clock, {
        action: `problem.${type}`,
        entityType: 'problem',
        entityId: id,
        before: { state: p.state },
        after: { ...values, data },
      });
    });
    return this.get(ctx, id);
  }

  private async event(tx: Db, ctx: AuthedContext, problemId: number, type: string, data: unknown) {
    await repo.addEvent(tx, {
      problemId,
      type: type as 'raised',
      at: this.deps.clock.now(),
      userId: ctx.actor.userId,
      data: (data ?? {}) as Record<string, unknown>,
    });
  }

  private view(
    ctx: AuthedContext,
    r: { problem: repo.ProblemRow; unitName: string; branchName: string | null; handlerName: string | null },
    events: Awaited<ReturnType<typeof repo.eventsOf>>,
  ): Problem {
    const p = r.problem;
    const solved = [...events].reverse().find((e) => e.type === 'solved');
    const rechecks = rechecksOf(events);
    const due =
      p.state === 'confirmed'
        ? rechecksDue(
            p.confirmedOn,
            this.today(),
            rechecks.map((x) => x.months),
          )
        : [];
    const can = problemCan(ctx.actor, p);
    return {
      id: p.id,
      unitId: p.unitId,
      unitName: r.unitName,
      title: p.title,
      description: p.description,
      category: p.category,
      urgency: p.urgency,
      raisedByName: p.raisedByName,
      raisedAt: p.raisedAt.toISOString(),
      branchId: p.branchId,
      branchName: r.branchName,
      handlerPersonId: p.handlerPersonId,
      handlerName: r.handlerName,
      state: p.state,
      solvedOn: p.solvedOn,
      confirmation: p.confirmation,
      confirmedOn: p.confirmedOn,
      satisfaction: p.satisfaction,
      confirmComment: p.confirmComment,
      confirmedOnBehalfReason: p.confirmedOnBehalfReason,
      recordId: p.recordId,
      reopenCount: events.filter((e) => e.type === 'reopened').length,
      waitingDays: p.state === 'solved' && solved ? daysBetween(cstDate(solved.at), this.today()) : null,
      events: events.map((e) => ({
        type: e.type,
        at: e.at.toISOString(),
        by: e.by,
        data: e.data as Record<string, unknown>,
      })),
      rechecks,
      rechecksDue: due,
      can: { ...can, recheck: can.recheck && due.length > 0 },
    };
  }
}

/** What the recheck events of a problem found. */
function rechecksOf(events: { type: string; by: string | null; data: unknown }[]) {
  return events
    .filter((e) => e.type === 'recheck')
    .map((e) => {
      const d = e.data as { months: number; cameBack: boolean; note?: string; checkedOn: string };
      return { months: d.months, cameBack: d.cameBack, note: d.note ?? '', checkedOn: d.checkedOn, by: e.by };
    });
}

/** A handler (承办人) is an active person of the branch taking the problem on. */
async function assertHandler(tx: Db, personId: number, branchId: number): Promise<void> {
  if (!(await repo.activePersonOfBranch(tx, personId, branchId)))
    throw new AppError('INVALID_REFERENCE', undefined, '承办人须为本支部在册人员');
}
