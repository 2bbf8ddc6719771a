import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { errorCode, json, type TestClient } from '../../test/test-client.js';
import { recordOf, startCampaign, throughLeader } from '../../test/fixtures.js';

type Problem = { id: number; state: string };
type Detail = { id: number; version: number };

let t: TestApp;
let campaignId: number;
let secretary: TestClient;
let committee: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set(new Date('2026-03-20T09:00:00+08:00'));
  committee = await t.login('jiguan');
  campaignId = (await startCampaign(committee, 2026, [1])).id;
  secretary = await t.login('zhibu1');
});
afterAll(async () => t.close());

const message = (res: { json(): unknown }) => (res.json() as { error: { message: string } }).error.message;

describe('dates follow what they follow, and none lies in the future', () => {
  it('refuses a measure or a solved date before the problem was raised, or a solution before its measure', async () => {
    // Raised today, 20 March.
    const p = json<Problem>(
      await secretary.post('/api/problems', {
        unitId: 1,
        title: '资料归档',
        description: '现场发现',
        branchId: 1,
      }),
    );
    const path = `/api/problems/${p.id}`;
    const early = await secretary.post(`${path}/measures`, {
      date: '2026-03-19',
      kind: 'other',
      note: '指导',
    });
    expect(errorCode(early)).toBe('DATE_OUT_OF_ORDER');
    expect(message(early)).toContain('提出');
    expect(
      errorCode(
        await secretary.post(`${path}/measures`, { date: '2026-03-21', kind: 'other', note: '指导' }),
      ),
    ).toBe('DATE_IN_FUTURE');

    t.clock.set(new Date('2026-03-25T09:00:00+08:00'));
    secretary = await t.login('zhibu1');
    committee = await t.login('jiguan');
    expect(
      (await secretary.post(`${path}/measures`, { date: '2026-03-23', kind: 'other', note: '一对一指导' }))
        .statusCode,
    ).toBe(200);
    expect(
      errorCode(await secretary.post(`${path}/solved`, { solvedOn: '2026-03-19', outcome: '已解决' })),
    ).toBe('DATE_OUT_OF_ORDER');
    const beforeMeasure = await secretary.post(`${path}/solved`, {
      solvedOn: '2026-03-22',
      outcome: '已解决',
    });
    expect(errorCode(beforeMeasure)).toBe('DATE_OUT_OF_ORDER');
    expect(message(beforeMeasure)).toContain('措施');
    expect(
      json<Problem>(await secretary.post(`${path}/solved`, { solvedOn: '2026-03-23', outcome: '已解决' }))
        .state,
    ).toBe('solved');
  });

  it('refuses a revision follow-up noted before the rule was published', async () => {
    const body = recordOf('rule_revision', campaignId, 1, '2026-03-18');
    const rec = json<Detail>(await secretary.post('/api/records', body));
    const version = await throughLeader((u) => t.login(u), secretary, rec.id);
    expect((await secretary.post(`/api/records/${rec.id}/submit`, { version })).statusCode).toBe(200);
    expect((await committee.post(`/api/records/${rec.id}/review`, { decision: 'approved' })).statusCode).toBe(
      200,
    );
    const revision = json<{ followups: { id: number }[] }>(await secretary.get(`/api/revisions/${rec.id}`));
    const followup = `/api/records/${rec.id}/followups/${revision.followups[0]!.id}`;
    const early = await secretary.post(followup, { note: '执行顺畅', notedOn: '2026-03-17' });
    expect(errorCode(early)).toBe('DATE_OUT_OF_ORDER');
    expect(message(early)).toContain('发布');
    expect((await secretary.post(followup, { note: '执行顺畅', notedOn: '2026-03-18' })).statusCode).toBe(
      200,
    );
  });

  it('refuses a publicity channel dated in the future, even after an earlier one', async () => {
    const body = recordOf('publicity', campaignId, 1, '2026-03-18');
    const channels = [
      { channel: 'website', publishedOn: '2026-03-18', link: 'https://example.com/news/1' },
      { channel: 'wechat', publishedOn: '2099-01-01', link: 'https://example.com/wx/1' },
    ];
    const res = await secretary.post('/api/records', { ...body, data: { ...body.data, channels } });
    expect(errorCode(res)).toBe('DATE_IN_FUTURE');
    expect(JSON.stringify(res.json())).toContain('body.data.channels.1.publishedOn');
  });

  it('refuses a problem record resolved before its measures, or with a measure in the future', async () => {
    const body = recordOf('grassroots_problem', campaignId, 1, '2026-03-18');
    const measure = { date: '2026-03-18', kind: 'sourcing_supplies', note: '调配物资' };
    expect(
      errorCode(
        await secretary.post('/api/records', {
          ...body,
          data: { ...body.data, measures: [measure], resolvedOn: '2026-03-17' },
        }),
      ),
    ).toBe('DATE_OUT_OF_ORDER');
    expect(
      errorCode(
        await secretary.post('/api/records', {
          ...body,
          data: { ...body.data, measures: [{ ...measure, date: '2099-01-01' }], resolvedOn: null },
        }),
      ),
    ).toBe('DATE_IN_FUTURE');
  });
});
