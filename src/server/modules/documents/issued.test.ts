import { createHash } from 'node:crypto';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IssuedDocument } from '../../../common/api/documents.js';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { json, type TestClient } from '../../test/test-client.js';

/**
 * Issued documents (印发) on the demo year: numbered, dated, signed with the full name, and frozen
 * — the file downloaded a year later is the file that was issued.
 */
let t: TestApp;
let committee: TestClient;
let campaignId: number;

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const text = async (b: Buffer) => (await mammoth.extractRawText({ buffer: b })).value;

async function issue(body: Record<string, unknown>, who = committee) {
  return who.post('/api/documents/issued', { campaignId, ...body });
}
async function issued(body: Record<string, unknown>): Promise<IssuedDocument> {
  const res = await issue(body);
  expect(res.statusCode, res.body).toBe(200);
  return json<IssuedDocument>(res);
}
async function download(id: number, who = committee): Promise<Buffer> {
  const res = await who.get(`/api/documents/issued/${id}/file`);
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  return res.rawPayload;
}
async function list(): Promise<IssuedDocument[]> {
  return json<{ items: IssuedDocument[] }>(
    await committee.get(`/api/documents/issued?campaignId=${campaignId}`),
  ).items;
}

beforeAll(async () => {
  t = await createTestApp({ demoActivity: true });
  committee = await t.login('jiguan');
  const campaigns = json<{ items: { id: number; year: number }[] }>(await committee.get('/api/campaigns'));
  campaignId = campaigns.items.find((c) => c.year === 2020)!.id;
});
afterAll(async () => t.close());

describe('issuing a bulletin', () => {
  it('numbers, dates and signs it, and downloads the same bytes after the records change and a year passes', async () => {
    const june = await issued({ kind: 'bulletin', from: '2020-06', to: '2020-06', issuedOn: '2020-07-05' });
    expect(june).toMatchObject({
      kind: 'bulletin',
      issueNumber: '2020年第1期',
      issuedOn: '2020-07-05',
      issuer: '中共华远工程有限公司机关委员会',
      period: { kind: 'month', from: '2020-06', to: '2020-06' },
      issuedByName: expect.any(String),
    });
    expect(june.title).toContain('2020年6月');
    expect(june.fileName).toMatch(/^2020年6月对标活动通报（2020年第1期）\.docx$/);

    const first = await download(june.id);
    expect(sha256(first)).toBe(june.sha256);
    expect(first.length).toBe(june.size);
    const issuedText = await text(first);
    expect(issuedText).toContain('中共华远工程有限公司机关委员会');
    expect(issuedText).toContain('2020年第1期');
    expect(issuedText).toContain('2020年7月5日');
    expect(issuedText).not.toContain('草稿');

    // The records change: a June study becomes a highlight, which the bulletin lists.
    const [study] = json<{ items: { id: number; title: string }[] }>(
      await committee.get(
        `/api/records?campaignId=${campaignId}&kind=study&status=approved&periodKey=2020-06&limit=1`,
      ),
    ).items;
    const note = '以案促改、学用结合的做法值得推广';
    const graded = await committee.post(`/api/records/${study!.id}/grade`, {
      quality: 'excellent',
      highlight: true,
      highlightNote: note,
    });
    expect(graded.statusCode, graded.body).toBe(200);
    // …the organisation is renamed, and a year passes.
    const admin = await t.login('admin');
    const renamed = await admin.patch('/api/org/organisation', {
      committeeFullName: '中共华远工程集团有限公司机关委员会',
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    t.clock.advance(366 * 24 * 3600_000);
    committee = await t.login('jiguan');

    // The live draft shows today's state…
    const draft = await committee.get(
      `/api/documents/bulletin?campaignId=${campaignId}&from=2020-06&to=2020-06`,
    );
    expect(draft.statusCode).toBe(200);
    expect(decodeURIComponent(String(draft.headers['content-disposition']))).toContain('（草稿）.docx');
    const draftText = await text(draft.rawPayload);
    expect(draftText).toContain('草稿（未印发）');
    expect(draftText).toContain(note);
    expect(draftText).toContain('中共华远工程集团有限公司机关委员会');
    // …the issued one is what was issued, byte for byte.
    const again = await download(june.id);
    expect(again.equals(first)).toBe(true);
    const againText = await text(again);
    expect(againText).not.toContain(note);
    expect(againText).not.toContain('中共华远工程集团有限公司');
  });

  it('gives the next number on issuing again and keeps the earlier issue', async () => {
    const before = await list();
    const second = await issued({ kind: 'bulletin', periodKey: '2020-07', issuedOn: '2020-08-06' });
    expect(second.issueNumber).toBe(`2020年第${before.length + 1}期`);
    const after = await list();
    expect(after.map((d) => d.id)).toEqual(expect.arrayContaining(before.map((d) => d.id)));
    expect(after[0]!.id).toBe(second.id);
    for (const d of before) expect(sha256(await download(d.id))).toBe(d.sha256);
  });

  it('covers a quarter, a half-year or a chosen range of months', async () => {
    const quarter = await issued({
      kind: 'bulletin',
      from: '2020-04',
      to: '2020-06',
      issuedOn: '2020-08-10',
    });
    expect(quarter.period.kind).toBe('quarter');
    const quarterText = await text(await download(quarter.id));
    expect(quarterText).toContain('2020年第二季度');
    expect(quarterText).toContain('本季度应完成规定动作');
    const half = await issued({ kind: 'bulletin', from: '2020-07', to: '2020-12', issuedOn: '2021-01-08' });
    expect(half.title).toContain('2020年下半年');
    const range = await issued({ kind: 'bulletin', from: '2020-03', to: '2020-08', issuedOn: '2021-01-08' });
    expect(range.period.kind).toBe('range');
    expect(range.title).toContain('2020年3月至8月');

    const refused = async (body: Record<string, unknown>, message: RegExp) => {
      const res = await issue({ kind: 'bulletin', issuedOn: '2021-01-08', ...body });
      expect(res.statusCode, res.body).toBe(400);
      const { error } = json<{ error: { message: string; details: { message: string }[] } }>(res);
      expect(error.details.map((d) => d.message).join()).toMatch(message);
    };
    await refused({ from: '2020-08', to: '2020-06' }, /结束月份不能早于开始月份/);
    await refused({ from: '2020-11', to: '2021-01' }, /活动年度/);
    await refused({ from: '2020-01', to: '2020-02' }, /没有活动开展的月份/);
    await refused({}, /月份或期间/);
  });

  it('refuses an issue date in the future, before the campaign’s year, before the period or before the previous issue', async () => {
    const refused = async (issuedOn: string, message: RegExp) => {
      const res = await issue({ kind: 'bulletin', from: '2020-09', to: '2020-09', issuedOn });
      expect(res.statusCode, res.body).toBe(400);
      const body = json<{ error: { code: string; message: string } }>(res);
      expect(body.error.code).toBe('ISSUE_DATE_INVALID');
      expect(body.error.message).toMatch(message);
    };
    await refused('2099-01-01', /不能晚于今天/);
    await refused('2019-12-31', /活动年度/);
    await refused('2020-08-31', /不能早于通报所涉期间的开始/);
    await refused('2020-09-05', /不能早于上一期\(2020年第\d+期,2021年1月8日\)/);
  });
});

describe('issuing at the same time', () => {
  it('gives simultaneous issues distinct, consecutive numbers', async () => {
    const start = (await list()).filter((d) => d.kind === 'bulletin').length;
    // Two people of the committee, each in their own session, issuing at once.
    const colleague = await t.login('jiguan');
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        issue(
          { kind: 'bulletin', from: '2020-12', to: '2020-12', issuedOn: '2021-01-09' },
          i % 2 ? colleague : committee,
        ),
      ),
    );
    for (const r of results) expect(r.statusCode, r.body).toBe(200);
    const numbers = results.map((r) => json<IssuedDocument>(r).seq).sort((a, b) => a - b);
    expect(numbers).toEqual([1, 2, 3, 4, 5, 6].map((n) => start + n));
  });
});

