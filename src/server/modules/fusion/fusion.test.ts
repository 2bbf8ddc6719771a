import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { errorCode, json, type TestClient } from '../../test/test-client.js';
import type { Fusion, ReviewContext } from '../../../common/api/fusion.js';

/** 融合成效 on the demo year: the committee sees every branch, a branch its own only. */
let t: TestApp;
let committee: TestClient;
let campaignId: number;
beforeAll(async () => {
  t = await createTestApp({ demoActivity: true });
  committee = await t.login('jiguan');
  const campaigns = json<{ items: { id: number; year: number }[] }>(await committee.get('/api/campaigns'));
  campaignId = campaigns.items.find((c) => c.year === 2020)!.id;
});
afterAll(async () => t.close());

describe('融合成效', () => {
  it('shows the committee revisions at target, improvements by indicator and problems that stayed solved', async () => {
    const f = json<Fusion>(await committee.get(`/api/fusion?campaignId=${campaignId}`));
    expect(f.ownOnly).toBe(false);
    expect(f.branches).toHaveLength(5);
    expect(f.revisions.met).toBeGreaterThan(0);
    expect(f.revisions.notMet).toBeGreaterThan(0);
    expect(f.reached).toHaveLength(f.revisions.met);
    // Every indicator group improved, and its sum is the sum of its revisions' improvements.
    expect(f.byIndicator.map((g) => g.name).sort()).toEqual(['办理时长', '审批环节', '差错率', '线上办结率']);
    for (const g of f.byIndicator) expect(g.improvement).toBeGreaterThan(0);
    expect(f.problems.stayedSolved).toBeGreaterThan(0);
    expect(f.problems.cameBack).toBeGreaterThan(0);
    expect(f.problems.months6.waiting).toBeGreaterThan(0);
    expect(f.cameBack.every((c) => c.note !== '')).toBe(true);
    expect(f.problemMeasures.length).toBeGreaterThan(0);
    // The per-branch rows add up to the totals.
    const sum = (k: 'revisionsMet' | 'stayedSolved') => f.branches.reduce((s, b) => s + b[k], 0);
    expect(sum('revisionsMet')).toBe(f.revisions.met);
    expect(sum('stayedSolved')).toBe(f.problems.stayedSolved);
  });

  it('gives a branch its own figures only, and another branch’s not at all', async () => {
    const branch = await t.login('zhibu1');
    const own = json<Fusion>(await branch.get(`/api/fusion?campaignId=${campaignId}`));
    expect(own.ownOnly).toBe(true);
    expect(own.branches.map((b) => b.branchId)).toEqual([1]);
    expect(own.reached.every((r) => r.branchName === own.branches[0]!.branchName)).toBe(true);
    const same = json<Fusion>(await committee.get(`/api/fusion?campaignId=${campaignId}&branchId=1`));
    expect(same.revisions).toEqual(own.revisions);
    expect(errorCode(await branch.get(`/api/fusion?campaignId=${campaignId}&branchId=2`))).toBe('NOT_FOUND');
    expect(errorCode(await (await t.login('lingdao')).get(`/api/fusion?campaignId=${campaignId}`))).toBe(
      'FORBIDDEN',
    );
  });

  it('narrows to a range of months', async () => {
    const all = json<Fusion>(await committee.get(`/api/fusion?campaignId=${campaignId}`));
    const spring = json<Fusion>(
      await committee.get(`/api/fusion?campaignId=${campaignId}&from=2020-03&to=2020-05`),
    );
    expect(spring.range).toEqual({ from: '2020-03', to: '2020-05' });
    expect(spring.revisions.total).toBeLessThan(all.revisions.total);
    expect(spring.revisions.total).toBeGreaterThan(0);
  });

  it('gives the reviewer a revision’s effect beside the branch’s revisions of the three months before', async () => {
    const revisions = json<{ items: { recordId: number; branchId: number; publishedOn: string | null }[] }>(
      await committee.get('/api/revisions'),
    ).items;
    const june = revisions.find((r) => r.branchId === 1 && r.publishedOn?.startsWith('2020-06'))!;
    const ctx = json<ReviewContext>(
      await committee.get(`/api/fusion/records/${june.recordId}/review-context`),
    );
    expect(ctx).toMatchObject({ recordId: june.recordId, kind: 'rule_revision', periodKey: '2020-06' });
    expect(ctx.effect.indicator).not.toBeNull();
    expect(ctx.effect.verdict).not.toBeNull();
    expect(ctx.history.map((h) => h.periodKey)).toEqual(['2020-03', '2020-04', '2020-05']);
    const earlier = ctx.history.flatMap((h) => h.records);
    expect(earlier.length).toBeGreaterThanOrEqual(2);
    expect(earlier.every((r) => r.effect.indicator !== null)).toBe(true);
    const branch = await t.login('zhibu1');
    expect(errorCode(await branch.get(`/api/fusion/records/${june.recordId}/review-context`))).toBe(
      'FORBIDDEN',
    );
  });
});
