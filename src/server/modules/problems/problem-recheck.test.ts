import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { errorCode, json } from '../../test/test-client.js';
import { auditLog, reminders, users } from '../../db/schema/index.js';

/**
 * Whether a solved problem stayed solved: the reminder job asks the unit 3 and 6 months after it
 * confirmed, and the unit (or the branch) records the answer once each, never before its day.
 * Driven by the test clock.
 */
type Problem = {
  id: number;
  state: string;
  rechecks: { months: number; cameBack: boolean; note: string; checkedOn: string; by: string | null }[];
  rechecksDue: number[];
  can: { recheck: boolean };
};

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const at = (day: string, time = '09:00') => t.clock.set(new Date(`${day}T${time}:00+08:00`));

async function recheckReminders(username: string) {
  const [u] = await t.database.db.select({ id: users.id }).from(users).where(eq(users.username, username));
  const rows = await t.database.db
    .select({ key: reminders.key, day: reminders.day, text: reminders.text })
    .from(reminders)
    .where(and(eq(reminders.userId, u!.id), eq(reminders.rule, 'recheck_due')))
    .orderBy(asc(reminders.id));
  return rows;
}

/** A problem of unit 1, solved by branch 1 and confirmed by the unit on 2026-03-10. */
async function confirmedProblem(title: string): Promise<number> {
  at('2026-03-10');
  const contact = await t.login('jiceng');
  const sec = await t.login('zhibu1');
  const p = json<Problem>(
    await contact.post('/api/problems', { unitId: 1, title, description: '说明', category: '防疫复工' }),
  );
  await sec.post(`/api/problems/${p.id}/accept`, { branchId: 1 });
  await sec.post(`/api/problems/${p.id}/measures`, { date: '2026-03-10', kind: 'one_to_one', note: '上门' });
  await sec.post(`/api/problems/${p.id}/solved`, { solvedOn: '2026-03-10', outcome: '已解决' });
  await contact.post(`/api/problems/${p.id}/confirm`, { result: 'solved', satisfaction: 5 });
  return p.id;
}

describe('3- and 6-month rechecks of a solved problem', () => {
  it('asks the unit on the day, records each once from that day on, and audits it', async () => {
    const id = await confirmedProblem('复工审批材料多');
    let contact = await t.login('jiceng');
    const early = await contact.post(`/api/problems/${id}/recheck`, { months: 3, cameBack: false });
    expect(errorCode(early)).toBe('RECHECK_TOO_EARLY');

    // The day before, nothing; on 06-10 the job asks the unit once, however often it ticks.
    at('2026-06-09');
    await t.app.services.notifications.jobs.tick();
    expect(await recheckReminders('jiceng')).toEqual([]);
    at('2026-06-10');
    await t.app.services.notifications.jobs.tick();
    at('2026-06-10', '15:00');
    await t.app.services.notifications.jobs.tick();
    const asked = await recheckReminders('jiceng');
    expect(asked).toHaveLength(1);
    expect(asked[0]).toMatchObject({
      key: `recheck:${id}:3:u${asked[0]!.key.split(':u')[1]}`,
      day: '2026-06-10',
    });
    expect(asked[0]!.text).toContain('3 个月');

    // Sessions do not last three months: sign in again on the day.
    contact = await t.login('jiceng');
    const before = json<Problem>(await contact.get(`/api/problems/${id}`));
    expect(before).toMatchObject({ rechecksDue: [3], can: { recheck: true } });
    const stayed = json<Problem>(
      await contact.post(`/api/problems/${id}/recheck`, { months: 3, cameBack: false }),
    );
    expect(stayed.rechecks).toEqual([
      { months: 3, cameBack: false, note: '', checkedOn: '2026-06-10', by: expect.any(String) },
    ]);
    expect(stayed).toMatchObject({ state: 'confirmed', rechecksDue: [], can: { recheck: false } });
    const again = await contact.post(`/api/problems/${id}/recheck`, { months: 3, cameBack: true, note: 'x' });
    expect(errorCode(again)).toBe('PROBLEM_STATE');

    // Recorded: the 3-month reminder is not asked again; the 6-month one comes on 09-10.
    at('2026-09-10');
    await t.app.services.notifications.jobs.tick();
    expect((await recheckReminders('jiceng')).map((r) => r.key.split(':')[2])).toEqual(['3', '6']);

    // The branch that solved it may answer too; saying it came back asks what happened.
    const sec = await t.login('zhibu1');
    const noNote = await sec.post(`/api/problems/${id}/recheck`, { months: 6, cameBack: true });
    expect(errorCode(noNote)).toBe('VALIDATION_FAILED');
    const back = json<Problem>(
      await sec.post(`/api/problems/${id}/recheck`, { months: 6, cameBack: true, note: '审批材料又增加' }),
    );
    expect(back.rechecks.map((r) => [r.months, r.cameBack])).toEqual([
      [3, false],
      [6, true],
    ]);
    const audit = await t.database.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'problem'), eq(auditLog.entityId, String(id))));
    expect(audit.filter((a) => a.action === 'problem.recheck')).toHaveLength(2);
  });

  it('is refused to another branch and to the committee', async () => {
    const id = await confirmedProblem('物资调配慢');
    at('2026-06-11');
    const other = await (
      await t.login('zhibu2')
    ).post(`/api/problems/${id}/recheck`, { months: 3, cameBack: false });
    expect(errorCode(other)).toBe('NOT_FOUND');
    const committee = await (
      await t.login('jiguan')
    ).post(`/api/problems/${id}/recheck`, {
      months: 3,
      cameBack: false,
    });
    expect(errorCode(committee)).toBe('FORBIDDEN');
  });
});
