import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { errorCode, json, type TestClient } from '../../test/test-client.js';
import { recordOf, startCampaign } from '../../test/fixtures.js';

type Detail = {
  id: number;
  version: number;
  status: string;
  periodKey: string;
  data: Record<string, unknown>;
};

let t: TestApp;
let campaignId: number;
let secretary: TestClient;
let leader: TestClient;

const read = async (id: number) => json<Detail>(await secretary.get(`/api/records/${id}`));
const stageOf = async (id: number) =>
  json<{ stage: string }>(await secretary.get(`/api/revisions/${id}`)).stage;
async function sendToLeader(publishedOn: string | null) {
  const body = recordOf('rule_revision', campaignId, 5, '2026-03-18');
  const created = json<Detail>(
    await secretary.post('/api/records', { ...body, data: { ...body.data, publishedOn } }),
  );
  const sent = await secretary.post(`/api/records/${created.id}/leader-submit`, { version: created.version });
  expect(sent.statusCode, sent.body).toBe(200);
  return created.id;
}

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set(new Date('2026-03-20T09:00:00+08:00'));
  campaignId = (await startCampaign(await t.login('jiguan'), 2026, [5])).id;
  secretary = await t.login('zhibu5');
  leader = await t.login('lingdao');
});
afterAll(async () => t.close());

describe('a revision completed in one go', () => {
  it('goes to the committee on the leader’s approval when its publication facts were entered', async () => {
    const id = await sendToLeader('2026-03-19');
    expect(await stageOf(id)).toBe('leader_review');
    const approved = await leader.post(`/api/records/${id}/leader-review`, { decision: 'approved' });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(await stageOf(id)).toBe('committee_review');
    expect((await read(id)).status).toBe('submitted');
    // In the committee's queue, and in the audit log as a submission that came with the approval.
    const queue = json<{ items: { id: number }[] }>(
      await (await t.login('jiguan')).get('/api/records?status=submitted&branchId=5'),
    );
    expect(queue.items.map((r) => r.id)).toContain(id);
    const audit = json<{ items: { action: string; after: unknown }[] }>(
      await (await t.login('admin')).get(`/api/audit?entityType=record&entityId=${id}&limit=100`),
    ).items;
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['revision.to_leader', 'revision.leader_approve', 'record.submit']),
    );
    expect(audit.find((a) => a.action === 'record.submit')!.after).toMatchObject({ via: 'leader_approval' });
  });

  it('takes a planned publication date; the approval before that day leaves it for the branch to submit once published', async () => {
    const id = await sendToLeader('2026-03-27');
    expect((await read(id)).periodKey).toBe('2026-03');
    await leader.post(`/api/records/${id}/leader-review`, { decision: 'approved' });
    expect(await stageOf(id)).toBe('leader_approved');
    const early = await read(id);
    expect(errorCode(await secretary.post(`/api/records/${id}/submit`, { version: early.version }))).toBe(
      'DATE_IN_FUTURE',
    );
    t.clock.set(new Date('2026-03-27T15:00:00+08:00'));
    secretary = await t.login('zhibu5');
    leader = await t.login('lingdao');
    const res = await secretary.post(`/api/records/${id}/submit`, { version: early.version });
    expect(res.statusCode, res.body).toBe(200);
  });

  it('stays with the branch after the approval when the publication facts are missing', async () => {
    const id = await sendToLeader(null);
    await leader.post(`/api/records/${id}/leader-review`, { decision: 'approved' });
    expect(await stageOf(id)).toBe('leader_approved');
    expect((await read(id)).status).toBe('draft');
  });

  it('refuses future dates other than the planned publication', async () => {
    const body = recordOf('study', campaignId, 5, '2026-03-28');
    expect(errorCode(await secretary.post('/api/records', body))).toBe('DATE_IN_FUTURE');
  });
});
