import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { errorCode, json, type TestClient } from '../../test/test-client.js';
import { recordOf, startCampaign } from '../../test/fixtures.js';

// The business effect of a revision: it states an indicator, each follow-up measures it, and the
// verdict (已见效 / 待改进) is computed from the value in the indicator's direction and kept.

type Followup = {
  id: number;
  dueOn: string;
  measuredValue: number | null;
  verdict: string | null;
  nextStep: string | null;
};
type Revision = {
  recordId: number;
  stage: string;
  verdict: string | null;
  indicator: unknown;
  followups: Followup[];
};

let t: TestApp;
let campaignId: number;
let secretary: TestClient;

const revision = async (id: number) => json<Revision>(await secretary.get(`/api/revisions/${id}`));
const note = (id: number, followupId: number, body: Record<string, unknown>) =>
  secretary.post(`/api/records/${id}/followups/${followupId}`, {
    note: '已按新流程办理',
    notedOn: '2026-06-18',
    ...body,
  });

/** A revision published on 3-19 and approved by the leader and the committee: its follow-ups open. */
async function published(indicator: Record<string, unknown>) {
  const body = recordOf('rule_revision', campaignId, 5, '2026-03-18');
  const res = await secretary.post('/api/records', {
    ...body,
    data: { ...body.data, publishedOn: '2026-03-19', ...indicator },
  });
  expect(res.statusCode, res.body).toBe(200);
  const created = json<{ id: number; version: number }>(res);
  const sent = await secretary.post(`/api/records/${created.id}/leader-submit`, { version: created.version });
  expect(sent.statusCode, sent.body).toBe(200);
  await (await t.login('lingdao')).post(`/api/records/${created.id}/leader-review`, { decision: 'approved' });
  const approved = await (
    await t.login('jiguan')
  ).post(`/api/records/${created.id}/review`, { decision: 'approved' });
  expect(approved.statusCode, approved.body).toBe(200);
  return created.id;
}

const fewerSteps = {
  indicatorName: '报销审批环节',
  indicatorUnit: '个',
  indicatorDirection: 'lower',
  indicatorBaseline: 7,
  indicatorTarget: 4,
  indicatorMeasureBy: '2026-12-31',
};
const moreOnline = {
  indicatorName: '线上办结率',
  indicatorUnit: '%',
  indicatorDirection: 'higher',
  indicatorBaseline: 60,
  indicatorTarget: 90,
  indicatorMeasureBy: '2026-09-30',
};

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set(new Date('2026-03-20T09:00:00+08:00'));
  campaignId = (await startCampaign(await t.login('jiguan'), 2026, [5])).id;
  secretary = await t.login('zhibu5');
});
afterAll(async () => t.close());

describe('a revision’s indicator and its measured effect', () => {
  let lower: number;
  let higher: number;
  let plain: number;

  it('states an indicator with a future day to measure by; a named indicator without figures cannot be submitted', async () => {
    const body = recordOf('rule_revision', campaignId, 5, '2026-03-18');
    const half = json<{
      id: number;
      version: number;
      checklist: { key: string; done: boolean; blocking: boolean }[];
    }>(
      await secretary.post('/api/records', {
        ...body,
        data: { ...body.data, indicatorName: '合同办理时长', indicatorUnit: '天' },
      }),
    );
    expect(half.checklist.find((c) => c.key === 'indicator')).toMatchObject({ done: false, blocking: true });
    const bad = await secretary.post('/api/records', {
      ...body,
      data: { ...body.data, indicatorTarget: -1 },
    });
    expect(errorCode(bad)).toBe('VALIDATION_FAILED');

    lower = await published(fewerSteps);
    higher = await published(moreOnline);
    plain = await published({});
    expect((await revision(lower)).indicator).toMatchObject({
      name: '报销审批环节',
      baseline: 7,
      target: 4,
      measureBy: '2026-12-31',
    });
    expect((await revision(plain)).indicator).toBeNull();
    t.clock.set(new Date('2026-06-20T09:00:00+08:00'));
    secretary = await t.login('zhibu5');
  });

  it('lower is better: 5 of a target 4 is 待改进 and needs the next step; 4 is 已见效', async () => {
    const [first, second] = (await revision(lower)).followups;
    expect(errorCode(await note(lower, first!.id, {}))).toBe('VALIDATION_FAILED');
    const noEvidence = await note(lower, first!.id, { measuredValue: 5 });
    expect(json<{ error: { message: string } }>(noEvidence).error.message).toContain('依据');
    const noStep = await note(lower, first!.id, { measuredValue: 5, evidence: '财务系统 5 月流程导出' });
    expect(json<{ error: { message: string } }>(noStep).error.message).toContain('下一步');
    expect((await revision(lower)).followups[0]!.verdict).toBeNull();

    const ok = await note(lower, first!.id, {
      measuredValue: 5,
      evidence: '财务系统 5 月流程导出',
      nextStep: '取消部门负责人重复签字',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    let rev = await revision(lower);
    expect(rev.followups[0]).toMatchObject({
      measuredValue: 5,
      verdict: 'not_met',
      nextStep: '取消部门负责人重复签字',
    });
    expect(rev.verdict).toBe('not_met');

    await note(lower, second!.id, {
      measuredValue: 4,
      evidence: '财务系统 6 月流程导出',
      notedOn: '2026-06-19',
    });
    rev = await revision(lower);
    expect(rev.followups[1]).toMatchObject({ measuredValue: 4, verdict: 'met', nextStep: null });
    expect(rev.verdict).toBe('met');
    expect(rev.stage).toBe('closed');
  });

  it('higher is better: 80 of a target 90 is 待改进, 95 is 已见效', async () => {
    const [first, second] = (await revision(higher)).followups;
    await note(higher, first!.id, {
      measuredValue: 80,
      evidence: '办事系统统计',
      nextStep: '开通移动端签批',
    });
    await note(higher, second!.id, { measuredValue: 95, evidence: '办事系统统计', notedOn: '2026-06-19' });
    const rev = await revision(higher);
    expect(rev.followups.map((f) => f.verdict)).toEqual(['not_met', 'met']);
  });

  it('a revision without an indicator keeps a note only, and refuses a measured value', async () => {
    const [first] = (await revision(plain)).followups;
    expect(errorCode(await note(plain, first!.id, { measuredValue: 3 }))).toBe('VALIDATION_FAILED');
    expect((await note(plain, first!.id, {})).statusCode).toBe(200);
    expect((await revision(plain)).verdict).toBeNull();
  });

  it('audits the measured value and verdict, and the revision ledger carries each measured follow-up', async () => {
    const audit = json<{ items: { action: string; after: Record<string, unknown> }[] }>(
      await (await t.login('admin')).get(`/api/audit?entityType=record&entityId=${lower}&limit=100`),
    ).items.filter((a) => a.action === 'revision.followup');
    expect(audit.map((a) => a.after.verdict).sort()).toEqual(['met', 'not_met']);

    const res = await (await t.login('jiguan')).get(`/api/ledgers/rule_revision?campaignId=${campaignId}`);
    expect(res.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const cells: string[] = [];
    book.worksheets[0]!.eachRow((row) => row.eachCell((c) => cells.push(String(c.value ?? ''))));
    const all = cells.join('\n');
    expect(all).toContain('报销审批环节 7 → 4 个');
    expect(all).toContain(
      '实测报销审批环节 5 个(依据:财务系统 5 月流程导出),待改进,下一步:取消部门负责人重复签字',
    );
    expect(all).toContain('实测报销审批环节 4 个(依据:财务系统 6 月流程导出),已见效');
    expect(all).toContain('实测线上办结率 95 %');
  });
});
