import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../test/harness.js';
import type { TestClient } from '../../test/test-client.js';
import { jpeg, recordOf, startCampaign } from '../../test/fixtures.js';

/**
 * A company's organ committee in a group: it runs the activity for its own company's branches —
 * reads, reviews, grants time, compares — and sees nothing of another company's, in lists as in
 * single objects. The demo organisation becomes a group of two: branches 4 and 5 move to a second
 * company; "gongsi" is the committee of company 1 (branches 1–3), "gongsi2" of the second.
 */
let t: TestApp;
let group: TestClient;
let company1: TestClient;
let company2: TestClient;
let campaignId: number;
let secondId: number;
/** A submitted study of each branch, by branch id. */
const submitted = new Map<number, number>();

const json = <T>(res: { statusCode: number; body: string; json(): unknown }): T => {
  if (res.statusCode !== 200) throw new Error(`${res.statusCode} ${res.body}`);
  return res.json() as T;
};

async function companyCommittee(admin: TestClient, username: string, companyId: number) {
  json(
    await admin.post('/api/users', {
      username,
      displayName: `${username} 机关党委`,
      initialPassword: 'Duibiao@2020',
      grants: [{ role: 'committee', companyId }],
    }),
  );
  await t.database.db.execute(
    sql`update users set must_change_password = false where username = ${username}`,
  );
  return t.login(username);
}

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set(new Date('2026-03-20T09:00:00+08:00'));
  const admin = await t.login('admin');
  secondId = json<{ id: number }>(await admin.post('/api/org/companies', { name: '第二工程公司' })).id;
  for (const id of [4, 5]) json(await admin.patch(`/api/org/branches/${id}`, { companyId: secondId }));
  company1 = await companyCommittee(admin, 'gongsi', 1);
  company2 = await companyCommittee(admin, 'gongsi2', secondId);
  group = await t.login('jiguan');
  campaignId = (await startCampaign(group, 2026, [1, 2, 3, 4, 5])).id;
  const photo = await jpeg();
  for (const branchId of [1, 4]) {
    const secretary = await t.login(`zhibu${branchId}`);
    const r = json<{ id: number; version: number }>(
      await secretary.post('/api/records', recordOf('study', campaignId, branchId, '2026-03-10')),
    );
    // The same photo in both companies' records: an integrity signal on each.
    const up = await secretary.upload(`/api/records/${r.id}/evidence`, { kind: 'photo' }, '合影.jpg', photo);
    expect(up.statusCode, up.body).toBe(200);
    json(await secretary.post(`/api/records/${r.id}/submit`, { version: r.version }));
    submitted.set(branchId, r.id);
  }
});
afterAll(async () => t.close());

const branchesOf = (items: { branchId: number }[]) => [...new Set(items.map((i) => i.branchId))].sort();

