import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { errorCode, json, type TestClient } from '../../test/test-client.js';
import { recordOf, startCampaign } from '../../test/fixtures.js';

type Person = {
  id: number;
  name: string;
  memberStatus: string;
  branchPost: string | null;
  partyGroupId: number | null;
};
type Detail = {
  id: number;
  version: number;
  title: string;
  occurredOn: string;
  data: Record<string, unknown>;
  attendance: { personId: number; status: string; memberStatus: string | null; post: string | null }[];
  attendanceSummary: { expected: number };
};
type Term = { id: number; post: string; startedOn: string; endedOn: string | null; branchName: string };

let t: TestApp;
let campaignId: number;
let secretary: TestClient;
let roster: Person[];

const ids = (rows: { personId: number }[]) => rows.map((r) => r.personId).sort((a, b) => a - b);
const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
const members = (p: Person) => p.memberStatus !== 'non_member';

async function rosterOf(client: TestClient, branchId: number): Promise<Person[]> {
  return json<{ items: Person[] }>(await client.get(`/api/people?branchId=${branchId}&limit=100`)).items;
}

async function study(date: string, data: Record<string, unknown>, branchId = 1, client = secretary) {
  const body = recordOf('study', campaignId, branchId, date);
  const res = await client.post('/api/records', { ...body, data: { ...body.data, ...data } });
  expect(res.statusCode, res.body).toBe(200);
  return json<Detail>(res);
}

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set(new Date('2026-03-20T10:00:00+08:00'));
  campaignId = (await startCampaign(await t.login('jiguan'))).id;
  secretary = await t.login('zhibu1');
  roster = await rosterOf(secretary, 1);
});
afterAll(async () => t.close());

