import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Campaign } from '../../../common/api/campaigns.js';
import { records, tasks } from '../../db/schema/index.js';
import type { ServiceDeps } from '../../lib/service-deps.js';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { json, type TestClient } from '../../test/test-client.js';
import { loadCellStatuses } from './dashboard.facts.js';
import { branchesInOrder } from './dashboard.repo.js';

/**
 * The ranking sums scores in the database. These tests hold it to the computation it replaced:
 * every task's status derived in the service, each branch's months scored by scorePeriod (the
 * matrix still computes its cells that way), then summed and ranked per branch. Same rows, same
 * order, same ranks: on the demo year and on random campaigns whose points, rules and records
 * are drawn at random (late percentages and grades that produce half cents, several records per
 * task, times on either side of midnight in China).
 */

interface Row {
  branchId: number;
  branchName: string;
  score: number | null;
  max: number | null;
  cumulative: number;
  cumulativeMax: number;
  rank: number | null;
}

let t: TestApp;
let committee: TestClient;

const deps = (): ServiceDeps => ({
  db: t.database.db,
  dbKind: t.database.kind,
  config: t.config,
  clock: t.clock,
  files: undefined as never,
});

/** The ranking as the service computed it from the matrix's cells before it moved to SQL. */
async function rankingFromCells(campaign: Campaign, periodKey?: string): Promise<Row[]> {
  const cells = await loadCellStatuses(deps(), campaign, 'all');
  const inCampaign = new Set(campaign.branchIds);
  const branches = (await branchesInOrder(t.database.db)).filter((b) => inCampaign.has(b.id));
  const round = (n: number) => Math.round(n * 100) / 100;
  const rows = branches.map((b) => {
    const mine = cells.filter((c) => c.branchId === b.id);
    const inPeriod = periodKey ? mine.filter((c) => c.periodKey === periodKey) : [];
    return {
      branchId: b.id,
      branchName: b.name,
      score: inPeriod.length ? round(inPeriod.reduce((s, c) => s + c.score.score, 0)) : null,
      max: inPeriod.length ? inPeriod.reduce((s, c) => s + c.score.max, 0) : null,
      cumulative: round(mine.reduce((s, c) => s + c.score.score, 0)),
      cumulativeMax: mine.reduce((s, c) => s + c.score.max, 0),
    };
  });
  const by = (r: (typeof rows)[number]) => (periodKey ? (r.score ?? 0) : r.cumulative);
  const sorted = [...rows].sort((a, b) => by(b) - by(a));
  return sorted.map((r) => ({ ...r, rank: sorted.findIndex((x) => by(x) === by(r)) + 1 }));
}

async function expectSameRanking(campaign: Campaign) {
  const periods = [
    undefined,
    ...campaign.months.map((m) => `${campaign.year}-${String(m).padStart(2, '0')}`),
  ];
  for (const periodKey of periods) {
    const query = periodKey ? `&periodKey=${periodKey}` : '';
    const res = await committee.get(`/api/dashboard/ranking?campaignId=${campaign.id}${query}`);
    expect(res.statusCode, res.body).toBe(200);
    const answer = json<{ rows: Row[] }>(res);
    expect(answer.rows, `period ${periodKey ?? 'all'}`).toEqual(await rankingFromCells(campaign, periodKey));
  }
}

/** Moves the clock and logs in again: a session does not outlive months of simulated time. */
async function setNow(instant: string) {
  t.clock.set(new Date(instant));
  committee = await t.login('jiguan');
}

const campaignOf = async (id: number) => json<Campaign>(await committee.get(`/api/campaigns/${id}`));

/** A small deterministic generator, so a failing draw can be replayed from its seed. */
function random(seed: number) {
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
async function randomCampaign(seed: number): Promise<Campaign> {
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
  const { actionKinds } = await campaignOf(id);
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
  return campaignOf(id);
}

beforeAll(async () => {
  t = await createTestApp({ demoActivity: true });
});
afterAll(async () => t.close());

describe('the ranking summed in the database', () => {
  it('matches the scores of the matrix cells on the demo year, for the whole year and every month', async () => {
    await setNow('2020-12-10T09:00:00+08:00');
    const campaigns = json<{ items: { id: number; year: number }[] }>(await committee.get('/api/campaigns'));
    const demo = await campaignOf(campaigns.items.find((c) => c.year === 2020)!.id);
    await expectSameRanking(demo);
  });

  it('matches them on random campaigns, before, during and after their months', async () => {
    for (const seed of [1, 2, 3, 4]) {
      await setNow('2026-03-02T09:00:00+08:00');
      const campaign = await randomCampaign(seed);
      for (const now of [
        '2026-03-20T09:00:00+08:00',
        '2026-05-06T23:30:00+08:00',
        '2026-08-01T09:00:00+08:00',
      ]) {
        await setNow(now);
        await expectSameRanking(campaign);
      }
    }
  });
});
