import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { errorCode, json, type TestClient } from '../../test/test-client.js';
import { recordOf, startCampaign } from '../../test/fixtures.js';
import { meetingRoomPhoto } from '../../test/scene.js';
import type { IntegritySignal } from '../../../common/api/signals.js';

let t: TestApp;
let committee: TestClient;
let first: TestClient;
let second: TestClient;
let campaignId: number;

const minutes =
  '会议传达学习了重要讲话精神,围绕优化营商环境,结合财务报销流程长、环节多的问题,支部党员逐一发言,提出精简审批环节、推行线上报销等五条具体措施,明确责任人和完成时限。';
// The same paragraph with a few words changed, as a copy handed in as new usually is.
const copied =
  '会议传达学习了重要讲话精神,围绕优化营商环境,结合合同办理流程长、环节多的问题,支部党员逐一发言,提出精简审批环节、推行线上签批等五条具体措施,明确责任人和完成时限。';
// Another meeting on the same topic, minuted in its own words.
const sameTopic =
  '支部书记领学讲话原文,大家围绕营商环境谈体会。采购部门党员提出供应商等待付款时间长,会议决定下月起每周集中办理一次付款,由支部委员跟踪落实。';

/** A study of `branchId` on `date`, typed that day, with the photo and minutes given, submitted. */
async function study(branchId: 1 | 2, date: string, photo: Buffer, text: string) {
  await at(new Date(`${date}T18:00:00+08:00`));
  const client = branchId === 1 ? first : second;
  const body = recordOf('study', campaignId, branchId, date);
  const created = json<{ id: number }>(
    await client.post('/api/records', { ...body, data: { ...body.data, minutes: text } }),
  );
  const upload = await client.upload(
    `/api/records/${created.id}/evidence`,
    { kind: 'photo' },
    '现场.jpg',
    photo,
  );
  expect(upload.statusCode).toBe(200);
  const { version } = json<{ version: number }>(await client.get(`/api/records/${created.id}`));
  const submitted = await client.post(`/api/records/${created.id}/submit`, { version });
  expect(submitted.statusCode, submitted.body).toBe(200);
  return created.id;
}

/** Moves the clock and logs in again: a session idles out over the days a test skips. */
async function at(date: Date) {
  t.clock.set(date);
  committee = await t.login('jiguan');
  first = await t.login('zhibu1');
  second = await t.login('zhibu2');
}

const signalsOf = async (id: number) =>
  json<{ items: IntegritySignal[] }>(await committee.get(`/api/records/${id}/signals`)).items;

let original: number;
beforeAll(async () => {
  t = await createTestApp();
  await at(new Date('2026-03-01T10:00:00+08:00'));
  campaignId = (await startCampaign(committee)).id;
  original = await study(1, '2026-03-10', await meetingRoomPhoto(0), minutes);
});
afterAll(async () => t.close());

