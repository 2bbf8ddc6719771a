import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { errorCode, json, type TestClient } from '../../test/test-client.js';
import { recordOf, startCampaign } from '../../test/fixtures.js';
import type { GrantInput } from '../../../common/api/users.js';

type Detail = {
  id: number;
  version: number;
  title: string;
  occurredOn: string;
  status: string;
  data: Record<string, unknown>;
  can: { edit: boolean; review: boolean };
};

let t: TestApp;
let campaignId: number;
let secretary: TestClient;
/** One account that is both on the committee and secretary of branch 1. */
let dual: TestClient;

/** An account with the given roles, signed in with its own password. */
async function accountWith(username: string, grants: GrantInput[]): Promise<TestClient> {
  const admin = await t.login('admin');
  const created = await admin.post('/api/users', {
    username,
    displayName: username,
    initialPassword: 'Init@12345',
    grants,
  });
  if (created.statusCode !== 200) throw new Error(created.body);
  const client = await t.login(username, 'Init@12345');
  const changed = await client.post('/api/auth/password', {
    currentPassword: 'Init@12345',
    newPassword: 'Own@pass2026',
  });
  if (changed.statusCode !== 200) throw new Error(changed.body);
  return client;
}

const draft = async (client: TestClient, kind = 'study', branchId = 1) =>
  json<Detail>(await client.post('/api/records', recordOf(kind, campaignId, branchId, '2026-03-18')));
const read = async (client: TestClient, id: number) => json<Detail>(await client.get(`/api/records/${id}`));
const submit = async (client: TestClient, id: number) =>
  client.post(`/api/records/${id}/submit`, { version: (await read(client, id)).version });
const approve = (client: TestClient, id: number) =>
  client.post(`/api/records/${id}/review`, { decision: 'approved' });

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set(new Date('2026-03-20T09:00:00+08:00'));
  campaignId = (await startCampaign(await t.login('jiguan'), 2026, [1, 5])).id;
  secretary = await t.login('zhibu1');
  dual = await accountWith('dualrole', [{ role: 'committee' }, { role: 'branch_secretary', branchId: 1 }]);
});
afterAll(async () => t.close());

describe('separation of duties in review', () => {
  it('refuses the committee review of a record the reviewer created and submitted', async () => {
    const rec = await draft(dual);
    expect((await submit(dual, rec.id)).statusCode).toBe(200);
    expect((await read(dual, rec.id)).can.review).toBe(false);
    const res = await approve(dual, rec.id);
    expect(errorCode(res)).toBe('REVIEWER_IS_AUTHOR');
    expect(json<{ error: { message: string } }>(res).error.message).toContain('不能再审核');
    expect((await read(dual, rec.id)).status).toBe('submitted');
  });

  it('refuses it in a batch approval too, record by record, and approves the others', async () => {
    const own = await draft(dual);
    await submit(dual, own.id);
    const others = await draft(secretary);
    await submit(secretary, others.id);
    const batch = await Promise.all(
      [own.id, others.id].map(async (id) => ({ id, version: (await read(dual, id)).version })),
    );
    const res = await dual.post('/api/records/approve-many', { items: batch });
    expect(res.statusCode, res.body).toBe(200);
    const results = json<{ items: { id: number; ok: boolean; code: string | null }[] }>(res).items;
    expect(results.map((r) => [r.id, r.ok, r.code])).toEqual([
      [own.id, false, 'REVIEWER_IS_AUTHOR'],
      [others.id, true, null],
    ]);
    expect((await read(dual, own.id)).status).toBe('submitted');
    expect((await read(dual, others.id)).status).toBe('approved');
  });

  it('refuses a reviewer who only edited the record, or only submitted it', async () => {
    const edited = await draft(secretary);
    const put = await dual.put(`/api/records/${edited.id}`, {
      title: `${edited.title}(补充)`,
      occurredOn: edited.occurredOn,
      data: edited.data,
      version: edited.version,
    });
    expect(put.statusCode).toBe(200);
    expect((await submit(secretary, edited.id)).statusCode).toBe(200);
    expect(errorCode(await approve(dual, edited.id))).toBe('REVIEWER_IS_AUTHOR');
    expect(
      errorCode(
        await dual.post(`/api/records/${edited.id}/review`, { decision: 'returned', comment: '请补充' }),
      ),
    ).toBe('REVIEWER_IS_AUTHOR');

    const sent = await draft(secretary);
    expect((await submit(dual, sent.id)).statusCode).toBe(200);
    expect(errorCode(await approve(dual, sent.id))).toBe('REVIEWER_IS_AUTHOR');
    // Someone else on the committee reviews both.
    const committee = await t.login('jiguan');
    expect((await read(committee, sent.id)).can.review).toBe(true);
    expect((await approve(committee, sent.id)).statusCode).toBe(200);
  });

  it('lets the same account review a record it did not write', async () => {
    const other = await draft(secretary);
    expect((await submit(secretary, other.id)).statusCode).toBe(200);
    expect((await read(dual, other.id)).can.review).toBe(true);
    expect((await approve(dual, other.id)).statusCode).toBe(200);
  });

  it('refuses the leader review of a revision the leader wrote or sent', async () => {
    // Leader in charge of department 13 and secretary of branch 5, which revises a rule of it.
    const both = await accountWith('leadwriter', [
      { role: 'leader', departmentIds: [13] },
      { role: 'branch_secretary', branchId: 5 },
    ]);
    const body = recordOf('rule_revision', campaignId, 5, '2026-03-18');
    const rec = json<Detail>(
      await both.post('/api/records', { ...body, data: { ...body.data, publishedOn: null, documentNo: '' } }),
    );
    expect(
      (await both.post(`/api/records/${rec.id}/leader-submit`, { version: rec.version })).statusCode,
    ).toBe(200);
    const mine = json<{ items: { recordId: number; can: { leaderReview: boolean } }[] }>(
      await both.get('/api/revisions'),
    ).items.find((r) => r.recordId === rec.id)!;
    expect(mine.can.leaderReview).toBe(false);
    expect(errorCode(await both.post(`/api/records/${rec.id}/leader-review`, { decision: 'approved' }))).toBe(
      'REVIEWER_IS_AUTHOR',
    );
    // The other leader of the department decides.
    expect(
      (
        await (
          await t.login('lingdao')
        ).post(`/api/records/${rec.id}/leader-review`, { decision: 'approved' })
      ).statusCode,
    ).toBe(200);
  });
});
