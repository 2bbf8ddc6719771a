import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { errorCode, json } from '../../test/test-client.js';
import { recordOf, startCampaign } from '../../test/fixtures.js';

type Can = Record<'sendToLeader' | 'leaderReview' | 'noteFollowup', boolean>;
type Action = keyof Can;
type Revision = { stage: string; can: Can; followups: { id: number }[] };

let t: TestApp;
let campaignId: number;
beforeAll(async () => {
  t = await createTestApp();
  t.clock.set(new Date('2026-05-20T09:00:00+08:00'));
  campaignId = (await startCampaign(await t.login('jiguan'), 2026, [1, 2])).id;
});
afterAll(async () => t.close());

/** Secretaries of branches 1 and 2, a Party member of branch 1, the leader, the committee, the admin. */
const users = ['zhibu1', 'zhibu2', 'dangyuan', 'lingdao', 'jiguan', 'admin'] as const;

const version = async (id: number) =>
  json<{ version: number }>(await (await t.login('zhibu1')).get(`/api/records/${id}`)).version;

const call = async (user: string, id: number, action: Action, followupId: number) => {
  const c = await t.login(user);
  switch (action) {
    case 'sendToLeader':
      return c.post(`/api/records/${id}/leader-submit`, { version: await version(id) });
    case 'leaderReview':
      return c.post(`/api/records/${id}/leader-review`, { decision: 'approved' });
    case 'noteFollowup':
      return c.post(`/api/records/${id}/followups/${followupId}`, {
        note: '执行顺畅',
        notedOn: '2026-05-20',
      });
  }
};

/** Reads each user's flags, and checks the server refuses every step a user is not offered. */
async function flagsRefuseTheRest(id: number): Promise<Record<string, Can>> {
  const flags: Record<string, Can> = {};
  for (const user of users) {
    const res = await (await t.login(user)).get(`/api/revisions/${id}`);
    const r: Revision =
      res.statusCode === 404
        ? { stage: '', can: { sendToLeader: false, leaderReview: false, noteFollowup: false }, followups: [] }
        : json<Revision>(res);
    flags[user] = r.can;
    for (const action of Object.keys(r.can) as Action[]) {
      if (r.can[action]) continue;
      const code = errorCode(await call(user, id, action, r.followups[0]?.id ?? 999_999));
      expect([user, action, code]).toEqual([
        user,
        action,
        expect.stringMatching(/FORBIDDEN|NOT_FOUND|RECORD_LOCKED|NOT_SUBMITTED/),
      ]);
    }
  }
  return flags;
}

const offered = (flags: Record<string, Can>, action: Action) => users.filter((u) => flags[u]![action]);

describe('the flags a revision carries match what the server allows', () => {
  it('from draft to follow-up, each step offered to exactly the user the server lets take it', async () => {
    const secretary = await t.login('zhibu1');
    const id = json<{ id: number }>(
      await secretary.post('/api/records', recordOf('rule_revision', campaignId, 1, '2026-05-10')),
    ).id;

    let flags = await flagsRefuseTheRest(id);
    expect(offered(flags, 'sendToLeader')).toEqual(['zhibu1']);
    expect((await call('zhibu1', id, 'sendToLeader', 0)).statusCode).toBe(200);

    flags = await flagsRefuseTheRest(id);
    expect(offered(flags, 'leaderReview')).toEqual(['lingdao']);
    expect((await call('lingdao', id, 'leaderReview', 0)).statusCode).toBe(200);

    flags = await flagsRefuseTheRest(id);
    for (const user of users) expect(Object.values(flags[user]!).some(Boolean)).toBe(false);
    // Complete with its publication facts, the approval has sent it on to the committee.
    expect(json<{ status: string }>(await secretary.get(`/api/records/${id}`)).status).toBe('submitted');
    const reviewed = await (
      await t.login('jiguan')
    ).post(`/api/records/${id}/review`, { decision: 'approved' });
    expect(reviewed.statusCode, reviewed.body).toBe(200);

    flags = await flagsRefuseTheRest(id);
    expect(offered(flags, 'noteFollowup')).toEqual(['zhibu1']);
    const r = json<Revision>(await secretary.get(`/api/revisions/${id}`));
    expect(r.stage).toBe('tracking');
    expect((await call('zhibu1', id, 'noteFollowup', r.followups[0]!.id)).statusCode).toBe(200);
  });
});
