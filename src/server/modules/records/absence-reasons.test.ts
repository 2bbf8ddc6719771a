import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { json } from '../../test/test-client.js';
import { recordOf, startCampaign } from '../../test/fixtures.js';

type Detail = {
  id: number;
  version: number;
  title: string;
  occurredOn: string;
  data: unknown;
  attendance: { personId: number; status: string; reason: string | null }[];
};

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  t.clock.set(new Date('2026-03-20T10:00:00+08:00'));
});
afterAll(async () => t.close());

describe('reasons of absence on a record', () => {
  it('are shown to those who may read the attendance ledger, and to a member only their own', async () => {
    const campaignId = (await startCampaign(await t.login('jiguan'))).id;
    const secretary = await t.login('zhibu1');
    const created = json<Detail>(
      await secretary.post('/api/records', recordOf('study', campaignId, 1, '2026-03-18')),
    );
    const current = json<Detail>(await secretary.get(`/api/records/${created.id}`));
    expect(current.attendance.length).toBeGreaterThan(1);
    const saved = await secretary.put(`/api/records/${created.id}`, {
      title: current.title,
      occurredOn: current.occurredOn,
      data: current.data,
      attendance: current.attendance.map((a) => ({ personId: a.personId, status: 'leave', reason: '病假' })),
      version: current.version,
    });
    expect(saved.statusCode, saved.body).toBe(200);

    const asSecretary = json<Detail>(await secretary.get(`/api/records/${created.id}`));
    expect(asSecretary.attendance.every((a) => a.reason === '病假')).toBe(true);
    const asMember = json<Detail>(await (await t.login('dangyuan')).get(`/api/records/${created.id}`));
    expect(asMember.attendance.filter((a) => a.reason !== null).length).toBeLessThanOrEqual(1);
  });
});
