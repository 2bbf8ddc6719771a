import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Fusion } from '../../../common/api/fusion.js';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { json, type TestClient } from '../../test/test-client.js';
import { cnPunctuation as cn } from './docx-kit.js';

/** 融合成效 in the Word files, read back: the same figures as the view, in the same scope. */
let t: TestApp;
let committee: TestClient;
let campaignId: number;

async function docxText(client: TestClient, url: string): Promise<string> {
  const res = await client.get(url);
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  return (await mammoth.extractRawText({ buffer: res.rawPayload })).value;
}
const fusion = async (client: TestClient, range = '') =>
  json<Fusion>(await client.get(`/api/fusion?campaignId=${campaignId}${range}`));
const perIndicator = (f: Fusion) =>
  f.byIndicator.map((g) =>
    cn(
      `${g.name}${g.direction === 'lower' ? '减少' : '提高'}${g.improvement}${g.unit === '%' ? '个百分点' : g.unit}`,
    ),
  );

beforeAll(async () => {
  t = await createTestApp({ demoActivity: true });
  committee = await t.login('jiguan');
  const campaigns = json<{ items: { id: number; year: number }[] }>(await committee.get('/api/campaigns'));
  campaignId = campaigns.items.find((c) => c.year === 2020)!.id;
});
afterAll(async () => t.close());

describe('融合成效 in the documents', () => {
  it('puts the year’s figures in the annual summary’s 主要做法和成效', async () => {
    const f = await fusion(committee, '&from=2020-03&to=2020-12');
    const text = await docxText(committee, `/api/documents/summary/file?campaignId=${campaignId}`);
    const body = text.slice(text.indexOf('二、主要做法和成效'), text.indexOf('三、存在的问题和不足'));
    const r = f.revisions;
    expect(body).toContain(cn(`已测量${r.measured}项,其中已见效${r.met}项、待改进${r.notMet}项`));
    for (const line of perIndicator(f)) expect(body).toContain(line);
    const p = f.problems;
    expect(body).toContain(
      cn(`经基层确认解决${p.confirmed}个,回访后未反弹${p.stayedSolved}个、反弹${p.cameBack}个`),
    );
    expect(body).toContain(cn(`6个月回访${p.months6.checked}个`));
  });

  it('puts the month’s figures in the bulletin, and a branch’s copy holds its own only', async () => {
    const june = '&from=2020-06&to=2020-06';
    const all = await fusion(committee, june);
    const text = await docxText(
      committee,
      `/api/documents/bulletin?campaignId=${campaignId}&periodKey=2020-06`,
    );
    const part = text.slice(text.indexOf('六、融合成效'), text.indexOf('七、新闻宣传情况'));
    expect(part).toContain(cn(`已测量${all.revisions.measured}项,其中已见效${all.revisions.met}项`));
    for (const line of perIndicator(all)) expect(part).toContain(line);

    const secretary = await t.login('zhibu1');
    const own = await fusion(secretary, june);
    const copy = await docxText(
      secretary,
      `/api/documents/bulletin?campaignId=${campaignId}&periodKey=2020-06`,
    );
    const ownPart = copy.slice(copy.indexOf('六、融合成效'), copy.indexOf('七、新闻宣传情况'));
    expect(ownPart).toContain(cn(`已测量${own.revisions.measured}项,其中已见效${own.revisions.met}项`));
    for (const c of all.cameBack.filter((x) => x.branchName !== own.branches[0]!.branchName))
      expect(ownPart).not.toContain(c.title);
  });
});
