import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { errorCode, json, type TestClient } from '../../test/test-client.js';
import { recordOf, startCampaign, throughLeader } from '../../test/fixtures.js';
import { dashboardHighlights } from '../../../common/api/dashboard.js';

/**
 * A small campaign whose numbers are worked out by hand below: two branches, March and April
 * 2026, five required actions of 20 points, optional actions of 2 points capped at 3 a month,
 * late = 50%, grades 优 +10% and 差 −40%, highlight +2.
 *
 * Branch 1, March: study on time 优 + highlight (20 + 2 + 2), theme day on time (20), revision on
 * time 差 (20 − 8), problem returned (0), publicity missing (0), two optional (4 → cap 3) = 59.
 * Branch 2, March: study late (10), theme day on time 良 (20), three missing = 30.
 * April is not yet due on 8 April: it counts neither for nor against completion.
 */
let t: TestApp;
let campaignId: number;
const ids: Record<string, number> = {};

async function as(username: string): Promise<TestClient> {
  return t.login(username);
}

async function submitted(
  client: TestClient,
  kind: string,
  branchId: number,
  date: string,
  attendance?: unknown[],
) {
  const body = { ...recordOf(kind, campaignId, branchId, date), ...(attendance ? { attendance } : {}) };
  const rec = json<{ id: number; version: number }>(await client.post('/api/records', body));
  const version = kind === 'rule_revision' ? await throughLeader(as, client, rec.id) : rec.version;
  const res = await client.post(`/api/records/${rec.id}/submit`, { version });
  if (res.statusCode !== 200) throw new Error(res.body);
  return rec.id;
}

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set(new Date('2026-03-25T09:00:00+08:00'));
  const committee = await as('jiguan');
  const c = json<{ id: number }>(
    await committee.post('/api/campaigns', {
      name: '手算对标',
      year: 2026,
      months: [3, 4],
      branchIds: [1, 2],
      optionalBonusCap: 3,
      scoring: {
        latePercent: 50,
        qualityAdjust: { excellent: 10, good: 0, fair: -10, poor: -40 },
        highlightBonus: 2,
      },
      actionKinds: [
        { kind: 'study', title: '学习研讨', required: true },
        { kind: 'theme_day', title: '主题党日', required: true },
        { kind: 'rule_revision', title: '制度修订', required: true },
        { kind: 'grassroots_problem', title: '基层问题', required: true },
        { kind: 'publicity', title: '新闻宣传', required: true },
        { kind: 'optional', title: '自选动作', required: false, points: 2 },
      ],
    }),
  );
  campaignId = c.id;
  await committee.post(`/api/campaigns/${campaignId}/start`);

  const s1 = await as('zhibu1');
  const people1 = json<{ items: { id: number; memberStatus: string }[] }>(
    await s1.get('/api/people?branchId=1'),
  ).items.filter((p) => p.memberStatus !== 'non_member');
  // The host and the recorder (the first two) were there: a meeting needs them present.
  const att1 = people1.map((p, i) => ({
    personId: p.id,
    status: i === 2 ? 'leave' : i === 3 ? 'absent' : 'present',
    reason: i === 2 ? '出差' : i === 3 ? '未请假' : undefined,
  }));
  ids.study1 = await submitted(s1, 'study', 1, '2026-03-10', att1);
  ids.theme1 = await submitted(s1, 'theme_day', 1, '2026-03-12');
  ids.rule1 = await submitted(s1, 'rule_revision', 1, '2026-03-15');
  ids.problem1 = await submitted(s1, 'grassroots_problem', 1, '2026-03-16');
  ids.opt1a = await submitted(s1, 'optional', 1, '2026-03-17');
  ids.opt1b = await submitted(s1, 'optional', 1, '2026-03-18');

  const s2 = await as('zhibu2');
  const people2 = json<{ items: { id: number; memberStatus: string }[] }>(
    await s2.get('/api/people?branchId=2'),
  ).items.filter((p) => p.memberStatus !== 'non_member');
  const att2 = people2.map((p, i) => ({
    personId: p.id,
    status: i === 2 ? 'leave' : 'present',
    reason: i === 2 ? '病假' : undefined,
  }));
  ids.theme2 = await submitted(s2, 'theme_day', 2, '2026-03-20', att2);
  const lateStudy = json<{ id: number; version: number }>(
    await s2.post('/api/records', recordOf('study', campaignId, 2, '2026-03-24')),
  );

  const reviewer = await as('jiguan');
  for (const id of [ids.study1, ids.theme1, ids.rule1, ids.opt1a, ids.opt1b, ids.theme2]) {
    await reviewer.post(`/api/records/${id}/review`, { decision: 'approved' });
  }
  await reviewer.post(`/api/records/${ids.problem1}/review`, {
    decision: 'returned',
    comment: '请补充基层单位确认',
  });
  await reviewer.post(`/api/records/${ids.study1}/grade`, {
    quality: 'excellent',
    highlight: true,
    highlightNote: '视频会议全员参加',
  });
  await reviewer.post(`/api/records/${ids.rule1}/grade`, { quality: 'poor', highlight: false });
  await reviewer.post(`/api/records/${ids.theme2}/grade`, { quality: 'good', highlight: false });

  // Branch 2 submits its March study on 8 April, after the 5 April due date: 补报.
  t.clock.set(new Date('2026-04-08T09:00:00+08:00'));
  const late = await (
    await as('zhibu2')
  ).post(`/api/records/${lateStudy.id}/submit`, { version: lateStudy.version });
  if (late.statusCode !== 200) throw new Error(late.body);
  await (await as('jiguan')).post(`/api/records/${lateStudy.id}/review`, { decision: 'approved' });
});
afterAll(async () => t.close());

