/** The exemplary cases register, filtered by the period a case counts for. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { errorCode, json, type TestClient } from '../../test/test-client.js';
import { recordOf, startCampaign } from '../../test/fixtures.js';

let t: TestApp;
let campaignId: number;
let committee: TestClient;

type Case = { recordId: number; branchId: number; periodKey: string | null };
const cases = async (client: TestClient, query = '') =>
  json<{ items: Case[] }>(await client.get(`/api/cases${query}`)).items;

/** An approved optional action of the branch on the date, marked exemplary by the committee. */
async function exemplary(branchId: number, date: string): Promise<number> {
  const secretary = await t.login(`zhibu${branchId}`);
  const created = await secretary.post('/api/records', recordOf('optional', campaignId, branchId, date));
  expect(created.statusCode, created.body).toBe(200);
  const rec = json<{ id: number; version: number }>(created);
  expect((await secretary.post(`/api/records/${rec.id}/submit`, { version: rec.version })).statusCode).toBe(
    200,
  );
  expect((await committee.post(`/api/records/${rec.id}/review`, { decision: 'approved' })).statusCode).toBe(
    200,
  );
  const marked = await committee.post(`/api/records/${rec.id}/exemplary`, { exemplary: true });
  expect(marked.statusCode, marked.body).toBe(200);
  return rec.id;
}

let april: number;
let mayOwn: number;
let mayOther: number;
beforeAll(async () => {
  t = await createTestApp();
  t.clock.set(new Date('2026-05-20T09:00:00+08:00'));
  committee = await t.login('jiguan');
  campaignId = (await startCampaign(committee, 2026, [1, 2])).id;
  april = await exemplary(1, '2026-04-10');
  mayOwn = await exemplary(1, '2026-05-12');
  mayOther = await exemplary(2, '2026-05-08');
});
afterAll(async () => t.close());

describe('exemplary cases by period', () => {
  it('lists only the cases counting for the chosen month, of every branch', async () => {
    const member = await t.login('dangyuan');
    expect((await cases(member)).map((c) => c.recordId).sort()).toEqual([april, mayOwn, mayOther].sort());
    const may = await cases(member, '?periodKey=2026-05');
    expect(may.map((c) => c.recordId).sort()).toEqual([mayOwn, mayOther].sort());
    expect(may.every((c) => c.periodKey === '2026-05')).toBe(true);
    expect((await cases(member, '?periodKey=2026-04')).map((c) => c.recordId)).toEqual([april]);
    expect(await cases(member, '?periodKey=2026-06')).toEqual([]);
  });

  it('combines the period with the campaign', async () => {
    expect(
      (await cases(committee, `?campaignId=${campaignId}&periodKey=2026-04`)).map((c) => c.recordId),
    ).toEqual([april]);
    expect(await cases(committee, `?campaignId=${campaignId + 1000}&periodKey=2026-04`)).toEqual([]);
    // A quarterly campaign's period is well-formed; this monthly one has none of them.
    expect(await cases(committee, '?periodKey=2026-Q2')).toEqual([]);
  });

  it('refuses a malformed period with a stable code and a Chinese message', async () => {
    for (const bad of ['2026-13', '2026-5', '2026-00', '202605', '2026-Q5', '2026-05-01', "2026-05'--"]) {
      const res = await committee.get(`/api/cases?periodKey=${encodeURIComponent(bad)}`);
      expect(res.statusCode, bad).toBe(400);
      expect(errorCode(res)).toBe('VALIDATION_FAILED');
      const error = json<{ error: { message: string; details: { path: string; message: string }[] } }>(
        res,
      ).error;
      expect(error.message).toMatch(/[\u4e00-\u9fa5]/);
      expect(error.details).toEqual([
        expect.objectContaining({
          path: expect.stringContaining('periodKey'),
          message: expect.stringContaining('期间格式'),
        }),
      ]);
    }
  });
});

describe('the flags a case carries match what the server allows', () => {
  it('offers the record only to those who may open it, and the unmark only to the committee', async () => {
    type Flagged = Case & { can: { unmark: boolean; openRecord: boolean } };
    const offered: string[] = [];
    for (const user of ['zhibu1', 'zhibu2', 'dangyuan', 'jiguan', 'admin']) {
      const client = await t.login(user);
      for (const c of json<{ items: Flagged[] }>(await client.get('/api/cases')).items) {
        const opened = (await client.get(`/api/records/${c.recordId}`)).statusCode;
        expect([user, c.recordId, opened]).toEqual([user, c.recordId, c.can.openRecord ? 200 : 404]);
      }
      const other = json<{ items: Flagged[] }>(await client.get('/api/cases')).items.find(
        (c) => c.recordId === mayOther,
      )!;
      if (other.can.unmark) offered.push(user);
      else
        expect(errorCode(await client.post(`/api/records/${mayOther}/exemplary`, { exemplary: false }))).toBe(
          'FORBIDDEN',
        );
    }
    expect(offered).toEqual(['jiguan']);
    const unmarked = await committee.post(`/api/records/${mayOther}/exemplary`, { exemplary: false });
    expect(unmarked.statusCode, unmarked.body).toBe(200);
  });
});
