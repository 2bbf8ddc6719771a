import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { json, type TestClient } from '../../test/test-client.js';
import { jpeg, meetingOfficers, recordOf, startCampaign } from '../../test/fixtures.js';
import type { IntegritySignal } from '../../../common/api/signals.js';
import { rowsOf } from '../../lib/backup-catalog.js';

let t: TestApp;
let committee: TestClient;
let campaignId: number;
let photo: Buffer;

/** Moves the clock and logs in again: a session idles out over the days a test skips. */
async function at(instant: string) {
  t.clock.set(new Date(instant));
  committee = await t.login('jiguan');
}

type Body = Omit<ReturnType<typeof recordOf>, 'data'> & { data: object; attendance?: unknown[] };

/** Creates the record as the branch's secretary at the clock's time, with a photo, and submits it. */
async function submitted(body: Body): Promise<number> {
  const client = await t.login(`zhibu${body.branchId}`);
  const created = await client.post('/api/records', body);
  expect(created.statusCode, created.body).toBe(200);
  const { id } = json<{ id: number }>(created);
  await client.upload(`/api/records/${id}/evidence`, { kind: 'photo' }, '现场.jpg', photo);
  const { version } = json<{ version: number }>(await client.get(`/api/records/${id}`));
  const res = await client.post(`/api/records/${id}/submit`, { version });
  expect(res.statusCode, res.body).toBe(200);
  return id;
}

const signalsOf = async (id: number, kind: IntegritySignal['kind']) =>
  json<{ items: IntegritySignal[] }>(await committee.get(`/api/records/${id}/signals`)).items.filter(
    (s) => s.kind === kind,
  );

const problem = (branchId: number, date: string, unitId: number, description: string): Body => {
  const body = recordOf('grassroots_problem', campaignId, branchId, date);
  return { ...body, data: { ...body.data, unitId, description } };
};
const publicity = (branchId: number, date: string, title: string, link: string): Body => {
  const body = recordOf('publicity', campaignId, branchId, date);
  const channels = [{ channel: 'website', publishedOn: date, link }];
  return { ...body, title, data: { ...body.data, channels } };
};

beforeAll(async () => {
  t = await createTestApp();
  photo = await jpeg();
  await at('2026-03-01T10:00:00+08:00');
  campaignId = (await startCampaign(committee)).id;
});
afterAll(async () => t.close());

const solved =
  '地热开发事业部项目现场复工复产急需口罩和消毒液,采购渠道不畅,库存仅够三天使用,影响一线职工安全作业。';
const solvedAgain =
  '地热开发事业部项目现场复工复产急需口罩和消毒液,采购渠道不畅,库存只够两天使用,影响一线职工安全作业。';
const otherProblem = '事业部职工食堂就餐排队时间长,午休时间不足,职工反映强烈,希望增加窗口和错峰就餐安排。';

describe('the same problem reported as solved twice', () => {
  it('flags the same unit’s near-identical problem in another branch and month, and nothing else', async () => {
    await at('2026-03-12T10:00:00+08:00');
    const first = await submitted(problem(1, '2026-03-10', 1, solved));
    await at('2026-05-12T10:00:00+08:00');
    const again = await submitted(problem(2, '2026-05-10', 1, solvedAgain));
    const [signal] = await signalsOf(again, 'repeat_problem');
    expect(signal?.other).toMatchObject({ id: first, periodKey: '2026-03' });
    expect(signal?.evidence).toMatchObject({ description: solvedAgain, otherDescription: solved });
    expect(signal!.evidence.similarity as number).toBeGreaterThanOrEqual(0.6);
    // Another problem of the same unit, and the same words about another unit, are not repeats.
    const other = await submitted(problem(2, '2026-05-11', 1, otherProblem));
    expect(await signalsOf(other, 'repeat_problem')).toEqual([]);
    const elsewhere = await submitted(problem(2, '2026-05-12', 2, solved));
    expect(await signalsOf(elsewhere, 'repeat_problem')).toEqual([]);
  });
});

