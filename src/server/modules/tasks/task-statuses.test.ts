import fc from 'fast-check';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { records, taskStatuses, tasks } from '../../db/schema/index.js';
import { cstDate } from '../../lib/dates.js';
import { startCampaign } from '../../test/fixtures.js';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { testEngine } from '../../test/test-db.js';
import { keptStatusAt, keptStatuses, rebuildTaskStatuses } from './task-statuses.repo.js';

/**
 * The kept task statuses (task_statuses, written by triggers with every change to tasks and
 * records) against a recomputation from scratch, after random sequences of what moves a status:
 * drafts saved, submitted, approved with a grade or returned, graded again, reopened, deleted,
 * moved to another task, due dates extended, required counts changed, tasks added and removed,
 * and the clock moved past due dates. Each sequence ends with two checks: every task's status on
 * the clock's day as the kept row gives it equals deriveTaskStatus over the task's records (the
 * service's rule), with its best grade; and rebuilding the table from scratch corrects nothing.
 * STATUS_PROPERTY_RUNS sets the number of sequences (the suite's default keeps it fast).
 */

const RUNS = Number(process.env.STATUS_PROPERTY_RUNS ?? 40);
const grades = ['excellent', 'good', 'fair', 'poor'] as const;
const rank = { excellent: 3, good: 2, fair: 1, poor: 0 } as const;

/** One step; `pick` chooses among what exists when the step runs (modulo its count). */
const step = fc.oneof(
  fc.record({ op: fc.constant('save' as const), pick: fc.nat() }),
  fc.record({ op: fc.constant('edit' as const), pick: fc.nat() }),
  fc.record({ op: fc.constant('submit' as const), pick: fc.nat() }),
  fc.record({
    op: fc.constant('approve' as const),
    pick: fc.nat(),
    grade: fc.option(fc.constantFrom(...grades)),
  }),
  fc.record({ op: fc.constant('return' as const), pick: fc.nat() }),
  fc.record({
    op: fc.constant('grade' as const),
    pick: fc.nat(),
    grade: fc.option(fc.constantFrom(...grades)),
  }),
  fc.record({ op: fc.constant('reopen' as const), pick: fc.nat() }),
  fc.record({ op: fc.constant('delete' as const), pick: fc.nat() }),
  fc.record({ op: fc.constant('move' as const), pick: fc.nat(), to: fc.nat() }),
  fc.record({ op: fc.constant('extend' as const), pick: fc.nat(), days: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ op: fc.constant('required' as const), pick: fc.nat(), count: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ op: fc.constant('addTask' as const), pick: fc.nat() }),
  fc.record({ op: fc.constant('removeTask' as const), pick: fc.nat() }),
  fc.record({ op: fc.constant('clock' as const), hours: fc.integer({ min: 1, max: 24 * 45 }) }),
  fc.record({
    op: fc.constant('batch' as const),
    status: fc.constantFrom('submitted', 'approved', 'returned'),
  }),
);
type Step = typeof step extends fc.Arbitrary<infer S> ? S : never;

let t: TestApp;
let campaignId: number;
let extraPeriod = 0;

beforeAll(async () => {
  t = await createTestApp();
  campaignId = (await startCampaign(await t.login('jiguan'), 2026, [1, 2])).id;
}, 600_000);
afterAll(async () => t?.close());

const db = () => t.database.db;
const at = <T>(list: T[], pick: number): T | undefined =>
  list.length ? list[pick % list.length] : undefined;

async function campaignTasks() {
  return db().select().from(tasks).where(eq(tasks.campaignId, campaignId)).orderBy(tasks.id);
}
async function campaignRecords(status?: 'draft' | 'submitted' | 'approved' | 'returned') {
  const where = [eq(records.campaignId, campaignId)];
  if (status) where.push(eq(records.status, status));
  return db()
    .select()
    .from(records)
    .where(and(...where))
    .orderBy(records.id);
}
const shift = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

