import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditLog } from '../../db/schema/index.js';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { errorCode, json, type TestClient } from '../../test/test-client.js';
import { citableFigures, type ReviewContext } from '../../../common/api/fusion.js';
import type { RecordDetail } from '../../../common/api/records.js';

/**
 * The committee grades a record in the review screen citing its effect (评定依据): the figures are
 * kept with the review as they stood, shown in its history, audited; citing what the record does
 * not have, or citing without a grade, is refused with GRADE_BASIS_INVALID.
 */
let t: TestApp;
let committee: TestClient;
/** Submitted demo records waiting for review, with what their effect lets a grade cite. */
let waiting: { id: number; citable: string[] }[];
beforeAll(async () => {
  t = await createTestApp({ demoActivity: true });
  committee = await t.login('jiguan');
  const list = json<{ items: { id: number }[] }>(
    await committee.get('/api/records?status=submitted&limit=200'),
  );
  waiting = await Promise.all(
    list.items.map(async (r) => {
      const ctx = json<ReviewContext>(await committee.get(`/api/fusion/records/${r.id}/review-context`));
      return { id: r.id, citable: citableFigures(ctx.effect) };
    }),
  );
}, 300_000);
afterAll(async () => t.close());

describe('a grade citing the effect', () => {
  it('is kept with the approval, with the effect it cited, and audited', async () => {
    const record = waiting.find((r) => r.citable.length > 0)!;
    expect(record).toBeDefined();
    const figures = record.citable.slice(0, 1);
    const res = await committee.post(`/api/records/${record.id}/review`, {
      decision: 'approved',
      comment: '',
      quality: 'excellent',
      basis: { figures, note: '  审批环节减少,见效明显  ' },
    });
    expect(res.statusCode).toBe(200);
    const detail = json<RecordDetail>(res);
    expect(detail.quality).toBe('excellent');
    const last = detail.reviews.at(-1)!;
    expect(last).toMatchObject({ decision: 'approved', quality: 'excellent' });
    expect(last.gradeBasis).toMatchObject({ figures, note: '审批环节减少,见效明显' });
    expect(citableFigures(last.gradeBasis!.effect)).toEqual(expect.arrayContaining(figures));

    // The branch reads the basis on its own record too.
    const again = json<RecordDetail>(await committee.get(`/api/records/${record.id}`));
    expect(again.reviews.at(-1)?.gradeBasis?.figures).toEqual(figures);

    const audit = await t.database.db
      .select({ after: auditLog.after })
      .from(auditLog)
      .where(
        and(
          eq(auditLog.entityType, 'record'),
          eq(auditLog.entityId, String(record.id)),
          eq(auditLog.action, 'record.approve'),
        ),
      );
    const after = audit.at(-1)!.after as { quality: string; gradeBasis: { figures: string[] } };
    expect(after.quality).toBe('excellent');
    expect(after.gradeBasis.figures).toEqual(figures);
  });

  it('refuses a figure the record does not have, a basis without a grade, and a bad grade, changing nothing', async () => {
    // Another record than the one approved above, with a figure it lacks.
    const record = waiting.filter((r) => r.citable.length > 0 && r.citable.length < 4)[1]!;
    expect(record).toBeDefined();
    const absent = (['indicator', 'beforeAfter', 'recheck3', 'recheck6'] as const).find(
      (f) => !record.citable.includes(f),
    )!;
    const post = (body: object) =>
      committee.post(`/api/records/${record.id}/review`, { decision: 'approved', comment: '', ...body });

    const notThere = await post({ quality: 'good', basis: { figures: [absent] } });
    expect(notThere.statusCode).toBe(400);
    expect(errorCode(notThere)).toBe('GRADE_BASIS_INVALID');
    expect(json<{ error: { message: string } }>(notThere).error.message).toMatch(/没有可引用的成效数据/);

    const noGrade = await post({ basis: { figures: record.citable.slice(0, 1) } });
    expect(errorCode(noGrade)).toBe('GRADE_BASIS_INVALID');
    expect(json<{ error: { message: string } }>(noGrade).error.message).toMatch(/同时评定等次/);

    expect(errorCode(await post({ quality: 'great' }))).toBe('VALIDATION_FAILED');
    expect(errorCode(await post({ quality: 'good', basis: { figures: [] } }))).toBe('VALIDATION_FAILED');
    expect(errorCode(await post({ quality: 'good', basis: { figures: ['indicator', 'indicator'] } }))).toBe(
      'VALIDATION_FAILED',
    );
    expect(errorCode(await post({ quality: 'good', basis: { figures: ['x'] } }))).toBe('VALIDATION_FAILED');
    expect(
      errorCode(await post({ quality: 'good', basis: { figures: record.citable, note: '长'.repeat(201) } })),
    ).toBe('VALIDATION_FAILED');

    const still = json<RecordDetail>(await committee.get(`/api/records/${record.id}`));
    expect(still.status).toBe('submitted');
  });
});
