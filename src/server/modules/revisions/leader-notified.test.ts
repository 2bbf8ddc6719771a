import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { errorCode, json, type TestClient } from '../../test/test-client.js';
import { recordOf, startCampaign } from '../../test/fixtures.js';

type Bell = {
  items: { id: number; title: string; lines: { text: string; link: string }[]; link: string }[];
  unread: number;
};

let t: TestApp;
let campaignId: number;
let secretary: TestClient;
let leader: TestClient;
/** Leads other departments than the one the revisions belong to. */
let otherLeader: TestClient;

const bell = async (client: TestClient) => json<Bell>(await client.get('/api/notifications'));
async function draft(data: Record<string, unknown> = {}) {
  const body = recordOf('rule_revision', campaignId, 1, '2026-03-18');
  const res = await secretary.post('/api/records', { ...body, data: { ...body.data, ...data } });
  expect(res.statusCode, res.body).toBe(200);
  return json<{ id: number; version: number; title: string }>(res);
}
const send = (r: { id: number; version: number }) =>
  secretary.post(`/api/records/${r.id}/leader-submit`, { version: r.version });

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set(new Date('2026-03-20T09:00:00+08:00'));
  campaignId = (await startCampaign(await t.login('jiguan'))).id;
  secretary = await t.login('zhibu1');
  leader = await t.login('lingdao');
  otherLeader = await t.login('lingdao2');
});
afterAll(async () => t.close());

describe('the leader in charge hears of a revision the moment it is sent', () => {
  it('finds it in the bell at once, linked straight to the revision they approve or return', async () => {
    const revision = await draft();
    expect((await send(revision)).statusCode).toBe(200);
    const { items, unread } = await bell(leader);
    expect(unread).toBe(1);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      title: '制度修订待您审核',
      link: `/review/${revision.id}`,
      lines: [
        {
          text: `机关第一党支部报送的制度修订「${revision.title}」待您审核。`,
          link: `/review/${revision.id}`,
        },
      ],
    });
    // What the link opens lets them decide.
    const opened = json<{ can: { leaderReview: boolean } }>(
      await leader.get(`/api/revisions/${revision.id}`),
    );
    expect(opened.can.leaderReview).toBe(true);
    // Only the leader of the owning department; the sender is not told about their own revision.
    expect((await bell(otherLeader)).items).toHaveLength(0);
    expect((await bell(secretary)).items).toHaveLength(0);

    // Returned and sent again: a second notification, for the new sending.
    await leader.post(`/api/records/${revision.id}/leader-review`, {
      decision: 'returned',
      comment: '请补充征求意见情况',
    });
    const again = json<{ version: number }>(await secretary.get(`/api/records/${revision.id}`));
    expect((await send({ id: revision.id, version: again.version })).statusCode).toBe(200);
    expect((await bell(leader)).items).toHaveLength(2);
  });

  it('sends nothing when the sending is refused, and nothing in the bell to one who turned it off', async () => {
    const before = (await bell(leader)).items.length;
    const incomplete = await draft({ gap: '' });
    expect(errorCode(await send(incomplete))).toBe('RECORD_INCOMPLETE');
    const stale = await draft();
    await secretary.put(`/api/records/${stale.id}`, {
      title: stale.title,
      occurredOn: '2026-03-18',
      data: recordOf('rule_revision', campaignId, 1, '2026-03-18').data,
      version: stale.version,
    });
    expect(errorCode(await send(stale))).toBe('CONFLICT');
    expect((await bell(leader)).items).toHaveLength(before);

    const off = await leader.put('/api/notifications/preferences', {
      inApp: false,
      email: false,
      emailAddress: '',
    });
    expect(off.statusCode, off.body).toBe(200);
    expect((await send(await draft())).statusCode).toBe(200);
    expect((await bell(leader)).items).toHaveLength(before);
  });
});
