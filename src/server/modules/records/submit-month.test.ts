import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { errorCode, json, type TestClient } from '../../test/test-client.js';
import { jpeg, recordOf, startCampaign } from '../../test/fixtures.js';
import type { SubmitMonthResult } from '../../../common/api/submit-month.js';

let t: TestApp;
let committee: TestClient;
let secretary: TestClient;
let campaignId: number;
/** April's drafts of branch 1, by kind. */
const april: Record<string, number> = {};
let march: number;
let otherBranch: number;
let returned: number;

type Saved = { id: number; version: number; status: string };
const create = async (client: TestClient, body: object) => {
  const res = await client.post('/api/records', body);
  if (res.statusCode !== 200) throw new Error(res.body);
  return json<Saved>(res);
};
const read = async (id: number) => json<Saved>(await committee.get(`/api/records/${id}`));
const month = { branchId: 1, periodKey: '2026-04' };
const submitMonth = (client: TestClient, body: object = { campaignId, ...month }) =>
  client.post('/api/records/submit-month', body);

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set(new Date('2026-04-20T10:00:00+08:00'));
  committee = await t.login('jiguan');
  secretary = await t.login('zhibu1');
  campaignId = (await startCampaign(committee)).id;
  const photo = await jpeg();
  const on = (kind: string, date = '2026-04-16', branchId = 1) => recordOf(kind, campaignId, branchId, date);

  // Complete: the study (with its photo), the problem and the publicity item.
  for (const kind of ['study', 'grassroots_problem', 'publicity'])
    april[kind] = (await create(secretary, on(kind))).id;
  await secretary.upload(`/api/records/${april.study}/evidence`, { kind: 'photo' }, '现场.jpg', photo);
  // The theme day still lacks its summary.
  const themeDay = on('theme_day');
  april.theme_day = (await create(secretary, { ...themeDay, data: { ...themeDay.data, summary: '' } })).id;
  // The revision is with the leader in charge.
  const revision = await create(secretary, on('rule_revision'));
  april.rule_revision = revision.id;
  const sent = await secretary.post(`/api/records/${revision.id}/leader-submit`, {
    version: revision.version,
  });
  if (sent.statusCode !== 200) throw new Error(sent.body);
  // Not April's drafts of branch 1: one of March, one of branch 2, and one the committee returned.
  march = (await create(secretary, on('optional', '2026-03-18'))).id;
  otherBranch = (await create(await t.login('zhibu2'), on('study', '2026-04-16', 2))).id;
  const optional = await create(secretary, on('optional'));
  await secretary.post(`/api/records/${optional.id}/submit`, { version: optional.version });
  await committee.post(`/api/records/${optional.id}/review`, { decision: 'returned', comment: '请补充说明' });
  returned = optional.id;
});
afterAll(async () => t.close());

describe('提交本月: the branch hands in its month at once', () => {
  it('is the branch’s own: another branch gets 404, the committee 403, a bad month a field error', async () => {
    expect(errorCode(await submitMonth(await t.login('zhibu2')))).toBe('NOT_FOUND');
    expect(errorCode(await submitMonth(committee))).toBe('FORBIDDEN');
    expect(errorCode(await submitMonth(secretary, { campaignId, branchId: 1, periodKey: '2026-13' }))).toBe(
      'VALIDATION_FAILED',
    );
    expect((await read(april.study!)).status).toBe('draft');
  });

  it('submits each complete draft and says for each of the others what it still lacks', async () => {
    const answer = await submitMonth(secretary);
    expect(answer.statusCode, answer.body).toBe(200);
    const items = json<SubmitMonthResult>(answer).items;
    expect(items.map((i) => [i.kind, i.outcome, i.code])).toEqual([
      ['study', 'submitted', null],
      ['theme_day', 'refused', 'RECORD_INCOMPLETE'],
      ['rule_revision', 'waiting_leader', null],
      ['grassroots_problem', 'submitted', null],
      ['publicity', 'submitted', null],
    ]);
    const themeDay = items[1]!;
    expect(themeDay.missing).toEqual([{ key: 'summary', label: '已填写活动小结' }]);
    expect(themeDay.message).toContain('填写活动小结');
    expect(themeDay.id).toBe(april.theme_day);

    for (const kind of ['study', 'grassroots_problem', 'publicity'])
      expect((await read(april[kind]!)).status).toBe('submitted');
    expect((await read(april.theme_day!)).status).toBe('draft');
    // What is not April's draft of branch 1 stays as it was.
    expect((await read(march)).status).toBe('draft');
    expect((await read(otherBranch)).status).toBe('draft');
    expect((await read(returned)).status).toBe('returned');
  });

  it('audits each submission on its own, as if submitted one at a time', async () => {
    const admin = await t.login('admin');
    const actions = async (id: number) =>
      json<{ items: { action: string; after: unknown }[] }>(
        await admin.get(`/api/audit?entityType=record&entityId=${id}&limit=100`),
      ).items.filter((a) => a.action === 'record.submit');
    for (const kind of ['study', 'grassroots_problem', 'publicity']) {
      const rows = await actions(april[kind]!);
      expect(rows).toHaveLength(1);
      expect(rows[0]!.after).toEqual({ status: 'submitted' });
    }
    expect(await actions(april.theme_day!)).toHaveLength(0);
  });

  it('answers again with only what is left, submitting nothing twice', async () => {
    const items = json<SubmitMonthResult>(await submitMonth(secretary)).items;
    expect(items.map((i) => [i.kind, i.outcome])).toEqual([
      ['theme_day', 'refused'],
      ['rule_revision', 'waiting_leader'],
    ]);
  });
});
