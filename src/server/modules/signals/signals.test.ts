import sharp from 'sharp';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { errorCode, json, type TestClient } from '../../test/test-client.js';
import { recordOf, startCampaign } from '../../test/fixtures.js';
import { meetingRoomPhoto } from '../../test/scene.js';
import type { IntegritySignal } from '../../../common/api/signals.js';
import { rowsOf } from '../../lib/backup-catalog.js';
import { passageMatches } from './signals.repo.js';

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

describe('counts for the committee', () => {
  it('gives open signals per record of the queue and per branch over the campaign, to reviewers only', async () => {
    const id = await study(2, '2026-04-18', await meetingRoomPhoto(0), copied + '复制。');
    const open = (await signalsOf(id)).filter((s) => s.status === 'open').length;
    expect(open).toBeGreaterThan(0);
    const counts = json<{ items: { recordId: number; open: number }[] }>(
      await committee.get(`/api/signals/counts?recordIds=${id},${original}`),
    );
    expect(counts.items.find((c) => c.recordId === id)?.open).toBe(open);
    expect(counts.items.some((c) => c.recordId === original)).toBe(false);
    expect(errorCode(await second.get(`/api/signals/counts?recordIds=${id}`))).toBe('FORBIDDEN');
    expect(errorCode(await committee.get('/api/signals/counts?recordIds=1;drop'))).toBe('VALIDATION_FAILED');

    const branch = json<{ open: number; verified: number; byKind: { kind: string; open: number }[] }>(
      await committee.get(`/api/branches/2/signal-counts?campaignId=${campaignId}`),
    );
    expect(branch.open).toBeGreaterThanOrEqual(open);
    expect(branch.verified).toBe(1);
    expect(branch.byKind.reduce((n, k) => n + k.open, 0)).toBe(branch.open);
    expect(errorCode(await second.get(`/api/branches/2/signal-counts?campaignId=${campaignId}`))).toBe(
      'FORBIDDEN',
    );
  });
});

describe('the passage lookup', () => {
  it('finds the copied paragraph through the stored passages and leaves the planner as it found it', async () => {
    const { db } = t.database;
    const settings = () =>
      rowsOf<{ seq: string; idx: string }>(
        db,
        sql`select current_setting('enable_seqscan') as seq, current_setting('enable_indexscan') as idx`,
      );
    const found = await db.transaction(async (tx) => {
      const matches = await passageMatches(tx, original, 0.6);
      const [inside] = await rowsOf<{ seq: string; idx: string }>(
        tx,
        sql`select current_setting('enable_seqscan') as seq, current_setting('enable_indexscan') as idx`,
      );
      expect(inside).toEqual({ seq: 'on', idx: 'on' });
      return matches;
    });
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((m) => m.similarity >= 0.6 && m.passage === minutes)).toBe(true);
    expect(await settings()).toEqual([{ seq: 'on', idx: 'on' }]);
  });
});

describe('存疑 and the return', () => {
  it('lists the signals marked 存疑 in the return reason, by kind and note, without the other branch', async () => {
    const id = await study(2, '2026-04-20', await meetingRoomPhoto(0), copied + '第三次。');
    const signals = await signalsOf(id);
    const photo = signals.find((s) => s.kind === 'same_photo')!;
    const marked = await committee.post(`/api/signals/${photo.id}/mark`, {
      status: 'doubtful',
      note: '现场照片与其他支部活动相同,请补充本次活动照片',
    });
    expect(marked.statusCode).toBe(200);
    const returned = await committee.post(`/api/records/${id}/review`, {
      decision: 'returned',
      comment: '请补充材料',
    });
    expect(returned.statusCode, returned.body).toBe(200);
    const detail = json<{ reviews: { decision: string; comment: string }[] }>(
      await second.get(`/api/records/${id}`),
    );
    const reason = detail.reviews.find((r) => r.decision === 'returned')!.comment;
    expect(reason).toBe('请补充材料\n核查存疑:\n· 照片雷同:现场照片与其他支部活动相同,请补充本次活动照片');
    expect(reason).not.toContain('机关第一党支部');
  });
});

describe('recomputing when what a signal compares changes', () => {
  it('closes the file signal when the other record’s file is withdrawn', async () => {
    const photo = await sharp(await meetingRoomPhoto(1))
      .flop()
      .jpeg({ quality: 70 })
      .toBuffer();
    const first1 = await study(1, '2026-05-06', photo, sameTopic + '五月。');
    const later = await study(2, '2026-05-08', photo, sameTopic + '五月再办。');
    const withFirst = async () =>
      (await signalsOf(later)).filter((s) => s.other?.id === first1).map((s) => s.kind);
    expect(await withFirst()).toContain('same_photo');
    // The earlier record goes back and its branch takes the photo off: the later one's signal closes.
    await committee.post(`/api/records/${first1}/review`, { decision: 'returned', comment: '请更换照片' });
    const detail = json<{ evidence: { id: number }[] }>(await first.get(`/api/records/${first1}`));
    const removed = await first.delete(`/api/records/${first1}/evidence/${detail.evidence[0]!.id}`);
    expect(removed.statusCode, removed.body).toBeLessThan(300);
    expect(await withFirst()).not.toContain('same_photo');
  });
});