describe('integrity signals on submit', () => {
  it('flags a resized, re-compressed and cropped copy of a photo and a copied paragraph, with the evidence', async () => {
    const photo = await meetingRoomPhoto(0);
    const copy = await sharp(photo)
      .extract({ left: 24, top: 18, width: 752, height: 564 })
      .resize(480)
      .jpeg({ quality: 50 })
      .toBuffer();
    const id = await study(2, '2026-04-14', copy, copied);
    const signals = await signalsOf(id);
    expect(signals.map((s) => s.kind).sort()).toEqual(['same_photo', 'similar_text']);
    const photoSignal = signals.find((s) => s.kind === 'same_photo')!;
    expect(photoSignal.other).toMatchObject({
      id: original,
      branchName: '机关第一党支部',
      periodKey: '2026-03',
    });
    expect(photoSignal.evidence).toMatchObject({ sameBytes: false });
    expect(photoSignal.evidence.distance as number).toBeLessThanOrEqual(10);
    const text = signals.find((s) => s.kind === 'similar_text')!;
    expect(text.other?.id).toBe(original);
    expect(text.evidence).toMatchObject({ passage: copied, otherPassage: minutes });
    expect(text.evidence.similarity as number).toBeGreaterThanOrEqual(0.6);
    expect(text.status).toBe('open');
  });

  it('leaves another photo of the same room and another meeting on the same topic alone', async () => {
    const id = await study(2, '2026-04-15', await meetingRoomPhoto(1), sameTopic);
    expect(await signalsOf(id)).toEqual([]);
  });

  it('flags a record typed long after its event, by the clock at entry', async () => {
    // Typed on 2026-04-20 for a meeting of 2026-03-12: 39 days later, over the 30 of the setting.
    const body = recordOf('study', campaignId, 1, '2026-03-12');
    await at(new Date('2026-04-20T09:00:00+08:00'));
    const created = json<{ id: number }>(
      await first.post('/api/records', { ...body, data: { ...body.data, minutes: sameTopic + '补记。' } }),
    );
    await first.upload(
      `/api/records/${created.id}/evidence`,
      { kind: 'photo' },
      '现场.jpg',
      await meetingRoomPhoto(1),
    );
    const { version } = json<{ version: number }>(await first.get(`/api/records/${created.id}`));
    expect((await first.post(`/api/records/${created.id}/submit`, { version })).statusCode).toBe(200);
    const signals = await signalsOf(created.id);
    const late = signals.find((s) => s.kind === 'late_entry');
    expect(late?.evidence).toMatchObject({ occurredOn: '2026-03-12', days: 39 });
  });

  it('is shown to reviewers only: a branch is refused, its own record included', async () => {
    expect(errorCode(await first.get(`/api/records/${original}/signals`))).toBe('FORBIDDEN');
    expect(errorCode(await second.get(`/api/records/${original}/signals`))).toBe('FORBIDDEN');
    expect(errorCode(await committee.get('/api/records/999999/signals'))).toBe('NOT_FOUND');
  });
});

describe('marking a signal', () => {
  it('needs a note to mark 已核实, is audited, and the mark survives a recomputation', async () => {
    const photo = await meetingRoomPhoto(0);
    const id = await study(2, '2026-04-16', photo, sameTopic + '再次组织。');
    const [signal] = (await signalsOf(id)).filter((s) => s.kind === 'same_photo');
    expect(signal?.evidence).toMatchObject({ sameBytes: true, distance: 0 });
    const noNote = await committee.post(`/api/signals/${signal!.id}/mark`, { status: 'verified' });
    expect(errorCode(noNote)).toBe('VALIDATION_FAILED');
    expect(errorCode(await second.post(`/api/signals/${signal!.id}/mark`, { status: 'doubtful' }))).toBe(
      'FORBIDDEN',
    );
    const marked = json<IntegritySignal>(
      await committee.post(`/api/signals/${signal!.id}/mark`, {
        status: 'verified',
        note: '两支部联合开展,共用现场照片',
      }),
    );
    expect(marked).toMatchObject({ status: 'verified', note: '两支部联合开展,共用现场照片' });
    expect(marked.markedByName).toBeTruthy();

    // Returned and handed in again: the same match keeps the reviewer's mark.
    const { version } = json<{ version: number }>(await committee.get(`/api/records/${id}`));
    await committee.post(`/api/records/${id}/review`, { decision: 'returned', comment: '请补充材料' });
    const again = json<{ version: number }>(await second.get(`/api/records/${id}`));
    expect(again.version).toBeGreaterThan(version);
    expect((await second.post(`/api/records/${id}/submit`, { version: again.version })).statusCode).toBe(200);
    const after = (await signalsOf(id)).find((s) => s.id === signal!.id);
    expect(after).toMatchObject({ status: 'verified', note: '两支部联合开展,共用现场照片' });

    const admin = await t.login('admin');
    const audit = json<{ items: { action: string; after: unknown }[] }>(
      await admin.get(`/api/audit?entityType=record&entityId=${id}&limit=100`),
    );
    expect(audit.items.find((a) => a.action === 'signal.mark')?.after).toMatchObject({ status: 'verified' });
  });
});