describe("a company's committee", () => {
  it('lists only its own company’s branches: records, tasks, people, the review queue', async () => {
    const records = json<{ items: { branchId: number }[] }>(await company1.get('/api/records?limit=100'));
    expect(branchesOf(records.items)).toEqual([1]);
    const tasks = json<{ items: { branchId: number }[] }>(
      await company1.get(`/api/tasks?campaignId=${campaignId}&periodKey=2026-03`),
    );
    expect(branchesOf(tasks.items)).toEqual([1, 2, 3]);
    const people = json<{ items: { branchId: number | null }[] }>(
      await company1.get('/api/people?limit=200'),
    );
    expect(branchesOf(people.items as { branchId: number }[])).toEqual([1, 2, 3]);
    const queue = json<{ items: { branchId: number }[] }>(await company1.get('/api/records/review-groups'));
    expect(branchesOf(queue.items)).toEqual([1]);
    // The group's committee still sees both companies' waiting months.
    const all = json<{ items: { branchId: number }[] }>(await group.get('/api/records/review-groups'));
    expect(branchesOf(all.items)).toEqual([1, 4]);
  });

  it('reads a signal against another company’s record without a word of that record', async () => {
    type Signal = {
      kind: string;
      other: unknown;
      otherElsewhere: boolean;
      evidence: Record<string, unknown>;
    };
    // Branch 4's study, handed in second, carries the signal against branch 1's.
    const own = json<{ items: Signal[] }>(
      await company2.get(`/api/records/${submitted.get(4)}/signals`),
    ).items;
    const photo = own.find((s) => s.kind === 'same_photo')!;
    expect(photo).toMatchObject({ other: null, otherElsewhere: true });
    expect(Object.keys(photo.evidence).filter((k) => k.startsWith('other'))).toEqual([]);
    expect(JSON.stringify(photo)).not.toContain('机关第一党支部');
    // The group's committee reads the same signal in full.
    const full = json<{ items: Signal[] }>(await group.get(`/api/records/${submitted.get(4)}/signals`)).items;
    expect(full.find((s) => s.kind === 'same_photo')).toMatchObject({
      otherElsewhere: false,
      other: expect.objectContaining({ branchName: '机关第一党支部' }),
    });
  });

  it('reviews its own branches’ records; another company’s answer 404 and stay submitted', async () => {
    const own = await company1.post(`/api/records/${submitted.get(1)}/review`, { decision: 'approved' });
    expect(own.statusCode, own.body).toBe(200);
    const other = await company1.post(`/api/records/${submitted.get(4)}/review`, { decision: 'approved' });
    expect(other.statusCode).toBe(404);
    const still = json<{ status: string }>(await group.get(`/api/records/${submitted.get(4)}`));
    expect(still.status).toBe('submitted');
    // The second company's committee reviews its own.
    const theirs = await company2.post(`/api/records/${submitted.get(4)}/review`, {
      decision: 'returned',
      comment: '请补充会议纪要',
    });
    expect(theirs.statusCode, theirs.body).toBe(200);
  });

  it('sees its company’s dashboard, ranked among themselves, and itself against the group unranked', async () => {
    const matrix = json<{ scope: string; branches: { id: number }[] }>(
      await company1.get(`/api/dashboard/matrix?campaignId=${campaignId}`),
    );
    expect(matrix.scope).toBe('company');
    expect(matrix.branches.map((b) => b.id).sort()).toEqual([1, 2, 3]);
    const ranking = json<{ rows: { branchId: number; rank: number | null }[] }>(
      await company1.get(`/api/dashboard/ranking?campaignId=${campaignId}`),
    );
    expect(branchesOf(ranking.rows)).toEqual([1, 2, 3]);
    expect(ranking.rows.every((r) => r.rank !== null)).toBe(true);
    const companies = json<{
      rows: { companyId: number; rank: number | null }[];
      group: { branches: number };
    }>(await company1.get(`/api/dashboard/companies?campaignId=${campaignId}`));
    expect(companies.rows).toEqual([expect.objectContaining({ companyId: 1, rank: null })]);
    expect(companies.group.branches).toBe(5);
    // Asking for another company's branch by filter leaks nothing either.
    expect((await company1.get(`/api/dashboard/branches/4?campaignId=${campaignId}`)).statusCode).toBe(404);
  });

  it('downloads its company’s bulletin in its own committee’s name, its branches only', async () => {
    const res = await company2.get(`/api/documents/bulletin?campaignId=${campaignId}&periodKey=2026-03`);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    const text = (await mammoth.extractRawText({ buffer: res.rawPayload })).value;
    expect(text).toContain('中共第二工程公司机关委员会');
    expect(text).toContain('机关第四党支部');
    expect(text).not.toContain('机关第一党支部');
  });

  it('launches its own company’s campaign; not one reaching another company’s branches', async () => {
    const body = (branchIds: number[]) => ({
      name: `公司自建活动-${branchIds.join('-')}`,
      year: 2027,
      months: [1, 2],
      branchIds,
      actionKinds: [{ kind: 'study', title: '组织一次学习研讨', required: true }],
    });
    const across = await company1.post('/api/campaigns', body([1, 4]));
    expect(across.statusCode).toBe(403);
    expect((across.json() as { error: { code: string } }).error.code).toBe('CAMPAIGN_OUTSIDE_COMPANY');
    const own = json<{ id: number }>(await company1.post('/api/campaigns', body([1, 2])));
    json(await company1.post(`/api/campaigns/${own.id}/start`));
    const tasks = json<{ items: { branchId: number }[] }>(
      await company1.get(`/api/tasks?campaignId=${own.id}`),
    );
    expect(branchesOf(tasks.items)).toEqual([1, 2]);
    // Another company's committee neither lists it nor opens, changes or starts it: it is missing.
    const listed = json<{ items: { id: number }[] }>(await company2.get('/api/campaigns')).items;
    expect(listed.map((c) => c.id)).not.toContain(own.id);
    expect(listed.map((c) => c.id)).toContain(campaignId);
    expect((await company2.get(`/api/campaigns/${own.id}`)).statusCode).toBe(404);
    expect((await company2.get(`/api/dashboard/ranking?campaignId=${own.id}`)).statusCode).toBe(404);
    const edit = await company2.patch(`/api/campaigns/${own.id}`, { watchwords: '改' });
    expect(edit.statusCode).toBe(404);
    expect((await company2.post(`/api/campaigns/${own.id}/close`)).statusCode).toBe(404);
    // The group's committee sees it, as every campaign.
    expect((await group.get(`/api/campaigns/${own.id}`)).statusCode).toBe(200);
    // Nor may a company change the group's campaign, which covers both companies.
    expect((await company1.patch(`/api/campaigns/${campaignId}`, { watchwords: '改' })).statusCode).toBe(403);
  });

  it('keeps the group’s business the group’s: issued documents, the audit log, settings', async () => {
    const refused = [
      await company1.get(`/api/documents/issued?campaignId=${campaignId}`),
      await company1.get('/api/audit'),
      await company1.get('/api/notifications/robots'),
    ];
    expect(refused.map((r) => r.statusCode)).toEqual([403, 403, 403]);
  });

  it('follows its company when a branch moves: the scope is read afresh on every request', async () => {
    const admin = await t.login('admin');
    json(await admin.patch('/api/org/branches/3', { companyId: secondId }));
    const tasks = json<{ items: { branchId: number }[] }>(
      await company1.get(`/api/tasks?campaignId=${campaignId}&periodKey=2026-03`),
    );
    expect(branchesOf(tasks.items)).toEqual([1, 2]);
    json(await admin.patch('/api/org/branches/3', { companyId: 1 }));
  });
});
