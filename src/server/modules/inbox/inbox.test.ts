import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { errorCode, json } from '../../test/test-client.js';
import { recordOf, startCampaign } from '../../test/fixtures.js';

type Inbox = { items: { type: string; count: number; link: string }[] };
const counts = (i: Inbox) => Object.fromEntries(i.items.map((x) => [x.type, x.count]));

let t: TestApp;
let campaignId: number;
beforeAll(async () => {
  t = await createTestApp();
  t.clock.set(new Date('2026-04-01T09:00:00+08:00'));
  campaignId = (await startCampaign(await t.login('jiguan'), 2026, [1])).id;
});
afterAll(async () => t.close());

describe('each role’s inbox', () => {
  it('shows a secretary the returned record, what is due soon and the problems to take on', async () => {
    const sec = await t.login('zhibu1');
    const rec = json<{ id: number; version: number }>(
      await sec.post('/api/records', recordOf('study', campaignId, 1, '2026-03-30')),
    );
    await sec.post(`/api/records/${rec.id}/submit`, { version: rec.version });
    expect(counts(json<Inbox>(await (await t.login('jiguan')).get('/api/inbox')))).toMatchObject({
      review_waiting: 1,
    });
    await (
      await t.login('jiguan')
    ).post(`/api/records/${rec.id}/review`, { decision: 'returned', comment: '请补充' });
    await (await t.login('jiceng')).post('/api/problems', { unitId: 1, title: '问题', description: '描述' });
    const inbox = json<Inbox>(await (await t.login('zhibu1')).get('/api/inbox'));
    // March is due on 5 April, four days away: the four untouched tasks and the returned study.
    expect(counts(inbox)).toMatchObject({ record_returned: 1, task_due: 5, problem_to_accept: 1 });
    expect(inbox.items.find((x) => x.type === 'record_returned')!.link).toBe('/workbench');
  });

  it('shows a leader the revisions waiting and a contact the problems to confirm', async () => {
    const sec = await t.login('zhibu1');
    const rev = json<{ id: number; version: number }>(
      await sec.post('/api/records', recordOf('rule_revision', campaignId, 1, '2026-03-30')),
    );
    await sec.post(`/api/records/${rev.id}/leader-submit`, { version: rev.version });
    expect(counts(json<Inbox>(await (await t.login('lingdao')).get('/api/inbox')))).toEqual({
      revision_waiting: 1,
    });
    expect(counts(json<Inbox>(await (await t.login('lingdao2')).get('/api/inbox')))).toEqual({});

    const p = json<{ id: number }>(
      await sec.post('/api/problems', { unitId: 1, title: '现场问题', description: '调研发现', branchId: 1 }),
    );
    await sec.post(`/api/problems/${p.id}/measures`, {
      date: '2026-04-01',
      kind: 'site_investigation',
      note: '现场调研',
    });
    await sec.post(`/api/problems/${p.id}/solved`, { solvedOn: '2026-04-01', outcome: '已解决' });
    expect(counts(json<Inbox>(await (await t.login('jiceng')).get('/api/inbox')))).toEqual({
      problem_to_confirm: 1,
    });
  });
});

describe('exemplary cases', () => {
  it('are marked by the committee and read by every branch', async () => {
    const sec = await t.login('zhibu1');
    const body = recordOf('optional', campaignId, 1, '2026-03-30');
    const rec = json<{ id: number; version: number }>(
      await sec.post('/api/records', { ...body, data: { ...body.data, tags: ['党建融合'] } }),
    );
    expect(
      errorCode(
        await (await t.login('jiguan')).post(`/api/records/${rec.id}/exemplary`, { exemplary: true }),
      ),
    ).toBe('VALIDATION_FAILED');
    await sec.post(`/api/records/${rec.id}/submit`, { version: rec.version });
    const committee = await t.login('jiguan');
    await committee.post(`/api/records/${rec.id}/review`, { decision: 'approved' });
    expect(
      (await committee.post(`/api/records/${rec.id}/exemplary`, { exemplary: true, note: '可在各支部推广' }))
        .statusCode,
    ).toBe(200);
    expect(errorCode(await sec.post(`/api/records/${rec.id}/exemplary`, { exemplary: false }))).toBe(
      'FORBIDDEN',
    );

    const other = json<{ items: { recordId: number; branchName: string; tags: string[]; note: string }[] }>(
      await (await t.login('zhibu2')).get('/api/cases?tag=党建融合'),
    );
    expect(other.items).toEqual([
      expect.objectContaining({
        recordId: rec.id,
        branchName: '机关第一党支部',
        tags: ['党建融合'],
        note: '可在各支部推广',
      }),
    ]);
    expect(errorCode(await (await t.login('jiceng')).get('/api/cases'))).toBe('FORBIDDEN');
  });
});

// Last in the file: it closes the campaign the tests above use.
describe('a new campaign', () => {
  it('does not open with the closed campaign’s returned records', async () => {
    const committee = await t.login('jiguan');
    const before = counts(json<Inbox>(await (await t.login('zhibu1')).get('/api/inbox')));
    expect(before.record_returned).toBe(1);
    expect((await committee.post(`/api/campaigns/${campaignId}/close`)).statusCode).toBe(200);
    t.clock.set(new Date('2027-01-04T09:00:00+08:00'));
    await startCampaign(await t.login('jiguan'), 2027, [1]);
    const after = json<Inbox>(await (await t.login('zhibu1')).get('/api/inbox'));
    expect(counts(after).record_returned).toBeUndefined();
    // January 2027 is due early February: nothing is due within five days or overdue yet.
    expect(counts(after).task_overdue).toBeUndefined();
  });
});
