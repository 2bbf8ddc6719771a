import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { errorCode, json, type TestClient } from '../../test/test-client.js';
import { recordOf, startCampaign } from '../../test/fixtures.js';

type Detail = {
  id: number;
  version: number;
  attendance: { personId: number; status: string; signedInAt: string | null }[];
};

let t: TestApp;
let secretary: TestClient;
let campaignId: number;
let record: Detail;
let token: string;
let memberPersonId: number;

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set(new Date('2026-03-20T14:00:00+08:00'));
  campaignId = (await startCampaign(await t.login('jiguan'))).id;
  secretary = await t.login('zhibu1');
  const members = json<{ items: { id: number; memberStatus: string; username: string | null }[] }>(
    await secretary.get('/api/people?branchId=1'),
  ).items;
  memberPersonId = members.find((p) => p.username === 'dangyuan')!.id;
  // Before the meeting nobody is marked present yet.
  const attendance = members
    .filter((p) => p.memberStatus !== 'non_member')
    .map((p) => ({ personId: p.id, status: 'absent' }));
  record = json<Detail>(
    await secretary.post('/api/records', { ...recordOf('study', campaignId, 1, '2026-03-20'), attendance }),
  );
  const link = await secretary.post(`/api/records/${record.id}/sign-in-link`, { minutes: 30 });
  expect(link.statusCode, link.body).toBe(200);
  token = json<{ token: string; path: string }>(link).token;
  expect(json<{ path: string }>(link).path).toBe(`/sign-in/${token}`);
});
afterAll(async () => t.close());

describe('QR sign-in', () => {
  it('marks a member on the expected list present when they scan and confirm', async () => {
    const member = await t.login('dangyuan');
    const info = json<{ expected: boolean; signedInAt: string | null; title: string }>(
      await member.get(`/api/sign-in/${token}`),
    );
    expect(info).toMatchObject({ expected: true, signedInAt: null });
    const res = await member.post(`/api/sign-in/${token}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(json<{ signedInAt: string }>(res).signedInAt).not.toBeNull();
    // Signing in twice changes nothing.
    expect((await member.post(`/api/sign-in/${token}`)).statusCode).toBe(200);

    const detail = json<Detail>(await secretary.get(`/api/records/${record.id}`));
    const line = detail.attendance.find((a) => a.personId === memberPersonId)!;
    expect(line.status).toBe('present');
    expect(line.signedInAt).not.toBeNull();
    expect(detail.attendance.filter((a) => a.status === 'present')).toHaveLength(1);

    // Saving the attendance list afterwards keeps the sign-in time.
    const full = json<Detail & { title: string; occurredOn: string; data: unknown }>(
      await secretary.get(`/api/records/${record.id}`),
    );
    const saved = await secretary.put(`/api/records/${record.id}`, {
      title: full.title,
      occurredOn: full.occurredOn,
      data: full.data,
      attendance: full.attendance.map((a) => ({ personId: a.personId, status: a.status })),
      version: full.version,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(json<Detail>(saved).attendance.find((a) => a.personId === memberPersonId)!.signedInAt).toBe(
      line.signedInAt,
    );
  });

  it('refuses people not on the list and accounts without a person', async () => {
    expect(errorCode(await (await t.login('zhibu2')).post(`/api/sign-in/${token}`))).toBe(
      'SIGN_IN_NOT_EXPECTED',
    );
    expect(errorCode(await (await t.login('jiceng')).post(`/api/sign-in/${token}`))).toBe('FORBIDDEN');
    expect(
      errorCode(await (await t.login('dangyuan')).post('/api/sign-in/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA')),
    ).toBe('NOT_FOUND');
  });

  it('needs a signed-in user: the phone logs in first', async () => {
    expect((await (await t.anonymous()).get(`/api/sign-in/${token}`)).statusCode).toBe(401);
  });

  it('only the branch makes codes, only for meetings', async () => {
    expect(
      errorCode(await (await t.login('zhibu2')).post(`/api/records/${record.id}/sign-in-link`, {})),
    ).toBe('NOT_FOUND');
    const optional = json<Detail>(
      await secretary.post('/api/records', recordOf('optional', campaignId, 1, '2026-03-20')),
    );
    expect(errorCode(await secretary.post(`/api/records/${optional.id}/sign-in-link`, {}))).toBe(
      'VALIDATION_FAILED',
    );
  });

  it('expires', async () => {
    t.clock.advance(31 * 60_000);
    const member = await t.login('dangyuan');
    const res = await member.post(`/api/sign-in/${token}`);
    expect(res.statusCode).toBe(410);
    expect(errorCode(res)).toBe('SIGN_IN_EXPIRED');
  });
});
