/**
 * What the web client's closed-loop pages read: one revision for its record page, a problem's
 * handler, the publicity register with its filters and scope, and exemplary cases with evidence.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { errorCode, json, type TestClient } from '../../test/test-client.js';
import { jpeg, recordOf, startCampaign } from '../../test/fixtures.js';
import type { PublicityItem } from '../../../common/api/publicity.js';

let t: TestApp;
let campaignId: number;
let committee: TestClient;
let secretary: TestClient;

type Detail = {
  id: number;
  version: number;
  leaderStatus: string;
  can: { edit: boolean };
  exemplary: boolean;
};

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set(new Date('2026-05-20T09:00:00+08:00'));
  committee = await t.login('jiguan');
  campaignId = (await startCampaign(committee, 2026, [1, 2])).id;
  secretary = await t.login('zhibu1');
});
afterAll(async () => t.close());

describe('a revision on its record page', () => {
  it('carries the leader trail, publication and the record’s leader status', async () => {
    const body = recordOf('rule_revision', campaignId, 1, '2026-05-10');
    const rec = json<Detail>(await secretary.post('/api/records', body));
    expect(rec.leaderStatus).toBe('none');
    await secretary.post(`/api/records/${rec.id}/leader-submit`, { version: rec.version });
    const pending = json<Detail>(await secretary.get(`/api/records/${rec.id}`));
    // Locked while the leader has it: the page shows it read-only.
    expect(pending).toMatchObject({ leaderStatus: 'pending', can: { edit: false } });
    const leader = await t.login('lingdao');
    const forLeader = json<{ stage: string; can: { leaderReview: boolean } }>(
      await leader.get(`/api/revisions/${rec.id}`),
    );
    expect(forLeader).toMatchObject({ stage: 'leader_review', can: { leaderReview: true } });
    expect(
      json<{ can: { leaderReview: boolean } }>(await secretary.get(`/api/revisions/${rec.id}`)),
    ).toMatchObject({ can: { leaderReview: false } });
    await leader.post(`/api/records/${rec.id}/leader-review`, {
      decision: 'returned',
      comment: '请补充依据',
    });
    const returned = json<{
      stage: string;
      documentNo: string;
      releaseForm: string;
      leaderReviews: { decision: string; comment: string; leader: string }[];
    }>(await secretary.get(`/api/revisions/${rec.id}`));
    expect(returned).toMatchObject({
      stage: 'leader_returned',
      documentNo: '华远纪〔2026〕3号',
      releaseForm: '正式发文',
      leaderReviews: [{ decision: 'returned', comment: '请补充依据' }],
    });
    expect(returned.leaderReviews[0]!.leader).toBeTruthy();
    const detail = json<Detail & { checklist: { key: string; done: boolean }[] }>(
      await secretary.get(`/api/records/${rec.id}`),
    );
    expect(detail).toMatchObject({ leaderStatus: 'returned', can: { edit: true } });
    expect(detail.checklist.find((i) => i.key === 'leader')!.done).toBe(false);
  });

  it('answers 404 to another branch, a grassroots contact, and for a record of another kind', async () => {
    const rec = json<Detail>(
      await secretary.post('/api/records', recordOf('rule_revision', campaignId, 1, '2026-05-11')),
    );
    expect(errorCode(await (await t.login('zhibu2')).get(`/api/revisions/${rec.id}`))).toBe('NOT_FOUND');
    expect(errorCode(await (await t.login('jiceng')).get(`/api/revisions/${rec.id}`))).toBe('NOT_FOUND');
    const study = json<Detail>(
      await secretary.post('/api/records', recordOf('study', campaignId, 1, '2026-05-11')),
    );
    expect(errorCode(await secretary.get(`/api/revisions/${study.id}`))).toBe('NOT_FOUND');
    expect(errorCode(await secretary.get('/api/revisions/999999'))).toBe('NOT_FOUND');
  });
});

describe('a problem’s handler', () => {
  it('is a person of the accepting branch, named on the problem', async () => {
    const contact = await t.login('jiceng');
    const p = json<{ id: number }>(
      await contact.post('/api/problems', {
        unitId: 1,
        title: '资料员不会用新系统',
        description: '需要培训',
      }),
    );
    const own = json<{ items: { id: number; name: string }[] }>(
      await secretary.get('/api/people?branchId=1'),
    );
    const other = json<{ items: { id: number }[] }>(await committee.get('/api/people?branchId=2'));
    const refused = await secretary.post(`/api/problems/${p.id}/accept`, {
      branchId: 1,
      handlerPersonId: other.items[0]!.id,
    });
    expect(errorCode(refused)).toBe('INVALID_REFERENCE');
    const handler = own.items[1]!;
    const accepted = json<{ state: string; handlerPersonId: number; handlerName: string }>(
      await secretary.post(`/api/problems/${p.id}/accept`, { branchId: 1, handlerPersonId: handler.id }),
    );
    expect(accepted).toMatchObject({
      state: 'accepted',
      handlerPersonId: handler.id,
      handlerName: handler.name,
    });
    // The unit's contact sees who handles it.
    const seen = json<{ handlerName: string }>(await contact.get(`/api/problems/${p.id}`));
    expect(seen.handlerName).toBe(handler.name);
  });

  it('is named at once when a branch records a problem found on a visit', async () => {
    const own = json<{ items: { id: number; name: string }[] }>(
      await secretary.get('/api/people?branchId=1'),
    );
    const other = json<{ items: { id: number }[] }>(await committee.get('/api/people?branchId=2'));
    const body = { unitId: 1, title: '项目部缺少安全培训教材', description: '走访时发现', branchId: 1 };
    expect(
      errorCode(await secretary.post('/api/problems', { ...body, handlerPersonId: other.items[0]!.id })),
    ).toBe('INVALID_REFERENCE');
    const found = json<{ state: string; handlerName: string }>(
      await secretary.post('/api/problems', { ...body, handlerPersonId: own.items[2]!.id }),
    );
    expect(found).toMatchObject({ state: 'accepted', handlerName: own.items[2]!.name });
  });
});

describe('the publicity register', () => {
  let itemId: number;
  beforeAll(async () => {
    const study = json<{ id: number }>(
      await secretary.post('/api/records', recordOf('study', campaignId, 1, '2026-04-08')),
    );
    const base = recordOf('publicity', campaignId, 1, '2026-04-10');
    itemId = json<{ id: number }>(
      await secretary.post('/api/records', {
        ...base,
        data: {
          ...base.data,
          channels: [
            { channel: 'website', publishedOn: '2026-04-10', link: 'https://example.com/n/1', views: 320 },
            { channel: 'wechat', publishedOn: '2026-05-02', link: 'https://mp.example.com/s/2', likes: 41 },
          ],
          relatedRecordIds: [study.id],
        },
      }),
    ).id;
    const other = recordOf('publicity', campaignId, 2, '2026-05-06');
    await (await t.login('zhibu2')).post('/api/records', { ...other, title: '二支部开展志愿服务' });
  });

  it('lists items with channels, reach and the activities they report', async () => {
    const { items } = json<{ items: PublicityItem[] }>(await secretary.get('/api/publicity'));
    expect(items.map((i) => i.recordId)).toEqual([itemId]);
    expect(items[0]).toMatchObject({
      branchName: expect.any(String),
      kind: 'news',
      author: '宣传委员',
      status: 'draft',
      periodKey: '2026-04',
      channels: [
        { channel: 'website', label: '公司网站', views: 320, likes: null },
        { channel: 'wechat', label: '微信公众号', likes: 41 },
      ],
      related: [{ kind: 'study', title: '学习习近平总书记重要讲话精神' }],
    });
  });

  it('filters by month, channel and branch; the committee sees every branch', async () => {
    const ids = async (client: TestClient, q: string) =>
      json<{ items: PublicityItem[] }>(await client.get(`/api/publicity${q}`)).items.map((i) => i.title);
    expect(await ids(committee, '')).toHaveLength(2);
    expect(await ids(committee, '?month=2026-04')).toEqual(['公司举办首届BIM技术大赛']);
    // Released on WeChat in May, on the website in April: the channel decides which month.
    expect(await ids(committee, '?month=2026-05&channel=wechat')).toEqual(['公司举办首届BIM技术大赛']);
    expect(await ids(committee, '?month=2026-05&channel=website')).toEqual(['二支部开展志愿服务']);
    expect(await ids(committee, '?branchId=2')).toEqual(['二支部开展志愿服务']);
    expect(await ids(committee, '?month=2026-06')).toEqual([]);
  });

  it('keeps to the caller’s scope', async () => {
    expect(json<{ items: PublicityItem[] }>(await secretary.get('/api/publicity?branchId=2')).items).toEqual(
      [],
    );
    const member = await t.login('dangyuan');
    expect(json<{ items: PublicityItem[] }>(await member.get('/api/publicity')).items).toHaveLength(1);
    expect(errorCode(await (await t.login('lingdao')).get('/api/publicity'))).toBe('FORBIDDEN');
    expect(errorCode(await (await t.login('jiceng')).get('/api/publicity'))).toBe('FORBIDDEN');
    expect(errorCode(await committee.get('/api/publicity?month=2026-13'))).toBe('VALIDATION_FAILED');
  });
});

describe('exemplary cases', () => {
  it('carry branch, month and evidence, which every branch may open; the record says whether it is one', async () => {
    const base = recordOf('optional', campaignId, 1, '2026-05-12');
    const rec = json<Detail>(
      await secretary.post('/api/records', { ...base, data: { ...base.data, tags: ['党员先锋岗'] } }),
    );
    const up = await secretary.upload(
      `/api/records/${rec.id}/evidence`,
      { kind: 'photo' },
      'xianfeng.jpg',
      await jpeg(),
      'image/jpeg',
    );
    expect(up.statusCode, up.body).toBe(200);
    const evidenceId = json<{ id: number }>(up).id;
    const fresh = json<Detail>(await secretary.get(`/api/records/${rec.id}`));
    await secretary.post(`/api/records/${rec.id}/submit`, { version: fresh.version });
    await committee.post(`/api/records/${rec.id}/review`, { decision: 'approved' });

    const otherBranch = await t.login('zhibu2');
    // Before it is exemplary, branch 2 cannot open branch 1's evidence.
    expect((await otherBranch.get(`/api/evidence/${evidenceId}/file`)).statusCode).toBe(404);
    await committee.post(`/api/records/${rec.id}/exemplary`, { exemplary: true, note: '值得推广' });
    expect(json<Detail>(await committee.get(`/api/records/${rec.id}`))).toMatchObject({
      exemplary: true,
      exemplaryNote: '值得推广',
    });
    const cases = json<{
      items: { recordId: number; branchId: number; periodKey: string; evidence: { id: number }[] }[];
    }>(await otherBranch.get('/api/cases')).items;
    expect(cases).toEqual([
      expect.objectContaining({
        recordId: rec.id,
        branchId: 1,
        periodKey: '2026-05',
        evidence: [expect.objectContaining({ id: evidenceId, kind: 'photo' })],
      }),
    ]);
    expect((await otherBranch.get(`/api/evidence/${evidenceId}/file`)).statusCode).toBe(200);
    // Leaders and contacts read no cases, nor their files.
    expect((await (await t.login('jiceng')).get(`/api/evidence/${evidenceId}/file`)).statusCode).toBe(404);

    await committee.post(`/api/records/${rec.id}/exemplary`, { exemplary: false });
    expect(json<{ items: unknown[] }>(await otherBranch.get('/api/cases')).items).toEqual([]);
    expect((await otherBranch.get(`/api/evidence/${evidenceId}/file`)).statusCode).toBe(404);
  });
});