async function ok<T extends { statusCode: number; body: string }>(res: T): Promise<T> {
  expect(res.statusCode, res.body).toBe(200);
  return res;
}

type Cell = {
  branchId: number;
  periodKey: string;
  done: number;
  doneLate: number;
  returned: number;
  overdue: number;
  notStarted: number;
  score: number;
  max: number;
};

describe('benchmarking computed from the records', () => {
  it('fills the completion matrix and scores by hand-worked rules', async () => {
    const m = json<{ cells: Cell[]; standard: number; scope: string }>(
      await (await as('jiguan')).get(`/api/dashboard/matrix?campaignId=${campaignId}`),
    );
    expect(m.standard).toBe(100);
    expect(m.scope).toBe('all');
    const cell = (b: number, p: string) => m.cells.find((c) => c.branchId === b && c.periodKey === p)!;
    expect(cell(1, '2026-03')).toMatchObject({
      done: 3,
      doneLate: 0,
      returned: 1,
      overdue: 1,
      score: 59,
      max: 100,
    });
    expect(cell(2, '2026-03')).toMatchObject({
      done: 1,
      doneLate: 1,
      returned: 0,
      overdue: 3,
      score: 30,
      max: 100,
    });
    expect(cell(1, '2026-04')).toMatchObject({ notStarted: 5, score: 0 });
  });

  it('explains a cell with the rules that produced its score', async () => {
    const c = json<{
      score: { score: number; lines: { rule: string; points: number }[] };
      tasks: { records: unknown[] }[];
    }>(
      await (
        await as('jiguan')
      ).get(`/api/dashboard/cell?campaignId=${campaignId}&branchId=1&periodKey=2026-03`),
    );
    expect(c.score.score).toBe(59);
    expect(c.score.lines).toEqual([
      { rule: '学习研讨:按时完成', ruleEn: '学习研讨: done on time', points: 20 },
      { rule: '学习研讨:质量评定“优”,加 10%', ruleEn: '学习研讨: graded excellent, +10%', points: 2 },
      { rule: '主题党日:按时完成', ruleEn: '主题党日: done on time', points: 20 },
      { rule: '制度修订:按时完成', ruleEn: '制度修订: done on time', points: 20 },
      { rule: '制度修订:质量评定“差”,减 40%', ruleEn: '制度修订: graded poor, -40%', points: -8 },
      { rule: '基层问题:未完成,不得分', ruleEn: '基层问题: not done, no points', points: 0 },
      { rule: '新闻宣传:未完成,不得分', ruleEn: '新闻宣传: not done, no points', points: 0 },
      { rule: '自选动作 2 项,加分封顶 3 分', ruleEn: '2 optional action(s), capped at 3', points: 3 },
      { rule: '亮点 1 项,每项加 2 分', ruleEn: '1 highlight(s), 2 each', points: 2 },
    ]);
    expect(c.tasks.map((x) => x.records.length)).toEqual([1, 1, 1, 1, 0]);
  });

  it('filters the matrix by action kind', async () => {
    const m = json<{ cells: Cell[]; standard: number }>(
      await (await as('jiguan')).get(`/api/dashboard/matrix?campaignId=${campaignId}&kind=study`),
    );
    expect(m.standard).toBe(20);
    const march2 = m.cells.find((c) => c.branchId === 2 && c.periodKey === '2026-03')!;
    expect(march2).toMatchObject({ doneLate: 1, score: 10, max: 20 });
  });

  it('ranks cumulatively for the committee, sharing ranks on ties', async () => {
    const r = json<{ rows: { branchId: number; cumulative: number; rank: number }[] }>(
      await (await as('jiguan')).get(`/api/dashboard/ranking?campaignId=${campaignId}`),
    );
    expect(r.rows.map((x) => [x.branchId, x.cumulative, x.rank])).toEqual([
      [1, 59, 1],
      [2, 30, 2],
    ]);

    // A tie: an April campaign where branches 1 and 2 each do their one study on time and branch 3
    // does nothing. The two share first place and the next rank is 3, not 2.
    const committee = await as('jiguan');
    const tie = json<{ id: number }>(
      await committee.post('/api/campaigns', {
        name: '并列对标',
        year: 2026,
        months: [4],
        branchIds: [1, 2, 3],
        actionKinds: [{ kind: 'study', title: '学习研讨', required: true }],
      }),
    );
    await ok(await committee.post(`/api/campaigns/${tie.id}/start`));
    for (const branchId of [1, 2]) {
      const secretary = await as(`zhibu${branchId}`);
      const rec = json<{ id: number; version: number }>(
        await secretary.post('/api/records', recordOf('study', tie.id, branchId, '2026-04-07')),
      );
      await ok(await secretary.post(`/api/records/${rec.id}/submit`, { version: rec.version }));
      await ok(await committee.post(`/api/records/${rec.id}/review`, { decision: 'approved' }));
    }
    const tied = json<{ rows: { branchId: number; cumulative: number; rank: number }[] }>(
      await committee.get(`/api/dashboard/ranking?campaignId=${tie.id}`),
    );
    expect(tied.rows.map((x) => [x.branchId, x.cumulative, x.rank])).toEqual([
      [1, 20, 1],
      [2, 20, 1],
      [3, 0, 3],
    ]);
  });

  it('computes indicators against what is due and who should attend', async () => {
    const i = json<{
      tasks: { completionRate: number; onTimeRate: number };
      attendance: { expected: number; present: number; rate: number };
      studyForms: Record<string, number>;
      rulesRevised: number;
      problemsSolved: number;
      optionalActions: number;
      publicityByChannel: Record<string, number>;
      highlights: { title: string; note: string }[];
    }>(await ok(await (await as('jiguan')).get(`/api/dashboard/indicators?campaignId=${campaignId}`)));
    expect(i.tasks.completionRate).toBe(0.5); // 5 of the 10 March tasks
    expect(i.tasks.onTimeRate).toBe(0.8); // 4 of those 5
    // Approved meetings: 10 + 10 + 10 + 10 expected; 8 + 10 + 10 + 9 present.
    expect(i.attendance).toMatchObject({ expected: 40, present: 37, rate: 0.925 });
    expect(i.studyForms).toEqual({ party_congress: 2 });
    expect(i.rulesRevised).toBe(1);
    expect(i.problemsSolved).toBe(0);
    expect(i.optionalActions).toBe(2);
    expect(i.publicityByChannel).toEqual({});
    expect(i.highlights.map((h) => h.note)).toEqual(['视频会议全员参加']);
  });

  it('lists the newest highlights on the card, and says how many there are in all', async () => {
    // A year of branch 2's optional actions (March to December), two or three a month, every one
    // approved and marked a highlight: more than the card lists.
    const committee = await as('jiguan');
    const secretary = await as('zhibu2');
    const year = await startCampaign(committee, 2025, [2]);
    const made: { id: number; version: number; date: string }[] = [];
    for (let month = 3; month <= 12; month++) {
      for (const day of month === 12 ? ['05', '10', '20'] : ['10', '20']) {
        const date = `2025-${String(month).padStart(2, '0')}-${day}`;
        const rec = json<{ id: number; version: number; periodKey: string }>(
          await ok(await secretary.post('/api/records', recordOf('optional', year.id, 2, date))),
        );
        const sent = json<{ version: number }>(
          await ok(await secretary.post(`/api/records/${rec.id}/submit`, { version: rec.version })),
        );
        made.push({ ...rec, version: sent.version, date });
      }
    }
    await ok(
      await committee.post('/api/records/approve-many', {
        items: made.map((r) => ({ id: r.id, version: r.version })),
      }),
    );
    for (const r of made) {
      await ok(
        await committee.post(`/api/records/${r.id}/grade`, {
          quality: 'good',
          highlight: true,
          highlightNote: `亮点 ${r.date}`,
        }),
      );
    }
    const i = json<{ highlights: { recordId: number; note: string }[]; highlightCount: number }>(
      await ok(await committee.get(`/api/dashboard/indicators?campaignId=${year.id}`)),
    );
    expect(i.highlightCount).toBe(21);
    const newestFirst = [...made].reverse().slice(0, dashboardHighlights);
    expect(i.highlights.map((h) => h.recordId)).toEqual(newestFirst.map((r) => r.id));
    expect(i.highlights[0]!.note).toBe('亮点 2025-12-20');
    // A range's count is the range's own.
    const june = json<{ highlights: unknown[]; highlightCount: number }>(
      await ok(
        await committee.get(`/api/dashboard/indicators?campaignId=${year.id}&from=2025-06&to=2025-06`),
      ),
    );
    expect([june.highlights.length, june.highlightCount]).toEqual([2, 2]);
  });

  it('lists what is due soon and what is overdue', async () => {
    const d = json<{ dueSoon: { periodKey: string }[]; overdue: { branchId: number; kind: string }[] }>(
      await (await as('jiguan')).get(`/api/dashboard/due?campaignId=${campaignId}&withinDays=30`),
    );
    expect(d.dueSoon).toHaveLength(10);
    expect(d.dueSoon.every((x) => x.periodKey === '2026-04')).toBe(true);
    expect(d.overdue.map((x) => `${x.branchId}:${x.kind}`).sort()).toEqual([
      '1:grassroots_problem',
      '1:publicity',
      '2:grassroots_problem',
      '2:publicity',
      '2:rule_revision',
    ]);
  });

  it('profiles a branch against the standard and the other branches', async () => {
    const p = json<{
      totals: { completionRate: number };
      kinds: { kind: string; completionRate: number; othersCompletionRate: number }[];
      strengths: string[];
      gaps: string[];
    }>(await (await as('jiguan')).get(`/api/dashboard/branches/1?campaignId=${campaignId}`));
    expect(p.totals.completionRate).toBe(0.6);
    expect(p.kinds.find((k) => k.kind === 'rule_revision')).toMatchObject({
      completionRate: 1,
      othersCompletionRate: 0,
    });
    expect(p.strengths).toContain('rule_revision');
    expect(p.gaps).toEqual(['grassroots_problem', 'publicity']);
  });
});

