import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { json, type TestClient } from '../../test/test-client.js';
import { recordOf, startCampaign } from '../../test/fixtures.js';
import { rowsOf } from '../../lib/backup-catalog.js';
import { rebuildAttendanceTallies } from './attendance-tallies.repo.js';

/**
 * The kept attendance tallies (应到, present, on leave per meeting; triggers on `attendance`) stay
 * equal to the lists they count, whatever changes the lists: a record made with its list, the list
 * edited, members signing in by QR code at the same moment (on PostgreSQL, concurrent
 * transactions).
 */
type Detail = {
  id: number;
  version: number;
  title: string;
  occurredOn: string;
  data: unknown;
  attendance: { personId: number; status: string }[];
};

let t: TestApp;
let secretary: TestClient;
let campaignId: number;

/** Tallies that differ from a count of the lists, either way: none when the triggers kept up. */
async function drift(): Promise<unknown[]> {
  return rowsOf(
    t.database.db,
    sql`with counted as (
          select record_id, count(*)::int as expected,
                 count(*) filter (where status = 'present')::int as present,
                 count(*) filter (where status = 'leave')::int as leave
          from attendance group by record_id),
        kept as (select record_id, expected, present, leave from attendance_tallies where expected <> 0)
        (select 'counted' as side, * from counted except select 'counted', * from kept)
        union all
        (select 'kept', * from kept except select 'kept', * from counted)`,
  );
}

const tallyOf = async (recordId: number) =>
  (
    await rowsOf<{ expected: number; present: number; leave: number }>(
      t.database.db,
      sql`select expected, present, leave from attendance_tallies where record_id = ${recordId}`,
    )
  )[0];

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set(new Date('2026-03-20T14:00:00+08:00'));
  campaignId = (await startCampaign(await t.login('jiguan'))).id;
  secretary = await t.login('zhibu1');
});
afterAll(async () => t.close());

describe('attendance tallies', () => {
  it('follow a list as it is made and edited', async () => {
    const created = json<Detail>(
      await secretary.post('/api/records', recordOf('study', campaignId, 1, '2026-03-18')),
    );
    const list = created.attendance;
    expect(list.length).toBeGreaterThan(3);
    expect(await tallyOf(created.id)).toEqual({
      expected: list.length,
      present: list.filter((a) => a.status === 'present').length,
      leave: list.filter((a) => a.status === 'leave').length,
    });
    // Two on leave, one absent.
    const edited = list.map((a, i) =>
      i < 2
        ? { personId: a.personId, status: 'leave', reason: '出差' }
        : i === 2
          ? { personId: a.personId, status: 'absent', reason: '未请假' }
          : a,
    );
    const put = await secretary.put(`/api/records/${created.id}`, {
      title: created.title,
      occurredOn: created.occurredOn,
      data: created.data,
      attendance: edited,
      version: created.version,
    });
    expect(put.statusCode, put.body).toBe(200);
    const saved = json<Detail>(put);
    // The list as the server kept it (it may keep someone the form left out).
    const kept = json<Detail>(await secretary.get(`/api/records/${saved.id}`)).attendance;
    expect(await tallyOf(created.id)).toEqual({
      expected: kept.length,
      present: kept.filter((a) => a.status === 'present').length,
      leave: 2,
    });
    expect(await drift()).toEqual([]);
  });

  it('count every member who signs in at the same moment', async () => {
    const admin = await t.login('admin');
    const people = json<{ items: { id: number; memberStatus: string; username: string | null }[] }>(
      await secretary.get('/api/people?branchId=1&limit=100'),
    ).items.filter((p) => p.memberStatus !== 'non_member');
    const signers = people.filter((p) => !p.username).slice(0, 6);
    for (const p of signers) {
      const res = await admin.post('/api/users', {
        username: `member${p.id}`,
        displayName: `党员${p.id}`,
        personId: p.id,
        initialPassword: 'Duibiao@2020',
        grants: [{ role: 'member', branchId: 1 }],
      });
      expect(res.statusCode, res.body).toBe(200);
    }
    await t.database.db.execute(
      sql`update users set must_change_password = false where username like 'member%'`,
    );
    const made = await secretary.post('/api/records', {
      ...recordOf('study', campaignId, 1, '2026-03-20'),
      attendance: people.map((p) => ({ personId: p.id, status: 'absent' })),
    });
    expect(made.statusCode, made.body).toBe(200);
    const record = json<Detail>(made);
    const link = await secretary.post(`/api/records/${record.id}/sign-in-link`, { minutes: 30 });
    expect(link.statusCode, link.body).toBe(200);
    const token = json<{ token: string }>(link).token;
    const members = await Promise.all(signers.map((p) => t.login(`member${p.id}`)));
    const answers = await Promise.all(members.map((m) => m.post(`/api/sign-in/${token}`)));
    expect(
      answers.map((a) => a.statusCode),
      answers[0]!.body,
    ).toEqual(signers.map(() => 200));
    expect(await tallyOf(record.id)).toEqual({ expected: people.length, present: signers.length, leave: 0 });
    expect(await drift()).toEqual([]);
  });

  it('are recounted by the rebuild, which says what it corrected', async () => {
    await t.database.db.transaction(async (tx) => {
      expect((await rebuildAttendanceTallies(tx)).corrected).toBe(0);
    });
    await t.database.db.execute(
      sql`update attendance_tallies set present = present + 5 where record_id = (select min(record_id) from attendance_tallies)`,
    );
    await t.database.db.transaction(async (tx) => {
      expect((await rebuildAttendanceTallies(tx)).corrected).toBe(1);
    });
    expect(await drift()).toEqual([]);
  });
});
