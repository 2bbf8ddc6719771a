import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { MATRIX_PAGE_MAX, MATRIX_PAGE_SIZE, type matrixSchema } from '../../../common/api/dashboard.js';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { errorCode, json, type TestClient } from '../../test/test-client.js';

/**
 * The matrix a page of branches at a time, on the demo year (five branches, March–December 2020,
 * with its records). Every page is checked against the whole matrix in one answer, as the matrix
 * was before it was paged: the same branches in the same order, and the very same cells.
 */
type Matrix = z.infer<typeof matrixSchema>;

let t: TestApp;
let committee: TestClient;
let campaignId: number;
let whole: Matrix;

const matrixUrl = (query: string) => `/api/dashboard/matrix?campaignId=${campaignId}${query}`;
const byCell = (a: Matrix['cells'][number], b: Matrix['cells'][number]) =>
  a.branchId - b.branchId || a.periodKey.localeCompare(b.periodKey);
/** The cells of the whole matrix that belong to the given branches. */
const cellsOf = (m: Matrix, ids: number[]) => m.cells.filter((c) => ids.includes(c.branchId)).sort(byCell);

beforeAll(async () => {
  t = await createTestApp({ demoActivity: true });
  t.clock.set(new Date('2021-01-15T09:00:00+08:00'));
  committee = await t.login('jiguan');
  const campaigns = json<{ items: { id: number; year: number }[] }>(await committee.get('/api/campaigns'));
  campaignId = campaigns.items.find((c) => c.year === 2020)!.id;
  whole = json<Matrix>(await committee.get(matrixUrl(`&limit=${MATRIX_PAGE_MAX}`)));
});
afterAll(async () => t.close());

describe('the completion matrix, a page of branches at a time', () => {
  it('answers the first page when asked for none, and says how many branches there are', async () => {
    expect(whole.branches).toHaveLength(5);
    expect(whole.cells.length).toBeGreaterThan(0);
    const m = json<Matrix>(await committee.get(matrixUrl('')));
    expect(m.paging).toEqual({ offset: 0, limit: MATRIX_PAGE_SIZE, total: 5 });
    expect(m.branches).toEqual(whole.branches);
    expect([...m.cells].sort(byCell)).toEqual(
      cellsOf(
        whole,
        whole.branches.map((b) => b.id),
      ),
    );
  });

  it('gives the next branches on the second page, with the cells the whole matrix has for them', async () => {
    const m = json<Matrix>(await committee.get(matrixUrl('&offset=2&limit=2')));
    expect(m.paging).toEqual({ offset: 2, limit: 2, total: 5 });
    expect(m.branches).toEqual(whole.branches.slice(2, 4));
    const ids = m.branches.map((b) => b.id);
    expect(new Set(m.cells.map((c) => c.branchId))).toEqual(new Set(ids));
    expect([...m.cells].sort(byCell)).toEqual(cellsOf(whole, ids));
    expect(m.periods).toEqual(whole.periods);
    expect(m.standard).toBe(whole.standard);
  });

  it('puts every branch on exactly one page, the last page holding the rest', async () => {
    const pages = await Promise.all(
      [0, 2, 4].map(async (offset) =>
        json<Matrix>(await committee.get(matrixUrl(`&offset=${offset}&limit=2`))),
      ),
    );
    expect(pages.map((p) => p.branches.length)).toEqual([2, 2, 1]);
    expect(pages.flatMap((p) => p.branches)).toEqual(whole.branches);
    expect(pages.flatMap((p) => p.cells).sort(byCell)).toEqual([...whole.cells].sort(byCell));
  });

  it('pages a matrix filtered by action kind the same way', async () => {
    const all = json<Matrix>(await committee.get(matrixUrl(`&kind=study&limit=${MATRIX_PAGE_MAX}`)));
    const m = json<Matrix>(await committee.get(matrixUrl('&kind=study&offset=1&limit=3')));
    expect(m.branches).toEqual(all.branches.slice(1, 4));
    expect([...m.cells].sort(byCell)).toEqual(
      cellsOf(
        all,
        m.branches.map((b) => b.id),
      ),
    );
  });

  it('searches branch names before paging', async () => {
    const third = whole.branches[2]!;
    const m = json<Matrix>(await committee.get(matrixUrl(`&q=${encodeURIComponent(' 第三 ')}`)));
    expect(m.branches).toEqual([third]);
    expect(m.paging.total).toBe(1);
    expect([...m.cells].sort(byCell)).toEqual(cellsOf(whole, [third.id]));

    const none = json<Matrix>(await committee.get(matrixUrl(`&q=${encodeURIComponent('没有这个支部')}`)));
    expect(none).toMatchObject({ branches: [], cells: [], paging: { offset: 0, total: 0 } });
  });

  it('refuses paging it cannot serve with 400 and a stable code, never 500', async () => {
    for (const query of [
      '&limit=0',
      `&limit=${MATRIX_PAGE_MAX + 1}`,
      '&offset=-1',
      '&offset=abc',
      '&limit=1.5',
    ]) {
      const res = await committee.get(matrixUrl(query));
      expect(res.statusCode, query).toBe(400);
      expect(errorCode(res), query).toBe('VALIDATION_FAILED');
    }
    const tooLong = await committee.get(matrixUrl(`&q=${'支'.repeat(31)}`));
    expect(errorCode(tooLong)).toBe('VALIDATION_FAILED');

    const past = await committee.get(matrixUrl('&offset=5&limit=2'));
    expect(past.statusCode).toBe(400);
    expect(past.json()).toMatchObject({
      error: { code: 'PAGE_OUT_OF_RANGE', message: '页码超出范围:共 5 个支部,请回到第一页' },
    });
  });

  it('keeps a branch secretary to own branch, whatever the page or search', async () => {
    const s1 = await t.login('zhibu1');
    const own = json<Matrix>(await s1.get(matrixUrl('')));
    expect(own.scope).toBe('own');
    expect(own.paging.total).toBe(1);
    expect(own.branches).toEqual([whole.branches[0]]);
    expect([...own.cells].sort(byCell)).toEqual(cellsOf(whole, [whole.branches[0]!.id]));

    const other = json<Matrix>(await s1.get(matrixUrl(`&q=${encodeURIComponent('第三')}`)));
    expect(other).toMatchObject({ branches: [], cells: [], paging: { total: 0 } });
    expect(errorCode(await s1.get(matrixUrl('&offset=1&limit=1')))).toBe('PAGE_OUT_OF_RANGE');
  });
});