describe('who is expected follows the meeting’s form', () => {
  it('a 支委会 expects exactly the branch committee holding posts on the meeting date', async () => {
    const committee = roster.filter((p) => p.branchPost !== null);
    expect(committee.length).toBeGreaterThanOrEqual(3);
    expect(committee.length).toBeLessThan(roster.filter(members).length);
    // One member hands over the publicity portfolio to another on 10 March.
    const leaving = committee.find((p) => p.branchPost === 'publicity')!;
    const joining = roster.find((p) => members(p) && p.branchPost === null)!;
    const ended = await secretary.patch(`/api/people/${leaving.id}`, {
      branchPost: null,
      postSince: '2026-03-10',
    });
    expect(ended.statusCode, ended.body).toBe(200);
    const started = await secretary.patch(`/api/people/${joining.id}`, {
      branchPost: 'publicity',
      postSince: '2026-03-10',
    });
    expect(started.statusCode, started.body).toBe(200);

    const before = await study('2026-03-05', { form: 'branch_committee' });
    expect(ids(before.attendance)).toEqual(sorted(committee.map((p) => p.id)));
    expect(before.attendanceSummary.expected).toBe(committee.length);
    expect(before.attendance.find((a) => a.personId === leaving.id)!.post).toBe('publicity');

    const after = await study('2026-03-12', { form: 'branch_committee' });
    const nowCommittee = (await rosterOf(secretary, 1)).filter((p) => p.branchPost !== null).map((p) => p.id);
    expect(ids(after.attendance)).toEqual(sorted(nowCommittee));
    expect(ids(after.attendance)).toContain(joining.id);
    expect(ids(after.attendance)).not.toContain(leaving.id);

    // The entry form asks the same question before saving.
    const preview = json<{ items: { personId: number; post: string | null }[] }>(
      await secretary.get(
        `/api/records/expected?branchId=1&kind=study&occurredOn=2026-03-05&form=branch_committee`,
      ),
    );
    expect(ids(preview.items)).toEqual(ids(before.attendance));

    // A list naming someone outside the committee, or leaving one out, is refused with the rule.
    const outsider = roster.find((p) => members(p) && p.branchPost === null && p.id !== joining.id)!;
    const wrong = await secretary.put(`/api/records/${after.id}`, {
      title: after.title,
      occurredOn: after.occurredOn,
      data: after.data,
      version: after.version,
      attendance: [...after.attendance, { personId: outsider.id, status: 'present' }].map((a) => ({
        personId: a.personId,
        status: a.status,
      })),
    });
    expect(wrong.statusCode).toBe(400);
    expect(errorCode(wrong)).toBe('VALIDATION_FAILED');
    expect(wrong.body).toContain('支部委员');
    const short = await secretary.put(`/api/records/${after.id}`, {
      title: after.title,
      occurredOn: after.occurredOn,
      data: after.data,
      version: after.version,
      attendance: after.attendance.slice(1).map((a) => ({ personId: a.personId, status: a.status })),
    });
    expect(short.statusCode).toBe(400);
    expect(short.body).toContain('缺少');
  });

  it('a 党小组会 expects exactly the members of the group it names', async () => {
    const groupId = roster.find((p) => p.partyGroupId !== null)!.partyGroupId!;
    const draft = await study('2026-03-16', { form: 'group_meeting' });
    expect(draft.attendance).toEqual([]);
    const refused = await secretary.post(`/api/records/${draft.id}/submit`, { version: draft.version });
    expect(refused.statusCode).toBe(400);
    const checklist = json<{ checklist: { key: string; label: string; done: boolean }[] }>(
      await secretary.get(`/api/records/${draft.id}`),
    ).checklist;
    expect(checklist.find((i) => i.key === 'group')).toMatchObject({ label: '已选择党小组', done: false });

    // The group's own members host and minute it.
    const group = roster.filter((p) => members(p) && p.partyGroupId === groupId).map((p) => p.id);
    expect(group.length).toBeGreaterThan(1);
    // The organisation page counts the same members per group.
    const structure = json<{ partyGroups: { id: number; memberCount: number }[] }>(
      await secretary.get('/api/org/structure'),
    );
    expect(structure.partyGroups.find((g) => g.id === groupId)!.memberCount).toBe(group.length);
    const saved = await secretary.put(`/api/records/${draft.id}`, {
      title: draft.title,
      occurredOn: draft.occurredOn,
      data: { ...draft.data, partyGroupId: groupId, hostPersonId: group[0], recorderPersonId: group[1] },
      version: draft.version,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(ids(json<Detail>(saved).attendance)).toEqual(sorted(group));
    const submitted = await secretary.post(`/api/records/${draft.id}/submit`, {
      version: json<Detail>(saved).version,
    });
    expect(submitted.statusCode, submitted.body).toBe(200);

    // A group of another branch is not this branch's meeting.
    const otherGroup = (await rosterOf(await t.login('jiguan'), 2)).find((p) => p.partyGroupId)!.partyGroupId;
    const body = recordOf('study', campaignId, 1, '2026-03-16');
    const foreign = await secretary.post('/api/records', {
      ...body,
      data: { ...body.data, form: 'group_meeting', partyGroupId: otherGroup },
    });
    expect(errorCode(foreign)).toBe('VALIDATION_FAILED');
    expect(foreign.body).toContain('党小组');
  });

  it('a 党员大会 and a 党课 expect all members, probationary ones counted and marked', async () => {
    const all = roster.filter(members);
    expect(all.some((p) => p.memberStatus === 'probationary')).toBe(true);
    for (const form of ['party_congress', 'party_lecture']) {
      const rec = await study('2026-03-18', { form });
      expect(ids(rec.attendance)).toEqual(sorted(all.map((p) => p.id)));
      const probationary = rec.attendance
        .filter((a) => a.memberStatus === 'probationary')
        .map((a) => a.personId);
      expect(sorted(probationary)).toEqual(
        sorted(all.filter((p) => p.memberStatus === 'probationary').map((p) => p.id)),
      );
    }
  });

  it('a draft whose committee changed since it was saved is settled again before it is submitted', async () => {
    const rec = await study('2026-03-19', { form: 'branch_committee' });
    const newcomer = (await rosterOf(secretary, 1)).find((p) => members(p) && p.branchPost === null)!;
    await secretary.patch(`/api/people/${newcomer.id}`, {
      branchPost: 'committee_member',
      postSince: '2026-03-19',
    });
    const stale = await secretary.post(`/api/records/${rec.id}/submit`, { version: rec.version });
    expect(errorCode(stale)).toBe('RECORD_INCOMPLETE');
    expect(stale.body).toContain('应到');
    const resaved = json<Detail>(
      await secretary.put(`/api/records/${rec.id}`, {
        title: rec.title,
        occurredOn: rec.occurredOn,
        data: rec.data,
        version: rec.version,
      }),
    );
    expect(ids(resaved.attendance)).toContain(newcomer.id);
    const ok = await secretary.post(`/api/records/${rec.id}/submit`, { version: resaved.version });
    expect(ok.statusCode, ok.body).toBe(200);
  });
});

describe('post history', () => {
  it('keeps each post from its first day to its last, one secretary at a time, audited', async () => {
    const admin = await t.login('admin');
    const people = await rosterOf(admin, 3);
    // A member with no post so far (the branch's former publicity member has a history already).
    const person = people.filter((p) => p.memberStatus === 'full' && p.branchPost === null).at(-1)!;
    expect(json<{ items: Term[] }>(await admin.get(`/api/people/${person.id}/posts`)).items).toEqual([]);
    const secretaryOf3 = people.find((p) => p.branchPost === 'secretary')!;
    const given = await admin.patch(`/api/people/${person.id}`, {
      branchPost: 'organisation',
      postSince: '2026-01-05',
    });
    expect(json<Person>(given).branchPost).toBe('organisation');
    const moved = await admin.patch(`/api/people/${person.id}`, {
      branchPost: 'deputy_secretary',
      postSince: '2026-03-01',
    });
    expect(json<Person>(moved).branchPost).toBe('deputy_secretary');
    const terms = json<{ items: Term[] }>(await admin.get(`/api/people/${person.id}/posts`)).items;
    expect(terms.map((x) => [x.post, x.startedOn, x.endedOn])).toEqual([
      ['deputy_secretary', '2026-03-01', null],
      ['organisation', '2026-01-05', '2026-02-28'],
    ]);

    // A past term can be added; it may not overlap another, nor make two secretaries at once.
    const past = await admin.post(`/api/people/${person.id}/posts`, {
      post: 'publicity',
      startedOn: '2021-06-01',
      endedOn: '2023-05-31',
    });
    expect(past.statusCode, past.body).toBe(200);
    expect(json<{ items: Term[] }>(past).items).toHaveLength(3);
    const overlap = await admin.post(`/api/people/${person.id}/posts`, {
      post: 'discipline',
      startedOn: '2023-05-01',
      endedOn: '2023-12-31',
    });
    expect(errorCode(overlap)).toBe('POST_TERM_OVERLAP');
    const twoSecretaries = await admin.post(`/api/people/${person.id}/posts`, {
      post: 'secretary',
      startedOn: '2024-01-01',
      endedOn: '2025-12-31',
    });
    expect(errorCode(twoSecretaries)).toBe('POST_TERM_OVERLAP');
    expect(twoSecretaries.body).toContain(secretaryOf3.name);
    const future = await admin.post(`/api/people/${person.id}/posts`, {
      post: 'discipline',
      startedOn: '2024-01-01',
      endedOn: '2026-12-31',
    });
    expect(errorCode(future)).toBe('VALIDATION_FAILED');

    // Ending the current term leaves the person without a post.
    const current = terms[0]!;
    const end = await admin.patch(`/api/people/${person.id}/posts/${current.id}`, { endedOn: '2026-03-15' });
    expect(end.statusCode, end.body).toBe(200);
    expect(json<Person>(await admin.get(`/api/people/${person.id}`)).branchPost).toBeNull();
    const removed = await admin.delete(`/api/people/${person.id}/posts/${current.id}`);
    expect(json<{ items: Term[] }>(removed).items).toHaveLength(2);

    const audit = json<{ items: { action: string }[] }>(
      await admin.get(`/api/audit?entityType=person&entityId=${person.id}&limit=100`),
    ).items.map((a) => a.action);
    for (const action of ['person.post.change', 'person.post.add', 'person.post.edit', 'person.post.remove'])
      expect(audit).toContain(action);
  });

  it('ends a post when its holder moves to another branch or is given no post; a non-member holds none', async () => {
    const admin = await t.login('admin');
    const people = await rosterOf(admin, 4);
    const holder = people.find((p) => p.branchPost === 'publicity')!;
    const moved = await admin.patch(`/api/people/${holder.id}`, { branchId: 5, partyGroupId: null });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(json<Person>(moved).branchPost).toBeNull();
    const terms = json<{ items: Term[] }>(await admin.get(`/api/people/${holder.id}/posts`)).items;
    expect(terms[0]!.endedOn).not.toBeNull();

    const staff = people.find((p) => p.memberStatus === 'non_member')!;
    const refused = await admin.patch(`/api/people/${staff.id}`, { branchPost: 'committee_member' });
    expect(errorCode(refused)).toBe('VALIDATION_FAILED');
  });
});
