import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { errorCode, json, type TestClient } from '../../test/test-client.js';
import { recordOf, startCampaign, submittedMonth } from '../../test/fixtures.js';
import type { ApproveManyResult, BranchMonth, ReviewGroup } from '../../../common/api/review.js';

let t: TestApp;
let committee: TestClient;
let secretary: TestClient;
let campaignId: number;
let april: number[];

const versionOf = async (id: number) =>
  json<{ version: number }>(await committee.get(`/api/records/${id}`)).version;
const items = async (ids: number[]) =>
  Promise.all(ids.map(async (id) => ({ id, version: await versionOf(id) })));

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set(new Date('2026-04-20T10:00:00+08:00'));
  committee = await t.login('jiguan');
  secretary = await t.login('zhibu1');
  campaignId = (await startCampaign(committee)).id;
  // March's study was handed in; April's five wait for review.
  const feb = json<{ id: number; version: number }>(
    await secretary.post('/api/records', recordOf('study', campaignId, 1, '2026-03-18')),
  );
  await secretary.post(`/api/records/${feb.id}/submit`, { version: feb.version });
  april = await submittedMonth((u) => t.login(u), secretary, campaignId, 1, '2026-04-16');
});
afterAll(async () => t.close());

describe('reviewing a branch-month', () => {
  it('groups the queue by branch and month, the one waiting longest first', async () => {
    const groups = json<{ items: ReviewGroup[] }>(await committee.get('/api/records/review-groups')).items;
    expect(groups.map((g) => [g.branchName, g.periodKey, g.waiting])).toEqual([
      ['机关第一党支部', '2026-03', 1],
      ['机关第一党支部', '2026-04', 5],
    ]);
    expect(errorCode(await secretary.get('/api/records/review-groups'))).toBe('FORBIDDEN');
  });

  it('shows the month’s records in full beside what the branch handed in the month before', async () => {
    const month = json<BranchMonth>(
      await committee.get('/api/records/branch-month?branchId=1&periodKey=2026-04'),
    );
    expect(month).toMatchObject({
      branchName: '机关第一党支部',
      periodKey: '2026-04',
      previousPeriodKey: '2026-03',
    });
    expect(month.records.map((r) => r.kind)).toEqual([
      'study',
      'theme_day',
      'rule_revision',
      'grassroots_problem',
      'publicity',
    ]);
    for (const r of month.records) {
      expect(r.status).toBe('submitted');
      expect(r.checklist.length).toBeGreaterThan(0);
      expect(r.evidence).toHaveLength(1);
    }
    expect(month.records[0]!.evidence[0]!.hasThumbnail).toBe(true);
    expect(month.previous.map((r) => [r.kind, r.status])).toEqual([['study', 'submitted']]);

    // The branch sees its own month; another branch's secretary gets 404, as for any object.
    expect((await secretary.get('/api/records/branch-month?branchId=1&periodKey=2026-04')).statusCode).toBe(
      200,
    );
    const other = await t.login('zhibu2');
    expect(errorCode(await other.get('/api/records/branch-month?branchId=1&periodKey=2026-04'))).toBe(
      'NOT_FOUND',
    );
    expect(errorCode(await committee.get('/api/records/branch-month?branchId=1&periodKey=2026-13'))).toBe(
      'VALIDATION_FAILED',
    );
  });

  it('refuses bad batches whole: none, duplicates, and callers who are not the committee', async () => {
    const one = await items(april.slice(0, 1));
    expect(errorCode(await committee.post('/api/records/approve-many', { items: [] }))).toBe(
      'VALIDATION_FAILED',
    );
    expect(errorCode(await committee.post('/api/records/approve-many', { items: [...one, ...one] }))).toBe(
      'VALIDATION_FAILED',
    );
    expect(errorCode(await secretary.post('/api/records/approve-many', { items: one }))).toBe('FORBIDDEN');
    expect(json<{ status: string }>(await committee.get(`/api/records/${april[0]}`)).status).toBe(
      'submitted',
    );
  });

  it('approves each record at the version read, audited one by one, and says which did not go through', async () => {
    const batch = await items(april);
    // Meanwhile another reviewer returns the theme day: the batch read it before that.
    await committee.post(`/api/records/${april[1]}/review`, {
      decision: 'returned',
      comment: '请补充照片说明',
    });
    const answer = await committee.post('/api/records/approve-many', { items: batch, comment: '材料齐全' });
    expect(answer.statusCode, answer.body).toBe(200);
    const results = json<ApproveManyResult>(answer).items;
    expect(results.map((r) => [r.id, r.ok, r.code])).toEqual([
      [april[0], true, null],
      [april[1], false, 'NOT_SUBMITTED'],
      [april[2], true, null],
      [april[3], true, null],
      [april[4], true, null],
    ]);
    expect(results[1]!.message).toBe('只能审核已提交的记录');

    const month = json<BranchMonth>(
      await committee.get('/api/records/branch-month?branchId=1&periodKey=2026-04'),
    );
    expect(month.records.map((r) => r.status)).toEqual([
      'approved',
      'returned',
      'approved',
      'approved',
      'approved',
    ]);
    expect(month.records[0]!.reviews.at(-1)).toMatchObject({ decision: 'approved', comment: '材料齐全' });

    const admin = await t.login('admin');
    for (const id of [april[0], april[2], april[3], april[4]]) {
      const audit = json<{ items: { action: string }[] }>(
        await admin.get(`/api/audit?entityType=record&entityId=${id}&limit=100`),
      ).items.map((a) => a.action);
      expect(audit.filter((a) => a === 'record.approve')).toHaveLength(1);
    }
    // The approved revision opened its follow-ups, as one approved alone does.
    const revision = json<{ followups: unknown[] }>(await committee.get(`/api/revisions/${april[2]}`));
    expect(revision.followups).toHaveLength(2);
  });

  it('keeps the version check: a record changed since it was read is not approved', async () => {
    const fixed = json<{ id: number; version: number }>(await secretary.get(`/api/records/${april[1]}`));
    await secretary.post(`/api/records/${fixed.id}/submit`, { version: fixed.version });
    const answer = await committee.post('/api/records/approve-many', {
      items: [{ id: fixed.id, version: fixed.version }],
    });
    expect(json<ApproveManyResult>(answer).items[0]).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(json<{ status: string }>(await committee.get(`/api/records/${fixed.id}`)).status).toBe(
      'submitted',
    );
  });
});