describe('issuing the annual summary', () => {
  it('carries its 文号, covers the year up to its date, and keeps its own series', async () => {
    const summary = await issued({ kind: 'summary', issuedOn: '2021-01-15', docNumber: '机党〔2021〕2号' });
    expect(summary).toMatchObject({
      kind: 'summary',
      issueNumber: '2020年第1期',
      docNumber: '机党〔2021〕2号',
    });
    const content = await text(await download(summary.id));
    expect(content).toContain('机党〔2021〕2号');
    expect(content).toContain('2021年1月15日');
    // The draft of the summary says it is one, in the file and its name.
    const draft = await committee.get(`/api/documents/summary/file?campaignId=${campaignId}`);
    expect(decodeURIComponent(String(draft.headers['content-disposition']))).toContain('（草稿）');
    expect(await text(draft.rawPayload)).toContain('草稿（未印发）');
  });

  it('writes the audit row of each issue', async () => {
    const [latest] = await list();
    const audit = json<{ items: { action: string; entityId: string; after: { sha256: string } }[] }>(
      await (await t.login('admin')).get(`/api/audit?entityType=issued_document&entityId=${latest!.id}`),
    );
    expect(audit.items).toHaveLength(1);
    expect(audit.items[0]).toMatchObject({ action: 'documents.issue', after: { sha256: latest!.sha256 } });
  });
});

describe('who issues and who reads', () => {
  it('lets the committee issue, the administrator read, and no branch role do either', async () => {
    const admin = await t.login('admin');
    const [doc] = await list();
    expect((await issue({ kind: 'summary' }, admin)).statusCode).toBe(403);
    expect((await admin.get(`/api/documents/issued?campaignId=${campaignId}`)).statusCode).toBe(200);
    expect(sha256(await download(doc!.id, admin))).toBe(doc!.sha256);
    const secretary = await t.login('zhibu1');
    expect((await issue({ kind: 'summary' }, secretary)).statusCode).toBe(403);
    expect((await secretary.get(`/api/documents/issued?campaignId=${campaignId}`)).statusCode).toBe(403);
    expect((await secretary.get(`/api/documents/issued/${doc!.id}/file`)).statusCode).toBe(403);
    expect((await committee.get('/api/documents/issued/999999/file')).statusCode).toBe(404);
  });
});

describe('the issuing body', () => {
  it('is the full name set for the organisation, or the usual form of it when cleared', async () => {
    const admin = await t.login('admin');
    const cleared = await admin.patch('/api/org/organisation', { committeeFullName: '' });
    expect(cleared.statusCode, cleared.body).toBe(200);
    const structure = json<{ organisation: { committeeFullName: string | null } }>(
      await admin.get('/api/org/structure'),
    );
    expect(structure.organisation.committeeFullName).toBeNull();
    const doc = await issued({ kind: 'summary' });
    expect(doc.issuer).toBe('中共华远工程有限公司机关委员会');
  });
});
