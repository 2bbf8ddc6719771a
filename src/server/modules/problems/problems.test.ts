import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { errorCode, json } from '../../test/test-client.js';
import { recordOf, startCampaign } from '../../test/fixtures.js';
import { and, eq } from 'drizzle-orm';
import { auditLog } from '../../db/schema/index.js';

type Problem = {
  id: number;
  state: string;
  branchId: number | null;
  reopenCount: number;
  satisfaction: number | null;
  confirmedOn: string | null;
  waitingDays: number | null;
  events: { type: string }[];
  confirmedOnBehalfReason: string | null;
};

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  t.clock.set(new Date('2026-03-10T09:00:00+08:00'));
});
afterAll(async () => t.close());

const raise = async (title: string) =>
  json<Problem>(
    await (
      await t.login('jiceng')
    ).post('/api/problems', {
      unitId: 1,
      title,
      description: '复工复产急需防疫物资',
      category: '防疫复工',
      urgency: 'urgent',
    }),
  );

describe('grassroots problem closed loop', () => {
  it('refuses titles of only invisible characters and text that reverses its direction', async () => {
    const jiceng = await t.login('jiceng');
    const body = { unitId: 1, description: '说明', category: '防疫复工', urgency: 'urgent' };
    for (const title of ['\u200B\u200C\u2060', '会议照片\u202Egpj.exe']) {
      const res = await jiceng.post('/api/problems', { ...body, title });
      expect(res.statusCode).toBe(400);
      expect(errorCode(res)).toBe('VALIDATION_FAILED');
    }
    expect((await jiceng.post('/api/problems', { ...body, title: '家庭👨‍👩‍👧物资' })).statusCode).toBe(200);
  });

  it('writes an audit row when a problem is raised', async () => {
    const p = await raise('审计留痕的问题');
    const rows = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'problem'), eq(auditLog.entityId, String(p.id))));
    expect(rows.map((r) => r.action)).toEqual(['problem.raised']);
  });

  it('goes from the unit to a branch and back to the unit, which confirms and rates it', async () => {
    const p = await raise('防疫物资短缺');
    expect(p).toMatchObject({ state: 'raised', branchId: null });
    const sec = await t.login('zhibu1');
    // Every branch sees unassigned problems so one can take it on; another unit's contact would not.
    expect(
      json<{ items: { id: number }[] }>(await sec.get('/api/problems')).items.map((x) => x.id),
    ).toContain(p.id);
    expect(json<Problem>(await sec.post(`/api/problems/${p.id}/accept`, { branchId: 1 }))).toMatchObject({
      state: 'accepted',
      branchId: 1,
    });
    expect(
      errorCode(
        await sec.post(`/api/problems/${p.id}/solved`, { solvedOn: '2026-03-10', outcome: '已解决' }),
      ),
    ).toBe('RECORD_INCOMPLETE');
    await sec.post(`/api/problems/${p.id}/measures`, {
      date: '2026-03-10',
      kind: 'sourcing_supplies',
      note: '联系供应商调配口罩',
    });
    expect(
      json<Problem>(
        await sec.post(`/api/problems/${p.id}/solved`, { solvedOn: '2026-03-10', outcome: '物资已送达' }),
      ).state,
    ).toBe('solved');
    // The other branch cannot touch it now that branch 1 has it.
    expect(
      errorCode(
        await (
          await t.login('zhibu2')
        ).post(`/api/problems/${p.id}/measures`, { date: '2026-03-10', kind: 'other', note: 'x' }),
      ),
    ).toBe('NOT_FOUND');

    const contact = await t.login('jiceng');
    const reopened = json<Problem>(
      await contact.post(`/api/problems/${p.id}/confirm`, {
        result: 'not_solved',
        satisfaction: 2,
        comment: '仍缺消毒液',
      }),
    );
    expect(reopened).toMatchObject({ state: 'accepted', reopenCount: 1 });
    await sec.post(`/api/problems/${p.id}/measures`, {
      date: '2026-03-10',
      kind: 'sourcing_supplies',
      note: '补充消毒液',
    });
    await sec.post(`/api/problems/${p.id}/solved`, { solvedOn: '2026-03-10', outcome: '消毒液已补齐' });
    const done = json<Problem>(
      await contact.post(`/api/problems/${p.id}/confirm`, { result: 'solved', satisfaction: 5 }),
    );
    expect(done).toMatchObject({
      state: 'confirmed',
      satisfaction: 5,
      confirmedOn: '2026-03-10',
      reopenCount: 1,
    });
    expect(done.events.map((e) => e.type)).toEqual([
      'raised',
      'accepted',
      'measure',
      'solved',
      'reopened',
      'measure',
      'solved',
      'confirmed',
    ]);
  });

  it('lets a branch record a problem found on a visit, taken on at once', async () => {
    const sec = await t.login('zhibu2');
    const p = json<Problem>(
      await sec.post('/api/problems', {
        unitId: 3,
        title: '结算资料不规范',
        description: '现场调研发现',
        branchId: 2,
      }),
    );
    expect(p).toMatchObject({ state: 'accepted', branchId: 2 });
    expect(
      errorCode(await sec.post('/api/problems', { unitId: 3, title: 'x', description: 'y', branchId: 1 })),
    ).toBe('FORBIDDEN');
  });

  it('lets the committee confirm for a silent unit only after the waiting period, with a reason', async () => {
    const p = await raise('培训需求');
    const sec = await t.login('zhibu3');
    await sec.post(`/api/problems/${p.id}/accept`, { branchId: 3 });
    await sec.post(`/api/problems/${p.id}/measures`, {
      date: '2026-03-10',
      kind: 'training',
      note: '组织培训讲座',
    });
    await sec.post(`/api/problems/${p.id}/solved`, { solvedOn: '2026-03-10', outcome: '培训已完成' });
    const committee = await t.login('jiguan');
    expect(
      errorCode(
        await committee.post(`/api/problems/${p.id}/confirm-on-behalf`, {
          result: 'solved',
          reason: '联系人出差',
        }),
      ),
    ).toBe('CONFIRM_TOO_EARLY');
    t.clock.advance(8 * 86_400_000);
    const again = await t.login('jiguan');
    const waiting = json<Problem>(await again.get(`/api/problems/${p.id}`));
    expect(waiting.waitingDays).toBe(8);
    const done = json<Problem>(
      await again.post(`/api/problems/${p.id}/confirm-on-behalf`, {
        result: 'solved',
        reason: '联系人长期出差,经电话核实已解决',
      }),
    );
    expect(done).toMatchObject({
      state: 'confirmed',
      confirmedOnBehalfReason: '联系人长期出差,经电话核实已解决',
    });
  });

  it('keeps each unit’s problems to itself and away from leaders', async () => {
    const all = json<{ items: { unitId: number }[] }>(
      await (await t.login('admin')).get('/api/problems'),
    ).items;
    expect(all.some((x) => x.unitId === 3)).toBe(true);
    const contact = await t.login('jiceng');
    const mine = json<{ items: { unitId: number }[] }>(await contact.get('/api/problems')).items;
    expect(mine.every((x) => x.unitId === 1)).toBe(true);
    expect(mine.length).toBeGreaterThan(0);
    expect(errorCode(await (await t.login('lingdao')).get('/api/problems'))).toBe('FORBIDDEN');
    expect(
      errorCode(await contact.post('/api/problems', { unitId: 2, title: '别的单位', description: 'x' })),
    ).toBe('FORBIDDEN');
  });
});