describe('the same publicity item credited twice', () => {
  it('flags a near-identical title with the branch’s name changed, and the same link, not another item', async () => {
    await at('2026-04-12T10:00:00+08:00');
    const first = await submitted(
      publicity(
        1,
        '2026-04-10',
        '机关第一党支部开展“学思想、强党性”主题党日活动',
        'https://example.com/news/41',
      ),
    );
    const titled = await submitted(
      publicity(
        2,
        '2026-04-11',
        '机关第二党支部开展“学思想、强党性”主题党日活动',
        'https://example.com/news/42',
      ),
    );
    const [byTitle] = await signalsOf(titled, 'repeat_publicity');
    expect(byTitle?.other?.id).toBe(first);
    expect(byTitle?.evidence).toMatchObject({ link: null });
    expect(byTitle!.evidence.similarity as number).toBeGreaterThanOrEqual(0.7);

    const another = await submitted(
      publicity(2, '2026-04-12', '机关第二党支部组织党员参观党建文化长廊', 'https://example.com/news/43'),
    );
    expect(await signalsOf(another, 'repeat_publicity')).toEqual([]);

    await at('2026-05-12T10:00:00+08:00');
    const linked = await submitted(
      publicity(1, '2026-05-10', '五月新闻宣传:党员先锋岗建设', 'HTTPS://example.com/news/41/'),
    );
    const [byLink] = await signalsOf(linked, 'repeat_publicity');
    expect(byLink?.other?.id).toBe(first);
    expect(byLink?.evidence).toMatchObject({ link: 'https://example.com/news/41' });
  });
});

describe('times that do not fit', () => {
  it('flags people present at two meetings at overlapping times, not at meetings one after another', async () => {
    await at('2026-06-10T18:00:00+08:00');
    const study = await submitted(recordOf('study', campaignId, 1, '2026-06-10')); // 14:30–16:00
    const themeDay = (startTime: string, endTime: string) => {
      const body = recordOf('theme_day', campaignId, 1, '2026-06-10');
      return { ...body, data: { ...body.data, startTime, endTime } };
    };
    const overlapping = await submitted(themeDay('15:30', '17:00'));
    const [signal] = await signalsOf(overlapping, 'overlapping_attendance');
    expect(signal?.other?.id).toBe(study);
    expect(signal?.evidence).toMatchObject({
      startTime: '15:30',
      endTime: '17:00',
      otherStart: '14:30',
      otherEnd: '16:00',
    });
    expect((signal!.evidence.people as string[]).length).toBeGreaterThan(5);
    const after = await submitted(themeDay('16:00', '17:30'));
    expect((await signalsOf(after, 'overlapping_attendance')).map((s) => s.other?.id)).toEqual([overlapping]);
  });

  it('flags a sign-in the evening after the meeting, not one twenty minutes before it', async () => {
    await at('2026-06-18T14:00:00+08:00');
    const secretary = await t.login('zhibu1');
    const body = recordOf('study', campaignId, 1, '2026-06-18'); // 14:30–16:00, 30 minutes' grace
    const { id } = json<{ id: number }>(await secretary.post('/api/records', body));
    const signInAt = async (instant: string, username: string) => {
      t.clock.set(new Date(instant));
      const link = json<{ token: string }>(
        await (await t.login('zhibu1')).post(`/api/records/${id}/sign-in-link`, { minutes: 30 }),
      );
      const res = await (await t.login(username)).post(`/api/sign-in/${link.token}`);
      expect(res.statusCode, res.body).toBe(200);
    };
    await signInAt('2026-06-18T14:10:00+08:00', 'dangyuan');
    await signInAt('2026-06-18T20:15:00+08:00', 'zhibu1');
    const client = await t.login('zhibu1');
    await client.upload(`/api/records/${id}/evidence`, { kind: 'photo' }, '现场.jpg', photo);
    const { version } = json<{ version: number }>(await client.get(`/api/records/${id}`));
    expect((await client.post(`/api/records/${id}/submit`, { version })).statusCode).toBe(200);
    await at('2026-06-19T09:00:00+08:00');
    const [signal] = await signalsOf(id, 'sign_in_outside');
    const signIns = signal?.evidence.signIns as { name: string; date: string; time: string }[];
    expect(signIns).toHaveLength(1);
    expect(signIns[0]).toMatchObject({ date: '2026-06-18', time: '20:15' });
  });

  it('flags a branch’s whole month typed in one burst on its due date, not a month typed over its days', async () => {
    const [task] = await rowsOf<{ dueDate: string }>(
      t.database.db,
      sql`select due_date::text as "dueDate" from tasks where branch_id = 2 and period_key = '2026-07' limit 1`,
    );
    const due = task!.dueDate;
    const kinds = ['study', 'theme_day', 'publicity'] as const;
    const ids: number[] = [];
    for (const [i, kind] of kinds.entries()) {
      await at(`${due}T15:${String(i * 20).padStart(2, '0')}:00+08:00`);
      const body = recordOf(kind, campaignId, 2, `2026-07-${10 + i}`);
      ids.push(await submitted(kind === 'publicity' ? { ...body, title: `七月宣传稿件${i}` } : body));
    }
    expect(await signalsOf(ids[1]!, 'deadline_rush')).toEqual([]);
    const [signal] = await signalsOf(ids[2]!, 'deadline_rush');
    expect(signal?.evidence).toMatchObject({ periodKey: '2026-07', dueDate: due, minutes: 40 });
    expect((signal!.evidence.records as { id: number }[]).map((r) => r.id)).toEqual(ids);

    // Branch 1's August, typed as it happened: no burst.
    const spread: number[] = [];
    for (const [i, kind] of kinds.entries()) {
      await at(`2026-08-${10 + i * 5}T18:00:00+08:00`);
      const body = recordOf(kind, campaignId, 1, `2026-08-${10 + i * 5}`);
      spread.push(await submitted(kind === 'publicity' ? { ...body, title: `八月宣传稿件${i}` } : body));
    }
    expect(await signalsOf(spread[2]!, 'deadline_rush')).toEqual([]);
  });

  it('flags three meetings in a row leaving out the same people, not three with everyone present', async () => {
    const members = json<{ items: { id: number; memberStatus: string }[] }>(
      await (await t.login('zhibu2')).get('/api/people?branchId=2'),
    ).items.filter((p) => p.memberStatus !== 'non_member');
    const officers = Object.values(meetingOfficers(2));
    const away = members.find((p) => !officers.includes(p.id))!.id;
    const attendance = members.map((p) =>
      p.id === away
        ? { personId: p.id, status: 'leave', reason: '出差' }
        : { personId: p.id, status: 'present' },
    );
    const ids: number[] = [];
    for (const month of ['09', '10', '11']) {
      await at(`2026-${month}-15T18:00:00+08:00`);
      ids.push(await submitted({ ...recordOf('study', campaignId, 2, `2026-${month}-15`), attendance }));
    }
    expect(await signalsOf(ids[1]!, 'same_attendance')).toEqual([]);
    const [signal] = await signalsOf(ids[2]!, 'same_attendance');
    expect(signal?.evidence).toMatchObject({
      meetings: 3,
      dates: ['2026-09-15', '2026-10-15', '2026-11-15'],
    });

    // Branch 1's studies of June to August had everyone present (the default list): not flagged.
    await at('2026-09-20T18:00:00+08:00');
    const full = await submitted(recordOf('study', campaignId, 1, '2026-09-20'));
    expect(await signalsOf(full, 'same_attendance')).toEqual([]);
  });
});

