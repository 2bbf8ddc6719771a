import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { errorCode, json, type TestClient } from '../../test/test-client.js';
import { recordOf, startCampaign } from '../../test/fixtures.js';

// What solving a grassroots problem changed for the unit, where it has a measure: the value
// before and after (record-fields/effect.ts), asked for once the measure is named, on the ledger.

type Detail = {
  id: number;
  version: number;
  checklist: { key: string; done: boolean; blocking: boolean }[];
};

let t: TestApp;
let campaignId: number;
let secretary: TestClient;
let committee: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set(new Date('2026-03-20T09:00:00+08:00'));
  committee = await t.login('jiguan');
  campaignId = (await startCampaign(committee, 2026, [5])).id;
  secretary = await t.login('zhibu5');
});
afterAll(async () => t.close());

const problem = (effect: Record<string, unknown>) => {
  const body = recordOf('grassroots_problem', campaignId, 5, '2026-03-18');
  return secretary.post('/api/records', { ...body, data: { ...body.data, ...effect } });
};

describe('a grassroots problem’s effect, before and after', () => {
  it('once a measure is named, its values before and after are needed to submit; a negative one is refused', async () => {
    const half = json<Detail>(
      await problem({ effectName: '群众等待天数', effectUnit: '天', effectBefore: 12 }),
    );
    expect(half.checklist.find((c) => c.key === 'effect')).toMatchObject({ done: false, blocking: true });
    const refused = await secretary.post(`/api/records/${half.id}/submit`, { version: half.version });
    expect(errorCode(refused)).toBe('RECORD_INCOMPLETE');

    expect(errorCode(await problem({ effectName: '群众等待天数', effectAfter: -1 }))).toBe(
      'VALIDATION_FAILED',
    );

    // Without a measure nothing more is asked.
    const plain = json<Detail>(await problem({}));
    expect(plain.checklist.find((c) => c.key === 'effect')).toMatchObject({ done: false, blocking: false });
  });

  it('is kept with the record and shown on the problem ledger as 解决前 → 解决后', async () => {
    const res = await problem({
      effectName: '群众等待天数',
      effectUnit: '天',
      effectBefore: 12,
      effectAfter: 3,
    });
    expect(res.statusCode, res.body).toBe(200);
    const created = json<Detail>(res);
    expect(created.checklist.find((c) => c.key === 'effect')).toMatchObject({ done: true });
    const sent = await secretary.post(`/api/records/${created.id}/submit`, { version: created.version });
    expect(sent.statusCode, sent.body).toBe(200);
    const approved = await committee.post(`/api/records/${created.id}/review`, { decision: 'approved' });
    expect(approved.statusCode, approved.body).toBe(200);

    const ledger = await committee.get(`/api/ledgers/grassroots_problem?campaignId=${campaignId}`);
    expect(ledger.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(ledger.rawPayload as unknown as ArrayBuffer);
    const cells: string[] = [];
    book.worksheets[0]!.eachRow((row) => row.eachCell((c) => cells.push(String(c.value ?? ''))));
    expect(cells).toContain('成效(解决前 → 解决后)');
    expect(cells).toContain('群众等待天数 12 → 3 天');
  });
});
