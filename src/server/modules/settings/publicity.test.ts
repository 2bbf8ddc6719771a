import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { errorCode, json } from '../../test/test-client.js';
import { recordOf, startCampaign } from '../../test/fixtures.js';

type Channel = { code: string; label: string; active: boolean };

let t: TestApp;
let campaignId: number;
beforeAll(async () => {
  t = await createTestApp();
  t.clock.set(new Date('2026-03-20T09:00:00+08:00'));
  campaignId = (await startCampaign(await t.login('jiguan'))).id;
});
afterAll(async () => t.close());

describe('publicity channels and items', () => {
  it('starts with the four channels and lets the committee add and retire channels, never delete them', async () => {
    const committee = await t.login('jiguan');
    const { channels } = json<{ channels: Channel[] }>(
      await committee.get('/api/settings/publicity-channels'),
    );
    expect(channels.map((c) => c.code)).toEqual(['website', 'wechat', 'newsletter', 'outside_media']);
    const next = [
      ...channels.map((c) => (c.code === 'outside_media' ? { ...c, active: false } : c)),
      { code: 'toutiao', label: '今日头条号', active: true },
    ];
    expect((await committee.put('/api/settings/publicity-channels', { channels: next })).statusCode).toBe(
      200,
    );
    const dropped = await committee.put('/api/settings/publicity-channels', { channels: next.slice(1) });
    expect(errorCode(dropped)).toBe('VALIDATION_FAILED');
    expect(
      errorCode(await (await t.login('zhibu1')).put('/api/settings/publicity-channels', { channels: next })),
    ).toBe('FORBIDDEN');
  });

  it('records reach and related activities, checks channels, and counts releases per channel', async () => {
    const sec = await t.login('zhibu1');
    const study = json<{ id: number }>(
      await sec.post('/api/records', recordOf('study', campaignId, 1, '2026-03-10')),
    );
    const base = recordOf('publicity', campaignId, 1, '2026-03-12');
    const data = {
      ...base.data,
      channels: [
        {
          channel: 'website',
          publishedOn: '2026-03-12',
          link: 'https://example.com/a',
          views: 1200,
          likes: 35,
        },
        { channel: 'toutiao', publishedOn: '2026-03-13', link: 'https://example.com/b', views: 5400 },
      ],
      relatedRecordIds: [study.id],
    };
    const created = await sec.post('/api/records', { ...base, data });
    expect(created.statusCode, created.body).toBe(200);
    expect(
      errorCode(
        await sec.post('/api/records', {
          ...base,
          data: { ...data, channels: [{ channel: 'tiktok', publishedOn: '2026-03-12' }] },
        }),
      ),
    ).toBe('VALIDATION_FAILED');
    const other = json<{ id: number }>(
      await (await t.login('zhibu2')).post('/api/records', recordOf('study', campaignId, 2, '2026-03-10')),
    );
    expect(
      errorCode(await sec.post('/api/records', { ...base, data: { ...data, relatedRecordIds: [other.id] } })),
    ).toBe('INVALID_REFERENCE');

    const rec = json<{ id: number; version: number }>(created);
    await sec.post(`/api/records/${rec.id}/submit`, { version: rec.version });
    await (await t.login('jiguan')).post(`/api/records/${rec.id}/review`, { decision: 'approved' });
    const ind = json<{ publicityByChannel: Record<string, number>; tasks: { score: number } }>(
      await (await t.login('jiguan')).get(`/api/dashboard/indicators?campaignId=${campaignId}&branchId=1`),
    );
    expect(ind.publicityByChannel).toEqual({ website: 1, toutiao: 1 });
    // Reach never scores: the publicity task earns its 20 points, views or not.
    expect(ind.tasks.score).toBe(20);
  });
});
