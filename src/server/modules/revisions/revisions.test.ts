import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { errorCode, json, type TestClient } from '../../test/test-client.js';
import { recordOf, startCampaign } from '../../test/fixtures.js';

type Revision = {
  recordId: number;
  stage: string;
  followups: { id: number; dueOn: string; notedOn: string | null }[];
  leaderReviews: { decision: string; comment: string }[];
};
type Detail = {
  id: number;
  version: number;
  title: string;
  occurredOn: string;
  data: Record<string, unknown>;
};

let t: TestApp;
let campaignId: number;
let secretary: TestClient;
let leader: TestClient;
let rec: Detail;

const stage = async (client: TestClient, id: number) =>
  json<{ items: Revision[] }>(await client.get('/api/revisions')).items.find((r) => r.recordId === id);
const save = (client: TestClient, r: Detail, data: Record<string, unknown>) =>
  client.put(`/api/records/${r.id}`, { title: r.title, occurredOn: r.occurredOn, data, version: r.version });

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set(new Date('2026-03-20T09:00:00+08:00'));
  campaignId = (await startCampaign(await t.login('jiguan'), 2026, [5])).id;
  secretary = await t.login('zhibu5');
  leader = await t.login('lingdao');
  const body = recordOf('rule_revision', campaignId, 5, '2026-03-18');
  rec = json<Detail>(
    await secretary.post('/api/records', {
      ...body,
      data: { ...body.data, publishedOn: null, documentNo: '' },
    }),
  );
});
afterAll(async () => t.close());

describe('rule revision lifecycle', () => {
  it('cannot go to the committee before the leader in charge has approved it', async () => {
    const res = await secretary.post(`/api/records/${rec.id}/submit`, { version: rec.version });
    expect(errorCode(res)).toBe('RECORD_INCOMPLETE');
    expect(json<{ error: { message: string } }>(res).error.message).toContain('分管领导');
    expect((await stage(secretary, rec.id))!.stage).toBe('drafting');
  });

  it('goes to the leader, is locked meanwhile, and comes back with comments', async () => {
    expect(
      (await secretary.post(`/api/records/${rec.id}/leader-submit`, { version: rec.version })).statusCode,
    ).toBe(200);
    rec = json<Detail>(await secretary.get(`/api/records/${rec.id}`));
    expect(errorCode(await save(secretary, rec, rec.data))).toBe('RECORD_LOCKED');
    const queue = json<{ items: Revision[] }>(await leader.get('/api/revisions?mine=true')).items;
    expect(queue.map((r) => r.recordId)).toEqual([rec.id]);
    // Only the leader of the owning department decides; another branch's secretary cannot even see it.
    expect(
      errorCode(await secretary.post(`/api/records/${rec.id}/leader-review`, { decision: 'approved' })),
    ).toBe('FORBIDDEN');
    expect(
      errorCode(
        await (
          await t.login('zhibu1')
        ).post(`/api/records/${rec.id}/leader-review`, { decision: 'approved' }),
      ),
    ).toBe('NOT_FOUND');
    expect(
      errorCode(
        await leader.post(`/api/records/${rec.id}/leader-review`, { decision: 'returned', comment: '' }),
      ),
    ).toBe('VALIDATION_FAILED');
    expect(
      (
        await leader.post(`/api/records/${rec.id}/leader-review`, {
          decision: 'returned',
          comment: '请补充征求意见情况',
        })
      ).statusCode,
    ).toBe(200);
    expect(await stage(secretary, rec.id)).toMatchObject({
      stage: 'leader_returned',
      leaderReviews: [{ decision: 'returned', comment: '请补充征求意见情况' }],
    });
  });

  it('is approved by the leader; publication details do not need a new review, a changed substance does', async () => {
    rec = json<Detail>(await secretary.get(`/api/records/${rec.id}`));
    rec = json<Detail>(await save(secretary, rec, { ...rec.data, opinionsSolicited: '征求意见 15 条' }));
    await secretary.post(`/api/records/${rec.id}/leader-submit`, { version: rec.version });
    await leader.post(`/api/records/${rec.id}/leader-review`, { decision: 'approved' });
    expect((await stage(secretary, rec.id))!.stage).toBe('leader_approved');

    rec = json<Detail>(await secretary.get(`/api/records/${rec.id}`));
    rec = json<Detail>(
      await save(secretary, rec, { ...rec.data, publishedOn: '2026-03-19', documentNo: '华远纪〔2026〕5号' }),
    );
    expect((await stage(secretary, rec.id))!.stage).toBe('leader_approved');
  });

  it('after committee approval, opens follow-ups at 30 and 90 days and closes when both are noted', async () => {
    const submitted = await secretary.post(`/api/records/${rec.id}/submit`, { version: rec.version });
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect((await stage(secretary, rec.id))!.stage).toBe('committee_review');
    await (await t.login('jiguan')).post(`/api/records/${rec.id}/review`, { decision: 'approved' });
    const tracking = (await stage(secretary, rec.id))!;
    expect(tracking.stage).toBe('tracking');
    expect(tracking.followups.map((f) => f.dueOn)).toEqual(['2026-04-18', '2026-06-17']);

    expect(
      errorCode(
        await secretary.post(`/api/records/${rec.id}/followups/${tracking.followups[0]!.id}`, {
          note: '执行顺畅',
          notedOn: '2026-04-18',
        }),
      ),
    ).toBe('DATE_IN_FUTURE');
    t.clock.set(new Date('2026-06-20T09:00:00+08:00'));
    secretary = await t.login('zhibu5');
    const late = (await stage(secretary, rec.id))!;
    expect(late.followups.every((f) => (f as { overdue?: boolean }).overdue)).toBe(true);
    for (const f of tracking.followups) {
      const res = await secretary.post(`/api/records/${rec.id}/followups/${f.id}`, {
        note: '线索处置时限明显缩短',
        notedOn: '2026-06-18',
      });
      expect(res.statusCode, res.body).toBe(200);
    }
    expect((await stage(secretary, rec.id))!.stage).toBe('closed');
  });

  it('lists every rule with its versions in the register', async () => {
    const reg = json<{ rules: { ruleTitle: string; versions: number[] }[] }>(
      await (await t.login('jiguan')).get('/api/revisions'),
    );
    expect(reg.rules).toEqual([{ ruleTitle: '公司纪委执纪办案工作实施办法', versions: [rec.id] }]);
  });

  it('resets the leader’s approval when the substance changes after it', async () => {
    secretary = await t.login('zhibu5');
    const body = recordOf('rule_revision', campaignId, 5, '2026-06-10');
    // Not yet published: after the approval it stays with the branch, which may still change it.
    let r = json<Detail>(
      await secretary.post('/api/records', { ...body, data: { ...body.data, publishedOn: null } }),
    );
    await secretary.post(`/api/records/${r.id}/leader-submit`, { version: r.version });
    await (await t.login('lingdao')).post(`/api/records/${r.id}/leader-review`, { decision: 'approved' });
    r = json<Detail>(await secretary.get(`/api/records/${r.id}`));
    await save(secretary, r, { ...r.data, changeSummary: '完全不同的修订内容' });
    expect((await stage(secretary, r.id))!.stage).toBe('drafting');
  });
});
