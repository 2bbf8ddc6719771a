import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { json, type TestClient } from '../../test/test-client.js';
import { meetingOfficers, recordOf, startCampaign } from '../../test/fixtures.js';
import type { Workbench } from '../../../common/api/workbench.js';
import type { RecordDetail } from '../../../common/api/records.js';

let t: TestApp;
let secretary: TestClient;
let campaignId: number;
beforeAll(async () => {
  t = await createTestApp();
  t.clock.set(new Date('2026-04-10T09:00:00+08:00'));
  campaignId = (await startCampaign(await t.login('jiguan'))).id;
  secretary = await t.login('zhibu1');
});
afterAll(async () => t.close());

describe('branch workbench', () => {
  it('opens on own branch and the current month, with one card per required action', async () => {
    const wb = json<Workbench>(await secretary.get('/api/workbench'));
    expect(wb.campaign?.id).toBe(campaignId);
    expect(wb.branch?.id).toBe(1);
    expect(wb.periodKey).toBe('2026-04');
    expect(wb.canWrite).toBe(true);
    expect(wb.cards.map((c) => c.task.kind)).toEqual([
      'study',
      'theme_day',
      'rule_revision',
      'grassroots_problem',
      'publicity',
    ]);
    expect(wb.cards.every((c) => c.task.status === 'not_started' && c.task.daysToDue === 25)).toBe(true);
    // Last month's untouched tasks show as overdue there.
    const march = json<Workbench>(await secretary.get('/api/workbench?periodKey=2026-03'));
    expect(march.cards.every((c) => c.task.status === 'overdue')).toBe(true);
  });

  it('shows the record in hand and what still blocks it', async () => {
    const body = recordOf('study', campaignId, 1, '2026-04-08');
    await secretary.post('/api/records', { ...body, data: { ...body.data, agenda: [] } });
    const wb = json<Workbench>(await secretary.get('/api/workbench'));
    const card = wb.cards.find((c) => c.task.kind === 'study')!;
    expect(card.task.status).toBe('in_progress');
    expect(card.record?.status).toBe('draft');
    expect(card.missing).toEqual([
      { key: 'agenda', label: '已填写议题及发言摘要', labelEn: expect.any(String) },
    ]);
  });

  it('lets the committee open any branch read-only', async () => {
    const committee = await t.login('jiguan');
    const wb = json<Workbench>(await committee.get('/api/workbench?branchId=2'));
    expect(wb.branch?.id).toBe(2);
    expect(wb.canWrite).toBe(false);
  });
});

describe('returned records on the workbench and in the record', () => {
  it('carry the committee’s reason, the names behind person fields, and lock when the campaign closes', async () => {
    const sec = await t.login('zhibu1');
    const people = json<{ items: { id: number; name: string }[] }>(
      await sec.get('/api/people?branchId=1'),
    ).items;
    const body = recordOf('theme_day', campaignId, 1, '2026-04-09');
    const rec = json<{ id: number; version: number }>(
      await sec.post('/api/records', { ...body, data: { ...body.data, hostPersonId: people[2]!.id } }),
    );
    await sec.post(`/api/records/${rec.id}/submit`, { version: rec.version });
    await (
      await t.login('jiguan')
    ).post(`/api/records/${rec.id}/review`, { decision: 'returned', comment: '请补充活动照片说明' });
    const wb = json<Workbench>(await (await t.login('zhibu1')).get('/api/workbench'));
    expect(wb.cards.find((c) => c.task.kind === 'theme_day')!.lastReturn).toMatchObject({
      comment: '请补充活动照片说明',
      reviewer: '黄晓梅',
    });

    const member = await t.login('dangyuan');
    const detail = json<{ personNames: Record<string, string> }>(await member.get(`/api/records/${rec.id}`));
    const recorder = people.find((p) => p.id === meetingOfficers(1).recorderPersonId)!;
    expect(detail.personNames).toEqual({ [people[2]!.id]: people[2]!.name, [recorder.id]: recorder.name });
    expect(json<RecordDetail>(await (await t.login('zhibu1')).get(`/api/records/${rec.id}`)).can.edit).toBe(
      true,
    );
    await (await t.login('jiguan')).post(`/api/campaigns/${campaignId}/close`);
    expect(json<RecordDetail>(await (await t.login('zhibu1')).get(`/api/records/${rec.id}`)).can.edit).toBe(
      false,
    );
  });
});
