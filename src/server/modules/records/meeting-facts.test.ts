import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { errorCode, json, type TestClient } from '../../test/test-client.js';
import { meetingOfficers, recordOf, startCampaign } from '../../test/fixtures.js';
import { readXlsx } from '../../test/xlsx-fixtures.js';

type Detail = {
  id: number;
  version: number;
  title: string;
  occurredOn: string;
  status: string;
  data: Record<string, unknown>;
  attendance: { personId: number; name: string; status: string; reason: string | null }[];
  checklist: { key: string; label: string; done: boolean; blocking: boolean }[];
};
type Row = { personId: number; status: 'present' | 'leave' | 'absent'; reason?: string | null };

let t: TestApp;
let secretary: TestClient;
let committee: TestClient;
let campaignId: number;
const { hostPersonId, recorderPersonId } = meetingOfficers(1);

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set(new Date('2026-03-20T10:00:00+08:00'));
  committee = await t.login('jiguan');
  campaignId = (await startCampaign(committee)).id;
  secretary = await t.login('zhibu1');
});
afterAll(async () => t.close());

async function create(kind: 'study' | 'theme_day', data: Record<string, unknown> = {}): Promise<Detail> {
  const body = recordOf(kind, campaignId, 1, '2026-03-18');
  const res = await secretary.post('/api/records', { ...body, data: { ...body.data, ...data } });
  expect(res.statusCode, res.body).toBe(200);
  return json<Detail>(res);
}

/** Saves the record with a changed attendance and data; answers the raw response. */
function save(rec: Detail, change: { attendance?: Row[]; data?: Record<string, unknown> }) {
  return secretary.put(`/api/records/${rec.id}`, {
    title: rec.title,
    occurredOn: rec.occurredOn,
    data: { ...rec.data, ...change.data },
    attendance: change.attendance ?? rowsOf(rec),
    version: rec.version,
  });
}

const rowsOf = (rec: Detail): Row[] =>
  rec.attendance.map(({ personId, status, reason }) => ({ personId, status, reason }) as Row);
const withStatus = (rec: Detail, personId: number, status: Row['status'], reason: string | null) =>
  rowsOf(rec).map((a) => (a.personId === personId ? { personId, status, reason } : a));

const submit = (rec: { id: number; version: number }) =>
  secretary.post(`/api/records/${rec.id}/submit`, { version: rec.version });

const message = (res: { body: string }) => json<{ error: { message: string } }>(res as never).error.message;