describe('a problem in the monthly record', () => {
  it('counts for the month the unit confirmed it, and only once', async () => {
    t.clock.set(new Date('2026-03-28T09:00:00+08:00'));
    const committee = await t.login('jiguan');
    const campaignId = (await startCampaign(committee, 2026, [4])).id;
    const sec = await t.login('zhibu4');
    const p = json<Problem>(
      await sec.post('/api/problems', {
        unitId: 1,
        title: '投标文件质量',
        description: '现场发现',
        branchId: 4,
      }),
    );
    await sec.post(`/api/problems/${p.id}/measures`, {
      date: '2026-03-28',
      kind: 'one_to_one',
      note: '一对一指导',
    });
    await sec.post(`/api/problems/${p.id}/solved`, { solvedOn: '2026-03-28', outcome: '已指导完成' });

    const body = recordOf('grassroots_problem', campaignId, 4, '2026-03-28');
    const created = await sec.post('/api/records', {
      ...body,
      data: { ...body.data, problemId: p.id, unitId: 7, confirmedOn: '2026-03-01' },
    });
    expect(created.statusCode, created.body).toBe(200);
    const rec = json<{
      id: number;
      version: number;
      periodKey: string;
      data: { unitId: number; confirmedOn: string | null };
    }>(created);
    // The unit and dates come from the register, not from what the client sent.
    expect(rec.data).toMatchObject({ unitId: 1, confirmedOn: null });
    expect(rec.periodKey).toBe('2026-03');
    const early = await sec.post(`/api/records/${rec.id}/submit`, { version: rec.version });
    expect(errorCode(early), early.body).toBe('RECORD_INCOMPLETE');
    expect(
      errorCode(await sec.post('/api/records', { ...body, data: { ...body.data, problemId: p.id } })),
    ).toBe('CONFLICT');

    // The unit confirms in April: the record moves to April when it is submitted.
    t.clock.set(new Date('2026-04-02T10:00:00+08:00'));
    const confirmed = await (
      await t.login('jiceng')
    ).post(`/api/problems/${p.id}/confirm`, { result: 'solved', satisfaction: 4 });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    const submitted = await (
      await t.login('zhibu4')
    ).post(`/api/records/${rec.id}/submit`, { version: rec.version });
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(json<{ periodKey: string; countsOn: string }>(submitted)).toMatchObject({
      countsOn: '2026-04-02',
      periodKey: '2026-04',
    });
  });
});