describe('who sees whose scores', () => {
  it('a branch secretary sees only own branch, without rank, when the campaign keeps rankings private', async () => {
    const s1 = await as('zhibu1');
    const m = json<{ cells: Cell[]; branches: { id: number }[]; scope: string }>(
      await s1.get(`/api/dashboard/matrix?campaignId=${campaignId}`),
    );
    expect(m.scope).toBe('own');
    expect(m.branches.map((b) => b.id)).toEqual([1]);
    expect(new Set(m.cells.map((c) => c.branchId))).toEqual(new Set([1]));
    const r = json<{ rows: { branchId: number; rank: number | null }[] }>(
      await s1.get(`/api/dashboard/ranking?campaignId=${campaignId}`),
    );
    expect(r.rows).toEqual([expect.objectContaining({ branchId: 1, rank: null })]);
    expect(
      errorCode(await s1.get(`/api/dashboard/cell?campaignId=${campaignId}&branchId=2&periodKey=2026-03`)),
    ).toBe('NOT_FOUND');
    expect(errorCode(await s1.get(`/api/dashboard/branches/2?campaignId=${campaignId}`))).toBe('NOT_FOUND');
    expect(errorCode(await s1.get(`/api/dashboard/indicators?campaignId=${campaignId}&branchId=2`))).toBe(
      'NOT_FOUND',
    );
  });

  it('answers none of each for months the campaign does not have', async () => {
    const empty = json<{ tasks: { total: number; done: number }; trend: unknown[] }>(
      await ok(
        await (await as('jiguan')).get(`/api/dashboard/indicators?campaignId=${campaignId}&from=2099-01`),
      ),
    );
    expect(empty.tasks).toMatchObject({ total: 0, done: 0 });
    expect(empty.trend).toEqual([]);
  });

  it('sees other branches and ranks once the committee turns the setting on', async () => {
    await (await as('jiguan')).patch(`/api/campaigns/${campaignId}`, { branchesSeeRanking: true });
    const r = json<{ rows: { branchId: number; rank: number | null }[] }>(
      await (await as('zhibu1')).get(`/api/dashboard/ranking?campaignId=${campaignId}`),
    );
    expect(r.rows.map((x) => [x.branchId, x.rank])).toEqual([
      [1, 1],
      [2, 2],
    ]);
    await (await as('jiguan')).patch(`/api/campaigns/${campaignId}`, { branchesSeeRanking: false });
  });

  it('has no dashboard for a grassroots contact or a leader', async () => {
    expect(errorCode(await (await as('jiceng')).get(`/api/dashboard/matrix?campaignId=${campaignId}`))).toBe(
      'FORBIDDEN',
    );
    expect(
      errorCode(await (await as('lingdao')).get(`/api/dashboard/ranking?campaignId=${campaignId}`)),
    ).toBe('FORBIDDEN');
  });
});
