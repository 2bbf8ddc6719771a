import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { errorCode, json, type TestClient } from '../../test/test-client.js';
import { jpeg, pdf, recordOf, startCampaign, throughLeader } from '../../test/fixtures.js';

type Task = {
  id: number;
  kind: string;
  periodKey: string;
  status: string;
  branchId: number;
  dueDate: string;
  scheduledDueDate: string;
};
type Detail = {
  id: number;
  status: string;
  version: number;
  taskId: number | null;
  periodKey: string;
  submittedLate: boolean;
  checklist: { key: string; done: boolean; blocking: boolean }[];
  attendanceSummary: { expected: number; present: number; leave: number; absent: number; rate: number };
  evidence: { id: number; hasThumbnail: boolean; originalName: string }[];
  reviews: { decision: string; comment: string }[];
};

let t: TestApp;
let committee: TestClient;
let secretary: TestClient;
let campaignId: number;

beforeAll(async () => {
  t = await createTestApp();
  committee = await t.login('jiguan');
  secretary = await t.login('zhibu1');
  campaignId = (await startCampaign(committee)).id;
});
afterAll(async () => t.close());

/** Moves the clock (sessions time out across such jumps) and signs both users in again. */
async function setTime(iso: string) {
  t.clock.set(new Date(iso));
  committee = await t.login('jiguan');
  secretary = await t.login('zhibu1');
}

const tasks = async (client: TestClient, query: string) =>
  json<{ items: Task[] }>(await client.get(`/api/tasks?campaignId=${campaignId}&${query}`)).items;

