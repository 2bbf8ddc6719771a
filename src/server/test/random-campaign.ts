import { eq } from 'drizzle-orm';
import type { Campaign } from '../../common/api/campaigns.js';
import { records, tasks } from '../db/schema/index.js';
import type { TestApp } from './harness.js';
import { json, type TestClient } from './test-client.js';

/**
 * Random campaigns for holding the dashboards' SQL to the in-service computation they replaced:
 * points, rules and records drawn at random (late percentages and grades that produce half
 * cents, several records per task, times on either side of midnight in China).
 */

/** A small deterministic generator, so a failing draw can be replayed from its seed. */
export function random(seed: number) {
  let a = seed;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = <T>(list: readonly T[]) => list[int(0, list.length - 1)]!;
  return { next, int, pick };
}

/** A started campaign over the demo branches with random rules, then random records on its tasks. */
export async function randomCampaign(t: TestApp, committee: TestClient, seed: number): Promise<Campaign> {
  const r = random(seed);
  // Points that add up exactly in binary, so a month's maximum does not depend on summing order.
  const points = [20, 7.5, 12.5, 15, 2.25, 0];
  const kinds = ['study', 'theme_day', 'rule_revision', 'grassroots_problem', 'publicity'] as const;
  const res = await committee.post('/api/campaigns', {
    name: `随机对标 ${seed}`,
    year: 2026,
    months: [3, 4, 5, 6],
    branchIds: [1, 2, 3, 4, 5],
    optionalBonusCap: r.pick([0, 3, 5, 10]),
    scoring: {
      latePercent: r.int(0, 100),
      qualityAdjust: {
        excellent: r.int(-20, 50),
        good: r.int(-30, 30),
        fair: r.int(-50, 10),
        poor: r.int(-100, 0),
      },
      highlightBonus: r.pick([0, 0.5, 1.5, 2]),
    },
    actionKinds: [
      ...kinds.map((kind) => ({
        kind,
        title: kind,
        required: true,
        requiredCount: r.int(1, 2),
        points: r.pick(points),
      })),
      { kind: 'optional', title: '自选动作', required: false, points: r.pick([2, 2.5, 0.75]) },
    ],
  });
  if (res.statusCode !== 200) throw new Error(res.body);
  const { id } = json<{ id: number }>(res);
  const started = await committee.post(`/api/campaigns/${id}/start`);
  if (started.statusCode !== 200) throw new Error(started.body);

  const db = t.database.db;
  const all = await db.select().from(tasks).where(eq(tasks.campaignId, id));
  const at = (day: string) => {
    // Either side of midnight in China, where the calendar day of a submission changes.
    const [h, m] = r.pick([
      ['00', '10'],
      ['09', '00'],
      ['23', '50'],
    ]);
    return new Date(`${day}T${h}:${m}:00+08:00`);
  };
  const shift = (day: string, days: number) =>
    new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
  const rows: (typeof records.$inferInsert)[] = [];
  const record = (branchId: number, periodKey: string, kind: string, taskId: number | null, due: string) => {
    const status = r.pick(['draft', 'submitted', 'returned', 'approved', 'approved'] as const);
    const submittedOn = shift(due, r.int(-8, 4));
    rows.push({
      campaignId: id,
      branchId,
      kind: kind as 'study',
      title: `${kind} ${periodKey}`,
      occurredOn: submittedOn,
      periodKey,
      taskId,
      status,
      data: {},
      firstSubmittedAt: status === 'draft' ? null : at(submittedOn),
      quality:
        status === 'approved' || r.next() < 0.1
          ? r.pick([null, 'excellent', 'good', 'fair', 'poor'] as const)
          : null,
      highlight: r.next() < 0.2,
      createdAt: new Date(),
      updatedAt: new Date(),
    });
  };
  const { actionKinds } = json<Campaign>(await committee.get(`/api/campaigns/${id}`));
  for (const task of all) {
    if (r.next() < 0.2) {
      await db
        .update(tasks)
        .set({ dueDate: shift(task.dueDate, r.int(1, 20)) })
        .where(eq(tasks.id, task.id));
    }
    const kind = actionKinds.find((k) => k.id === task.actionKindId)!.kind;
    for (let n = r.int(0, 3); n > 0; n--) record(task.branchId, task.periodKey, kind, task.id, task.dueDate);
  }
  // Optional actions, some in months the campaign does not cover (they score nowhere).
  for (const branchId of [1, 2, 3, 4, 5]) {
    for (const month of ['02', '03', '04', '05', '06']) {
      for (let n = r.int(0, 3); n > 0; n--)
        record(branchId, `2026-${month}`, 'optional', null, `2026-${month}-25`);
    }
  }
  await db.insert(records).values(rows);
  return json<Campaign>(await committee.get(`/api/campaigns/${id}`));
}