async function run(s: Step) {
  const now = t.clock.now();
  const set = (id: number, values: Partial<typeof records.$inferInsert>) =>
    db()
      .update(records)
      .set({ ...values, updatedAt: now })
      .where(eq(records.id, id));
  switch (s.op) {
    case 'save': {
      const task = at(await campaignTasks(), s.pick);
      if (!task) return;
      await db().insert(records).values({
        campaignId,
        branchId: task.branchId,
        kind: 'optional',
        title: '记录',
        occurredOn: task.periodStart,
        periodKey: task.periodKey,
        taskId: task.id,
        data: {},
        createdAt: now,
        updatedAt: now,
      });
      return;
    }
    case 'edit': {
      const r = at(await campaignRecords(), s.pick);
      if (r) await set(r.id, { title: `${r.title}改`, version: r.version + 1 });
      return;
    }
    case 'submit': {
      const r = at([...(await campaignRecords('draft')), ...(await campaignRecords('returned'))], s.pick);
      if (r)
        await set(r.id, {
          status: 'submitted',
          submittedAt: now,
          firstSubmittedAt: r.firstSubmittedAt ?? now,
        });
      return;
    }
    case 'approve': {
      const r = at(await campaignRecords('submitted'), s.pick);
      if (r) await set(r.id, { status: 'approved', approvedAt: now, quality: s.grade });
      return;
    }
    case 'return': {
      const r = at(await campaignRecords('submitted'), s.pick);
      if (r) await set(r.id, { status: 'returned', approvedAt: null });
      return;
    }
    case 'grade': {
      const r = at(await campaignRecords('approved'), s.pick);
      if (r) await set(r.id, { quality: s.grade });
      return;
    }
    case 'reopen': {
      // An approved record sent back, or a returned one taken up again as a draft.
      const r = at([...(await campaignRecords('approved')), ...(await campaignRecords('returned'))], s.pick);
      if (r) await set(r.id, { status: r.status === 'approved' ? 'returned' : 'draft', approvedAt: null });
      return;
    }
    case 'delete': {
      const r = at(await campaignRecords('draft'), s.pick);
      if (r) await db().delete(records).where(eq(records.id, r.id));
      return;
    }
    case 'move': {
      const [r, task] = [at(await campaignRecords(), s.pick), at(await campaignTasks(), s.to)];
      if (r && task) await set(r.id, { taskId: task.id, periodKey: task.periodKey, branchId: task.branchId });
      return;
    }
    case 'extend': {
      const task = at(await campaignTasks(), s.pick);
      if (task)
        await db()
          .update(tasks)
          .set({ dueDate: shift(task.dueDate, s.days) })
          .where(eq(tasks.id, task.id));
      return;
    }
    case 'required': {
      const task = at(await campaignTasks(), s.pick);
      if (task) await db().update(tasks).set({ requiredCount: s.count }).where(eq(tasks.id, task.id));
      return;
    }
    case 'addTask': {
      const task = at(await campaignTasks(), s.pick);
      if (!task) return;
      // A month the plan does not have, so the new task never collides with a planned one.
      const { id: _, ...rest } = task;
      extraPeriod += 1;
      await db()
        .insert(tasks)
        .values({ ...rest, periodKey: `2030-${String(extraPeriod).padStart(6, '0')}` });
      return;
    }
    case 'removeTask': {
      const held = new Set((await campaignRecords()).map((r) => r.taskId));
      const task = at(
        (await campaignTasks()).filter((x) => !held.has(x.id)),
        s.pick,
      );
      if (task) await db().delete(tasks).where(eq(tasks.id, task.id));
      return;
    }
    case 'clock':
      t.clock.set(new Date(now.getTime() + s.hours * 3_600_000));
      return;
    case 'batch':
      // Many rows in one statement: the trigger sees them together.
      await db()
        .update(records)
        .set({ status: s.status, firstSubmittedAt: sql`coalesce(${records.firstSubmittedAt}, ${now})` })
        .where(and(eq(records.campaignId, campaignId), sql`${records.id} % 3 = 0`));
      return;
  }
}

/** Every task's status and best grade derived from scratch, against the kept rows read on today. */
async function expectKeptEqualsScratch() {
  const today = cstDate(t.clock.now());
  const derived = await t.app.services.tasks.statuses({ campaignId, branchIds: 'all' });
  const approved = await campaignRecords('approved');
  const best = (taskId: number) => {
    const ranks = approved.filter((r) => r.taskId === taskId && r.quality).map((r) => rank[r.quality!]);
    return ranks.length ? Math.max(...ranks) : null;
  };
  const kept = await db()
    .select({ id: taskStatuses.taskId, status: keptStatusAt(today), best: taskStatuses.best })
    .from(taskStatuses)
    .where(eq(taskStatuses.campaignId, campaignId))
    .orderBy(taskStatuses.taskId);
  const scratch = derived
    .map((d) => ({ id: d.id, status: d.status as string, best: best(d.id) }))
    .sort((a, b) => a.id - b.id);
  expect(kept).toEqual(scratch);
  const rebuilt = await db().transaction((tx) => rebuildTaskStatuses(tx));
  expect(rebuilt.corrected).toBe(0);
}

describe(`kept task statuses on ${testEngine}`, () => {
  it(`equal a recomputation from scratch after random sequences (${RUNS} runs)`, async () => {
    await expectKeptEqualsScratch();
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 15 }), async (steps) => {
        for (const s of steps) await run(s);
        await expectKeptEqualsScratch();
      }),
      { numRuns: RUNS },
    );
  }, 3_600_000);

  it('are rebuilt from scratch when wrong or missing', async () => {
    const before = await keptStatuses(db());
    const [first, second] = before;
    await db()
      .update(taskStatuses)
      .set({ status: 'done', best: 3 })
      .where(eq(taskStatuses.taskId, first!.taskId));
    await db().delete(taskStatuses).where(eq(taskStatuses.taskId, second!.taskId));
    const wrongFirst = first!.status === 'done' && first!.best === 3 ? 0 : 1;
    const rebuilt = await db().transaction((tx) => rebuildTaskStatuses(tx));
    expect(rebuilt).toEqual({ rows: before.length, corrected: wrongFirst + 1 });
    expect(await keptStatuses(db())).toEqual(before);
  });
});
