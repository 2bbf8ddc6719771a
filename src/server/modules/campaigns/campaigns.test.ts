import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { errorCode, json, type TestClient } from '../../test/test-client.js';
import { recordOf, startCampaign } from '../../test/fixtures.js';
import type { Campaign } from '../../../common/api/campaigns.js';

type Task = {
  id: number;
  periodKey: string;
  branchId: number;
  kind: string;
  dueDate: string;
  scheduledDueDate: string;
};

let t: TestApp;
let committee: TestClient;
beforeAll(async () => {
  t = await createTestApp();
  t.clock.set(new Date('2026-05-10T09:00:00+08:00'));
  committee = await t.login('jiguan');
});
afterAll(async () => t.close());

const tasksOf = async (id: number) =>
  json<{ items: Task[] }>(await committee.get(`/api/tasks?campaignId=${id}`)).items;

describe('campaigns', () => {
  it('start with the article’s defaults: March–December, grace 5 days, not showing rankings to branches', async () => {
    const c = json<Campaign>(
      await committee.post('/api/campaigns', {
        name: '默认配置',
        year: 2026,
        branchIds: [1],
        actionKinds: [{ kind: 'study', title: '学习', required: true }],
      }),
    );
    expect(c).toMatchObject({
      months: [3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
      status: 'draft',
      branchesSeeRanking: false,
    });
    expect(c.actionKinds[0]).toMatchObject({ graceDays: 5, requiredCount: 1, period: 'month', points: 20 });
    expect(c.scoring.latePercent).toBe(50);
  });

  it('edits only what a patch names', async () => {
    const c = json<Campaign>(
      await committee.post('/api/campaigns', {
        name: '原名',
        year: 2026,
        months: [6, 7],
        branchIds: [1],
        branchesSeeRanking: true,
        actionKinds: [{ kind: 'study', title: '学习', required: true }],
      }),
    );
    const after = json<Campaign>(await committee.patch(`/api/campaigns/${c.id}`, { name: '新名' }));
    expect(after).toMatchObject({ name: '新名', months: [6, 7], branchesSeeRanking: true });
  });

  it('copies a campaign for a new year as a draft with the same configuration', async () => {
    const from = await startCampaign(committee);
    const copy = json<Campaign>(
      await committee.post(`/api/campaigns/${from.id}/copy`, { name: '2027年对标活动', year: 2027 }),
    );
    expect(copy).toMatchObject({ year: 2027, status: 'draft', copiedFromId: from.id, branchIds: [1, 2] });
    expect(copy.actionKinds.map((k) => k.kind)).toEqual([
      'study',
      'theme_day',
      'rule_revision',
      'grassroots_problem',
      'publicity',
      'optional',
    ]);
    expect(await tasksOf(copy.id)).toHaveLength(0);
  });

  it('on a running campaign, changes touch only tasks not started; history and extensions stay', async () => {
    const c = await startCampaign(committee, 2026, [1]);
    const before = await tasksOf(c.id);
    const secretary = await t.login('zhibu1');
    // May has a record (started); June is extended by the committee; March is past.
    await secretary.post('/api/records', recordOf('study', c.id, 1, '2026-05-08'));
    const june = before.find((x) => x.periodKey === '2026-06' && x.kind === 'study')!;
    await committee.post(`/api/tasks/${june.id}/extend`, { dueDate: '2026-07-20', reason: '七一集中学习' });

    const kinds = c.actionKinds.map(({ id: _id, ...k }) =>
      k.kind === 'study' ? { ...k, graceDays: 10 } : k,
    );
    const res = await committee.patch(`/api/campaigns/${c.id}`, {
      actionKinds: kinds,
      months: [3, 4, 5, 6, 7, 8, 9, 10, 11],
    });
    expect(res.statusCode, res.body).toBe(200);
    const after = await tasksOf(c.id);
    const study = (p: string) => after.find((x) => x.periodKey === p && x.kind === 'study');
    expect(study('2026-03')!.dueDate).toBe('2026-04-05'); // past: unchanged
    expect(study('2026-05')!.dueDate).toBe('2026-06-05'); // has a record: unchanged
    expect(study('2026-06')).toMatchObject({ dueDate: '2026-07-20', scheduledDueDate: '2026-07-10' }); // extension kept
    expect(study('2026-07')!.dueDate).toBe('2026-08-10'); // untouched: new rule
    expect(after.filter((x) => x.periodKey === '2026-12')).toHaveLength(0); // month removed
    expect(after.filter((x) => x.periodKey === '2026-11')).toHaveLength(5);
  });

  it('refuses to drop an action kind from a running campaign and edits of a closed one', async () => {
    const c = await startCampaign(committee, 2026, [2]);
    const res = await committee.patch(`/api/campaigns/${c.id}`, {
      actionKinds: [{ kind: 'study', title: '学习', required: true }],
    });
    expect(errorCode(res)).toBe('CAMPAIGN_RUNNING');
    await committee.post(`/api/campaigns/${c.id}/close`);
    expect(errorCode(await committee.patch(`/api/campaigns/${c.id}`, { name: '改名' }))).toBe(
      'CAMPAIGN_CLOSED',
    );
  });

  it('rejects duplicate months, unknown branches and a campaign without required actions', async () => {
    const base = {
      name: '坏配置',
      year: 2026,
      branchIds: [1],
      actionKinds: [{ kind: 'study', title: '学习', required: true }],
    };
    expect(errorCode(await committee.post('/api/campaigns', { ...base, months: [3, 3] }))).toBe(
      'VALIDATION_FAILED',
    );
    expect(errorCode(await committee.post('/api/campaigns', { ...base, branchIds: [999] }))).toBe(
      'INVALID_REFERENCE',
    );
    const optionalOnly = json<Campaign>(
      await committee.post('/api/campaigns', {
        ...base,
        actionKinds: [{ kind: 'optional', title: '自选', required: false }],
      }),
    );
    expect(errorCode(await committee.post(`/api/campaigns/${optionalOnly.id}/start`))).toBe(
      'VALIDATION_FAILED',
    );
  });
});