describe('recomputing when the other record changes', () => {
  it('drops a repeat once the other record is corrected and handed in again', async () => {
    await at('2026-10-12T10:00:00+08:00');
    const first = await submitted(problem(1, '2026-10-10', 3, solved));
    const again = await submitted(problem(2, '2026-10-11', 3, solvedAgain));
    expect((await signalsOf(again, 'repeat_problem')).map((s) => s.other?.id)).toEqual([first]);
    await committee.post(`/api/records/${first}/review`, { decision: 'returned', comment: '问题描述不清' });
    const secretary = await t.login('zhibu1');
    const detail = json<{ version: number; title: string; occurredOn: string; data: object }>(
      await secretary.get(`/api/records/${first}`),
    );
    const saved = json<{ version: number }>(
      await secretary.put(`/api/records/${first}`, {
        title: detail.title,
        occurredOn: detail.occurredOn,
        data: { ...detail.data, description: otherProblem },
        version: detail.version,
      }),
    );
    expect(
      (await secretary.post(`/api/records/${first}/submit`, { version: saved.version })).statusCode,
    ).toBe(200);
    expect(await signalsOf(again, 'repeat_problem')).toEqual([]);
  });
});

describe('one reused photo, one signal', () => {
  it('groups every other record carrying the photo into one signal, and keeps the rest when one withdraws it', async () => {
    await at('2026-11-20T10:00:00+08:00');
    const id = await submitted(publicity(1, '2026-11-20', '十一月宣传稿件', 'https://example.com/news/1120'));
    const [signal, ...none] = await signalsOf(id, 'same_photo');
    expect(none).toEqual([]);
    const e = signal!.evidence as { matches: number; otherEvidenceId: number; also: { recordId: number }[] };
    expect(e.matches).toBeGreaterThan(10);
    expect(e.also).toHaveLength(Math.min(e.matches - 1, 20));

    // The closest other record goes back and its branch takes the photo off: one match fewer.
    const closest = signal!.other!.id;
    await committee.post(`/api/records/${closest}/review`, { decision: 'returned', comment: '请更换照片' });
    const owner = json<{ branchId: number }>(await committee.get(`/api/records/${closest}`)).branchId;
    const removed = await (
      await t.login(`zhibu${owner}`)
    ).delete(`/api/records/${closest}/evidence/${e.otherEvidenceId}`);
    expect(removed.statusCode, removed.body).toBeLessThan(300);
    const [after] = await signalsOf(id, 'same_photo');
    expect(after?.id).toBe(signal!.id);
    expect(after?.evidence.matches).toBe(e.matches - 1);
    expect(after?.other?.id).not.toBe(closest);
  });
});
