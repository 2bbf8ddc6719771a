import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './harness.js';
import { accessTable, callers, type Caller, type Fixture } from './access-table.js';
import type { TestClient } from './test-client.js';

const usernames: Record<Exclude<Caller, 'anonymous'>, string> = {
  admin: 'admin',
  committee: 'jiguan',
  secretary: 'zhibu1',
  leader: 'lingdao',
  member: 'dangyuan',
  contact: 'jiceng',
};

let t: TestApp;
let fx: Fixture;
beforeAll(async () => {
  t = await createTestApp();
  const admin = await t.login('admin');
  const spare = await admin.post('/api/users', {
    username: 'spare',
    displayName: '备用',
    initialPassword: 'Spare@2026',
    grants: [{ role: 'committee' }],
  });
  const people = (await admin.get('/api/people?limit=100')).json() as {
    items: { id: number; branchId: number; username: string | null }[];
  };
  fx = {
    spareUserId: (spare.json() as { id: number }).id,
    ownPersonId: people.items.find((p) => p.branchId === 1 && !p.username)!.id,
    otherPersonId: people.items.find((p) => p.branchId === 2 && !p.username)!.id,
    memberPersonId: people.items.find((p) => p.username === 'dangyuan')!.id,
  };
});
afterAll(async () => t.close());

async function clientFor(who: Caller): Promise<TestClient> {
  return who === 'anonymous' ? t.anonymous() : t.login(usernames[who]);
}

describe('role × endpoint table', () => {
  it('has a row for every API route', () => {
    const covered = new Set(accessTable.map((r) => r.route));
    const missing = t.app.apiRoutes.filter((r) => !covered.has(r));
    expect(missing).toEqual([]);
    // …and no row for a route that no longer exists.
    expect([...covered].filter((r) => !t.app.apiRoutes.includes(r))).toEqual([]);
  });

  for (const row of accessTable) {
    it(`${row.route} — ${row.name}`, async () => {
      const [method] = row.route.split(' ');
      const outcomes: Record<string, number> = {};
      for (const who of callers) {
        const client = await clientFor(who);
        const { url, body } = row.request(who, fx);
        const res = await client.request(method as 'GET', url, method === 'GET' ? undefined : (body ?? {}));
        outcomes[who] = res.statusCode;
        // Every refusal carries a stable code and a Chinese message.
        if (res.statusCode >= 400) {
          const err = (res.json() as { error: { code: string; message: string } }).error;
          expect(err.code, `${who}: ${res.body}`).toMatch(/^[A-Z_]+$/);
          expect(err.message).toMatch(/[\u4e00-\u9fa5]/);
        }
      }
      expect(outcomes).toEqual(row.expect);
    });
  }
});