describe('a meeting record holds the meeting’s facts', () => {
  it('refuses at submit a host on leave, with a clear code and the person named', async () => {
    const rec = await create('study');
    const host = rec.attendance.find((a) => a.personId === hostPersonId)!;
    const saved = await save(rec, { attendance: withStatus(rec, hostPersonId, 'leave', '出差') });
    // A draft may hold it while the secretary is still typing.
    expect(saved.statusCode, saved.body).toBe(200);
    const res = await submit(json<Detail>(saved));
    expect(res.statusCode).toBe(400);
    expect(errorCode(res)).toBe('MEETING_ROLE_NOT_PRESENT');
    expect(message(res)).toContain(`主持人${host.name}请假`);
    expect(json<Detail>(await secretary.get(`/api/records/${rec.id}`)).status).toBe('draft');
  });

  it('refuses an absent recorder, and submits once host and recorder were there', async () => {
    const rec = await create('theme_day');
    const absent = json<Detail>(
      await save(rec, { attendance: withStatus(rec, recorderPersonId, 'absent', '未请假') }),
    );
    const res = await submit(absent);
    expect(errorCode(res)).toBe('MEETING_ROLE_NOT_PRESENT');
    expect(message(res)).toMatch(/^记录人.+缺席/);
    expect(absent.checklist.find((i) => i.key === 'recorder')).toMatchObject({ done: false, blocking: true });

    const fixed = json<Detail>(await save(absent, { data: { recorderPersonId: hostPersonId + 2 } }));
    const ok = await submit(fixed);
    expect(ok.statusCode, ok.body).toBe(200);
  });

  it('asks at submit for a reason of every absence, naming what is missing', async () => {
    const rec = await create('study');
    const other = rec.attendance.find((a) => a.personId > recorderPersonId)!;
    const saved = json<Detail>(
      await save(rec, { attendance: withStatus(rec, other.personId, 'absent', null) }),
    );
    const res = await submit(saved);
    expect(errorCode(res)).toBe('RECORD_INCOMPLETE');
    expect(message(res)).toContain('缺席和请假人员均已填写原因');
    // Leave without a reason is refused as soon as it is saved, as before.
    const leave = await save(saved, { attendance: withStatus(saved, other.personId, 'leave', null) });
    expect(errorCode(leave)).toBe('VALIDATION_FAILED');
  });

  it('needs start and end time, the end after the start', async () => {
    const rec = await create('study');
    const reversed = await save(rec, { data: { startTime: '16:00', endTime: '15:00' } });
    expect(errorCode(reversed)).toBe('VALIDATION_FAILED');
    expect(reversed.body).toContain('结束时间须晚于开始时间');
    const malformed = await save(rec, { data: { startTime: '25:00' } });
    expect(errorCode(malformed)).toBe('VALIDATION_FAILED');
    const none = json<Detail>(await save(rec, { data: { startTime: null, endTime: null } }));
    const res = await submit(none);
    expect(errorCode(res)).toBe('RECORD_INCOMPLETE');
    expect(message(res)).toContain('开始和结束时间');
  });

  it('needs the platform and meeting number online, the place in person, all three when mixed', async () => {
    const rec = await create('study', { mode: 'video', platform: '', meetingNo: '' });
    expect(rec.checklist.find((i) => i.key === 'place')?.done).toBe(false);
    expect(message(await submit(rec))).toContain('会议地点或线上平台及会议号');
    const mixed = json<Detail>(
      await save(rec, { data: { mode: 'mixed', platform: '钉钉', meetingNo: '889' } }),
    );
    expect(mixed.checklist.find((i) => i.key === 'place')?.done).toBe(false);
    const placed = json<Detail>(await save(mixed, { data: { place: '三楼党员活动室' } }));
    expect(placed.checklist.find((i) => i.key === 'place')?.done).toBe(true);
    expect((await submit(placed)).statusCode).toBe(200);
  });

  it('asks a 党课 for its lecturer and position', async () => {
    const rec = await create('study', { form: 'party_lecture' });
    const res = await submit(rec);
    expect(errorCode(res)).toBe('RECORD_INCOMPLETE');
    expect(message(res)).toContain('授课人及职务');
    const named = json<Detail>(
      await save(rec, { data: { lecturer: '王建华', lecturerPosition: '支部书记' } }),
    );
    expect((await submit(named)).statusCode).toBe(200);
  });

  it('keeps agenda items with speeches and decisions, and 列席 attendees apart from attendance', async () => {
    const agenda = [
      {
        title: '研究年度发展党员计划',
        speeches: [
          { speaker: '王建华', summary: '介绍培养对象情况。' },
          { speaker: '李晓梅', summary: '建议加强对入党积极分子的考察。' },
        ],
        decision: '同意将两名积极分子列为发展对象。',
      },
      { title: '交流学习体会', speeches: [{ speaker: '赵志强', summary: '谈了学习体会。' }], decision: '' },
    ];
    const attendees = [{ name: '周立新', unit: '机关第二党支部' }];
    const rec = await create('study', { agenda, attendees });
    const read = json<Detail>(await secretary.get(`/api/records/${rec.id}`));
    expect(read.data.agenda).toEqual(agenda);
    expect(read.data.attendees).toEqual(attendees);
    // Guests are not among those expected (应到) of the branch.
    expect(read.attendance.some((a) => a.name === '周立新')).toBe(false);

    // Without a speech an agenda item is not yet minuted.
    const bare = json<Detail>(await save(read, { data: { agenda: [{ title: '议题一', speeches: [] }] } }));
    expect(bare.checklist.find((i) => i.key === 'agenda')).toMatchObject({ done: false, blocking: true });
    expect(message(await submit(bare))).toContain('议题及发言摘要');

    const tooMany = await save(bare, { data: { agenda: Array.from({ length: 21 }, () => agenda[1]) } });
    expect(errorCode(tooMany)).toBe('VALIDATION_FAILED');
    const emptySpeaker = await save(bare, {
      data: { agenda: [{ title: '议题', speeches: [{ speaker: ' ', summary: '说了' }] }] },
    });
    expect(errorCode(emptySpeaker)).toBe('VALIDATION_FAILED');
  });
});

