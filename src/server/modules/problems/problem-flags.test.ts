import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { errorCode, json } from '../../test/test-client.js';

type Can = Record<'accept' | 'measure' | 'solve' | 'confirm' | 'confirmOnBehalf' | 'recheck', boolean>;
type Action = keyof Can;

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  t.clock.set(new Date('2026-03-10T09:00:00+08:00'));
});
afterAll(async () => t.close());

/** Secretaries of branches 1 and 2, a Party member, the unit's contact, the committee, the admin. */
const users = ['zhibu1', 'zhibu2', 'dangyuan', 'jiceng', 'jiguan', 'admin'] as const;
const ownBranch: Record<string, number> = { zhibu2: 2 };

const call = async (user: string, id: number, action: Action) => {
  const c = await t.login(user);
  const path = `/api/problems/${id}`;
  switch (action) {
    case 'accept':
      return c.post(`${path}/accept`, { branchId: ownBranch[user] ?? 1 });
    case 'measure':
      return c.post(`${path}/measures`, { date: '2026-03-10', kind: 'sourcing_supplies', note: '调配口罩' });
    case 'solve':
      return c.post(`${path}/solved`, { solvedOn: '2026-03-10', outcome: '已解决' });
    case 'confirm':
      return c.post(`${path}/confirm`, { result: 'solved', satisfaction: 5 });
    case 'confirmOnBehalf':
      return c.post(`${path}/confirm-on-behalf`, { result: 'solved', reason: '多次联系未回复' });
    case 'recheck':
      return c.post(`${path}/recheck`, { months: 3, cameBack: false });
  }
};

/**
 * Reads the flags each user gets on the problem, then checks the server refuses every step a user
 * is not offered (403, 404 or a state error), without changing the problem.
 */
async function flagsRefuseTheRest(id: number): Promise<Record<string, Can>> {
  const flags: Record<string, Can> = {};
  for (const user of users) {
    const res = await (await t.login(user)).get(`/api/problems/${id}`);
    const can: Can =
      res.statusCode === 404
        ? {
            accept: false,
            measure: false,
            solve: false,
            confirm: false,
            confirmOnBehalf: false,
            recheck: false,
          }
        : json<{ can: Can }>(res).can;
    flags[user] = can;
    for (const action of Object.keys(can) as Action[]) {
      if (can[action]) continue;
      const code = errorCode(await call(user, id, action));
      expect([user, action, code]).toEqual([
        user,
        action,
        expect.stringMatching(/FORBIDDEN|NOT_FOUND|PROBLEM_STATE|RECHECK_TOO_EARLY/),
      ]);
    }
  }
  return flags;
}

const offered = (flags: Record<string, Can>, action: Action) => users.filter((u) => flags[u]![action]);

describe('the flags a problem carries match what the server allows', () => {
  it('through the whole loop, each step offered to exactly the user the server lets take it', async () => {
    const raised = await (
      await t.login('jiceng')
    ).post('/api/problems', { unitId: 1, title: '路灯损坏', description: '园区路灯不亮' });
    const id = json<{ id: number }>(raised).id;

    let flags = await flagsRefuseTheRest(id);
    expect(offered(flags, 'accept')).toEqual(['zhibu1', 'zhibu2']);
    expect((await call('zhibu1', id, 'accept')).statusCode).toBe(200);

    flags = await flagsRefuseTheRest(id);
    expect(offered(flags, 'measure')).toEqual(['zhibu1']);
    expect(offered(flags, 'solve')).toEqual(['zhibu1']);
    expect((await call('zhibu1', id, 'measure')).statusCode).toBe(200);
    expect((await call('zhibu1', id, 'solve')).statusCode).toBe(200);

    flags = await flagsRefuseTheRest(id);
    expect(offered(flags, 'confirm')).toEqual(['jiceng']);
    expect(offered(flags, 'confirmOnBehalf')).toEqual(['jiguan']);
    // The committee's step is allowed to it; only the waiting period holds it back yet.
    expect(errorCode(await call('jiguan', id, 'confirmOnBehalf'))).toBe('CONFIRM_TOO_EARLY');
    expect((await call('jiceng', id, 'confirm')).statusCode).toBe(200);

    flags = await flagsRefuseTheRest(id);
    for (const user of users) expect(Object.values(flags[user]!).some(Boolean)).toBe(false);

    // Three months on, the unit and the branch that solved it are asked whether it came back.
    t.clock.set(new Date('2026-06-10T09:00:00+08:00'));
    flags = await flagsRefuseTheRest(id);
    expect(offered(flags, 'recheck')).toEqual(['zhibu1', 'jiceng']);
    expect((await call('jiceng', id, 'recheck')).statusCode).toBe(200);
    flags = await flagsRefuseTheRest(id);
    for (const user of users) expect(Object.values(flags[user]!).some(Boolean)).toBe(false);
    // Six users through every step: past 30 s when CI runs two projects side by side.
  }, 300_000);
});