describe('the monthly loop', () => {
  it('opens one task per branch × month × required kind when the campaign starts', async () => {
    const all = await tasks(committee, '');
    expect(all).toHaveLength(2 * 10 * 5);
    const march = all.filter((x) => x.periodKey === '2026-03' && x.branchId === 1);
    expect(march.map((x) => x.kind).sort()).toEqual([
      'grassroots_problem',
      'publicity',
      'rule_revision',
      'study',
      'theme_day',
    ]);
    // Due: month end plus 5 grace days; scheduled and current due date start equal.
    expect(march[0]).toMatchObject({
      dueDate: '2026-04-05',
      scheduledDueDate: '2026-04-05',
      status: 'not_started',
    });
  });

  it('walks all six kinds from draft to approved, with one returned and fixed', async () => {
    await setTime('2026-03-20T10:00:00+08:00');
    const photo = await jpeg();
    const ids: Record<string, number> = {};
    for (const kind of [
      'study',
      'theme_day',
      'rule_revision',
      'grassroots_problem',
      'publicity',
      'optional',
    ]) {
      const created = await secretary.post('/api/records', recordOf(kind, campaignId, 1, '2026-03-18'));
      expect(created.statusCode, created.body).toBe(200);
      const record = json<Detail>(created);
      ids[kind] = record.id;
      expect(record.status).toBe('draft');
      expect(record.periodKey).toBe('2026-03');
      expect(record.taskId === null).toBe(kind === 'optional');
      const up = await secretary.upload(
        `/api/records/${record.id}/evidence`,
        { kind: kind === 'rule_revision' ? 'document' : 'photo' },
        kind === 'rule_revision' ? '实施办法.pdf' : '现场照片.jpg',
        kind === 'rule_revision' ? pdf() : photo,
      );
      expect(up.statusCode, up.body).toBe(200);
      // A revision passes the leader in charge before it goes to the committee.
      const version =
        kind === 'rule_revision'
          ? await throughLeader((u) => t.login(u), secretary, record.id)
          : record.version;
      const submitted = await secretary.post(`/api/records/${record.id}/submit`, { version });
      expect(submitted.statusCode, submitted.body).toBe(200);
      expect(json<Detail>(submitted).status).toBe('submitted');
    }

    // Attendance defaults to the branch's ten Party members; the rate is against 应到.
    const study = json<Detail>(await secretary.get(`/api/records/${ids.study}`));
    expect(study.attendanceSummary).toMatchObject({ expected: 10, present: 10, rate: 1 });
    expect(study.evidence[0]).toMatchObject({ hasThumbnail: true, originalName: '现场照片.jpg' });
    // Every item of the checklist is done: the meeting's facts, the minutes, materials and a photo.
    expect(study.checklist.filter((i) => !i.done).map((i) => [i.key, i.blocking])).toEqual([]);

    const queue = json<{ items: { id: number }[] }>(
      await committee.get(`/api/records?status=submitted&branchId=1`),
    );
    expect(queue.items.map((r) => r.id).sort((a, b) => a - b)).toEqual(
      Object.values(ids).sort((a, b) => a - b),
    );

    // The committee returns the study with a reason; the branch fixes attendance and resubmits.
    const returned = await committee.post(`/api/records/${ids.study}/review`, {
      decision: 'returned',
      comment: '请补充请假人员原因',
    });
    expect(json<Detail>(returned).status).toBe('returned');
    expect((await tasks(secretary, 'branchId=1&periodKey=2026-03&kind=study'))[0]!.status).toBe('returned');
    const current = json<
      Detail & {
        attendance: { personId: number; status: string }[];
        title: string;
        occurredOn: string;
        data: unknown;
      }
    >(await secretary.get(`/api/records/${ids.study}`));
    // Neither the host nor the recorder (the first two): they must be present to submit.
    const attendance = current.attendance.map((a, i) =>
      i === 8
        ? { personId: a.personId, status: 'leave', reason: '出差' }
        : i === 9
          ? { personId: a.personId, status: 'absent', reason: '未请假' }
          : { personId: a.personId, status: 'present' },
    );
    const saved = await secretary.put(`/api/records/${ids.study}`, {
      title: current.title,
      occurredOn: current.occurredOn,
      data: current.data,
      attendance,
      version: current.version,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const fixed = json<Detail>(saved);
    expect(fixed.attendanceSummary).toMatchObject({
      expected: 10,
      present: 8,
      leave: 1,
      absent: 1,
      rate: 0.8,
    });
    expect(
      (await secretary.post(`/api/records/${ids.study}/submit`, { version: fixed.version })).statusCode,
    ).toBe(200);

    for (const id of Object.values(ids)) {
      const res = await committee.post(`/api/records/${id}/review`, { decision: 'approved' });
      expect(res.statusCode, res.body).toBe(200);
    }
    const march = await tasks(secretary, 'branchId=1&periodKey=2026-03');
    expect(march.map((x) => x.status)).toEqual(['done', 'done', 'done', 'done', 'done']);

    const detail = json<Detail>(await committee.get(`/api/records/${ids.study}`));
    expect(detail.reviews.map((r) => r.decision)).toEqual(['returned', 'approved']);
    const history = json<{ items: { change: string; version: number }[] }>(
      await secretary.get(`/api/records/${ids.study}/history`),
    );
    expect(history.items.map((h) => h.change)).toEqual([
      'create',
      'submit',
      'returned',
      'update',
      'resubmit',
      'approved',
    ]);
    expect(history.items.map((h) => h.version)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('marks a submission after the due date as 补报 and shows untouched past tasks as overdue', async () => {
    await setTime('2026-05-08T10:00:00+08:00');
    const april = await tasks(secretary, 'branchId=1&periodKey=2026-04');
    expect(april.every((x) => x.status === 'overdue')).toBe(true);

    const created = json<Detail>(
      await secretary.post('/api/records', recordOf('study', campaignId, 1, '2026-04-28')),
    );
    const submitted = json<Detail>(
      await secretary.post(`/api/records/${created.id}/submit`, { version: created.version }),
    );
    expect(submitted.submittedLate).toBe(true);
    expect((await tasks(secretary, 'branchId=1&periodKey=2026-04&kind=study'))[0]!.status).toBe('submitted');
    await committee.post(`/api/records/${created.id}/review`, { decision: 'approved' });
    expect((await tasks(secretary, 'branchId=1&periodKey=2026-04&kind=study'))[0]!.status).toBe('done_late');
  });

  it('lets the committee extend a due date with a reason, keeping the scheduled date', async () => {
    const [task] = await tasks(committee, 'branchId=2&periodKey=2026-05&kind=publicity');
    const res = await committee.post(`/api/tasks/${task!.id}/extend`, {
      dueDate: '2026-06-15',
      reason: '配合公司活动集中报道',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(json<Task>(res)).toMatchObject({ dueDate: '2026-06-15', scheduledDueDate: '2026-06-05' });
    expect(
      errorCode(
        await secretary.post(`/api/tasks/${task!.id}/extend`, { dueDate: '2026-06-20', reason: 'x' }),
      ),
    ).toBe('FORBIDDEN');
  });

  it('keeps another branch’s records invisible to this branch (404), and lets a Party member read own branch only', async () => {
    const other = await t.login('zhibu2');
    const mine = json<Detail>(
      await secretary.post('/api/records', recordOf('theme_day', campaignId, 1, '2026-05-06')),
    );
    expect((await other.get(`/api/records/${mine.id}`)).statusCode).toBe(404);
    expect(
      (
        await other.put(`/api/records/${mine.id}`, {
          title: 'x',
          occurredOn: '2026-05-06',
          data: {},
          version: 1,
        })
      ).statusCode,
    ).toBe(404);
    expect((await other.post(`/api/records/${mine.id}/submit`, { version: 1 })).statusCode).toBe(404);
    const list = json<{ items: { branchId: number }[] }>(
      await other.get(`/api/records?campaignId=${campaignId}`),
    );
    expect(list.items.every((r) => r.branchId === 2)).toBe(true);
    expect((await other.get(`/api/tasks?campaignId=${campaignId}&branchId=1`)).statusCode).toBe(404);
    const member = await t.login('dangyuan');
    expect((await member.get(`/api/records/${mine.id}`)).statusCode).toBe(200);
    expect(
      errorCode(
        await member.put(`/api/records/${mine.id}`, {
          title: 'x',
          occurredOn: '2026-05-06',
          data: {},
          version: 1,
        }),
      ),
    ).toBe('FORBIDDEN');
  });

  it('detects concurrent edits: the second save gets a conflict and loses nothing', async () => {
    const rec = json<Detail & { title: string; occurredOn: string; data: unknown }>(
      await secretary.post('/api/records', recordOf('optional', campaignId, 1, '2026-05-07')),
    );
    const body = { title: rec.title, occurredOn: rec.occurredOn, data: rec.data, version: rec.version };
    const first = await secretary.put(`/api/records/${rec.id}`, { ...body, title: '第一次保存' });
    expect(first.statusCode).toBe(200);
    const second = await secretary.put(`/api/records/${rec.id}`, { ...body, title: '第二次保存' });
    expect(second.statusCode).toBe(409);
    expect(errorCode(second)).toBe('CONFLICT');
    expect(json<{ title: string }>(await secretary.get(`/api/records/${rec.id}`)).title).toBe('第一次保存');
  });

  it('refuses to submit an incomplete record, naming what is missing', async () => {
    const body = recordOf('study', campaignId, 1, '2026-05-07');
    const rec = json<Detail>(
      await secretary.post('/api/records', { ...body, data: { ...body.data, agenda: [] } }),
    );
    const res = await secretary.post(`/api/records/${rec.id}/submit`, { version: rec.version });
    expect(res.statusCode).toBe(400);
    expect(errorCode(res)).toBe('RECORD_INCOMPLETE');
    expect(json<{ error: { message: string } }>(res).error.message).toContain('议题及发言摘要');
  });

  it('offers last month’s repeating fields to start a new record', async () => {
    const res = json<{ data: Record<string, unknown>; expectedPersonIds: number[] }>(
      await secretary.get('/api/records/template?branchId=1&kind=study'),
    );
    expect(res.data).toMatchObject({ form: 'party_congress', mode: 'video' });
    expect(res.data).not.toHaveProperty('minutes');
    expect(res.expectedPersonIds).toHaveLength(10);
  });

  it('starts a theme day from last month’s place only, never its theme or activity', async () => {
    const saved = await secretary.post('/api/records', recordOf('theme_day', campaignId, 1, '2026-05-08'));
    expect(saved.statusCode).toBe(200);
    const res = json<{ data: Record<string, unknown> }>(
      await secretary.get('/api/records/template?branchId=1&kind=theme_day'),
    );
    expect(res.data).toMatchObject({ place: '公司党建文化长廊' });
    for (const chosenAnew of ['theme', 'activity', 'hostPersonId', 'recorderPersonId', 'summary'])
      expect(res.data).not.toHaveProperty(chosenAnew);
  });
});