describe('attendance is the record’s branch’s active people', () => {
  // Person 12 is the secretary of branch 2: zhibu1 cannot read them.
  const otherBranchPerson = 12;

  it('refuses a person of another branch on update and on create, and shows no name', async () => {
    expect((await secretary.get(`/api/people/${otherBranchPerson}`)).statusCode).toBe(404);
    const rec = await create('study');
    const rows: Row[] = [...rowsOf(rec), { personId: otherBranchPerson, status: 'present' }];
    const res = await save(rec, { attendance: rows });
    expect(res.statusCode).toBe(400);
    expect(errorCode(res)).toBe('INVALID_REFERENCE');
    expect(message(res)).toContain('列席');
    const after = json<Detail>(await secretary.get(`/api/records/${rec.id}`));
    expect(after.attendance.map((a) => a.personId)).not.toContain(otherBranchPerson);
    expect(after.version).toBe(rec.version);

    const body = recordOf('study', campaignId, 1, '2026-03-18');
    const created = await secretary.post('/api/records', {
      ...body,
      attendance: [{ personId: otherBranchPerson, status: 'present' }],
    });
    expect(errorCode(created)).toBe('INVALID_REFERENCE');
  });

  it('refuses an inactive person, but keeps one already on the saved list', async () => {
    const rec = await create('theme_day');
    const leaver = rec.attendance.at(-1)!.personId;
    await t.database.db.execute(sql`update people set active = false where id = ${leaver}`);
    try {
      // Still on the list from before: the record can be corrected without dropping them.
      const kept = await save(rec, { data: { place: '党建文化长廊' } });
      expect(kept.statusCode, kept.body).toBe(200);
      const fresh = await create('theme_day');
      expect(fresh.attendance.map((a) => a.personId)).not.toContain(leaver);
      const added = await save(fresh, {
        attendance: [...rowsOf(fresh), { personId: leaver, status: 'present' }],
      });
      expect(errorCode(added)).toBe('INVALID_REFERENCE');
    } finally {
      await t.database.db.execute(sql`update people set active = true where id = ${leaver}`);
    }
  });
});

describe('records approved before the meeting facts existed', () => {
  it('still read, show what is missing without blocking, and appear in the ledger', async () => {
    const rec = await create('study');
    const submitted = json<Detail>(await submit(rec));
    const approved = await committee.post(`/api/records/${rec.id}/review`, { decision: 'approved' });
    expect(approved.statusCode, approved.body).toBe(200);
    // As such a record was stored: no times, platform, recorder, agenda; a host on leave and an
    // absence without a reason.
    const old = ['startTime', 'endTime', 'platform', 'meetingNo', 'recorderPersonId', 'attendees', 'agenda'];
    await t.database.db.execute(
      sql`update records set data = data - ${sql.param(old)}::text[] where id = ${submitted.id}`,
    );
    const other = submitted.attendance.find((a) => a.personId > recorderPersonId)!.personId;
    await t.database.db.execute(
      sql`update attendance set status = 'leave', reason = '病假' where record_id = ${rec.id} and person_id = ${hostPersonId}`,
    );
    await t.database.db.execute(
      sql`update attendance set status = 'absent', reason = null where record_id = ${rec.id} and person_id = ${other}`,
    );

    const read = json<Detail>(await secretary.get(`/api/records/${rec.id}`));
    expect(read.status).toBe('approved');
    expect(read.data).not.toHaveProperty('startTime');
    const open = read.checklist.filter((i) => !i.done).map((i) => i.key);
    expect(open).toEqual(expect.arrayContaining(['times', 'place', 'host', 'recorder', 'reasons', 'agenda']));

    const ledger = await committee.get(`/api/ledgers/study?campaignId=${campaignId}`);
    expect(ledger.statusCode, ledger.body.slice(0, 300)).toBe(200);
    const workbook = await readXlsx(ledger.rawPayload);
    const cells: string[] = [];
    workbook.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((c) => cells.push(String(c.value)))));
    expect(cells).toContain(read.title);
    const doc = await committee.get(`/api/documents/records/${rec.id}/meeting-record`);
    expect(doc.statusCode).toBe(200);
  });
});
