/**
 * A record's `can` flags (recordCan in src/common/policies/records.ts) against what the server
 * then allows: each flag the web shows a button for is answered by the action succeeding, each
 * missing flag by a refusal.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { errorCode, json, type TestClient } from '../../test/test-client.js';
import { recordOf, startCampaign } from '../../test/fixtures.js';
import type { RecordDetail } from '../../../common/api/records.js';

let t: TestApp;
let campaignId: number;
let secretary: TestClient;
let member: TestClient;
let committee: TestClient;

const read = async (client: TestClient, id: number) =>
  json<RecordDetail>(await client.get(`/api/records/${id}`));
const save = async (client: TestClient, id: number) => {
  const r = await read(secretary, id);
  return client.put(`/api/records/${id}`, {
    title: `${r.title}(改)`,
    occurredOn: r.occurredOn,
    data: r.data,
    version: r.version,
  });
};
const grade = (client: TestClient, id: number) =>
  client.post(`/api/records/${id}/grade`, { quality: 'good', highlight: false });

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set(new Date('2026-03-20T09:00:00+08:00'));
  committee = await t.login('jiguan');
  campaignId = (await startCampaign(committee, 2026, [1, 2])).id;
  secretary = await t.login('zhibu1');
  member = await t.login('dangyuan');
});
afterAll(async () => t.close());

describe('record flags match what the server allows', () => {
  it('through a record’s life: edited by its branch, reviewed and then graded by the committee', async () => {
    const rec = json<RecordDetail>(
      await secretary.post('/api/records', recordOf('study', campaignId, 1, '2026-03-18')),
    );
    expect((await read(secretary, rec.id)).can).toEqual({ edit: true, review: false, grade: false });
    expect((await save(secretary, rec.id)).statusCode).toBe(200);
    expect((await read(member, rec.id)).can).toEqual({ edit: false, review: false, grade: false });
    expect(errorCode(await save(member, rec.id))).toBe('FORBIDDEN');

    const sent = await secretary.post(`/api/records/${rec.id}/submit`, {
      version: (await read(secretary, rec.id)).version,
    });
    expect(sent.statusCode, sent.body).toBe(200);
    expect((await read(secretary, rec.id)).can.edit).toBe(false);
    expect(errorCode(await save(secretary, rec.id))).toBe('RECORD_LOCKED');
    expect((await read(committee, rec.id)).can).toEqual({ edit: false, review: true, grade: false });
    expect(errorCode(await grade(committee, rec.id))).toBe('NOT_SUBMITTED');

    expect((await committee.post(`/api/records/${rec.id}/review`, { decision: 'approved' })).statusCode).toBe(
      200,
    );
    expect((await read(committee, rec.id)).can).toEqual({ edit: false, review: false, grade: true });
    expect((await grade(committee, rec.id)).statusCode).toBe(200);
    expect((await read(secretary, rec.id)).can.grade).toBe(false);
    expect(errorCode(await grade(secretary, rec.id))).toBe('FORBIDDEN');
  });

  it('takes the edit flag away when the campaign closes, and the save with it', async () => {
    const rec = json<RecordDetail>(
      await secretary.post('/api/records', recordOf('publicity', campaignId, 1, '2026-03-19')),
    );
    expect((await read(secretary, rec.id)).can.edit).toBe(true);
    expect((await committee.post(`/api/campaigns/${campaignId}/close`)).statusCode).toBe(200);
    expect((await read(secretary, rec.id)).can.edit).toBe(false);
    expect(errorCode(await save(secretary, rec.id))).toBe('CAMPAIGN_CLOSED');
  });
});
