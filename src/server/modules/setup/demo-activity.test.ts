import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.js';
import ExcelJS from 'exceljs';
import { json, type TestClient } from '../../test/test-client.js';

let t: TestApp;
let committee: TestClient;
let campaignId: number;
beforeAll(async () => {
  t = await createTestApp({ demoActivity: true });
  committee = await t.login('jiguan');
  const campaigns = json<{ items: { id: number; year: number; status: string }[] }>(
    await committee.get('/api/campaigns'),
  );
  campaignId = campaigns.items.find((c) => c.year === 2020)!.id;
});
afterAll(async () => t.close());

type Task = { status: string; branchId: number; periodKey: string; kind: string };

describe('the demo year', () => {
  it('is the article’s campaign: five branches, March–December 2020, five required actions', async () => {
    const campaign = json<{ status: string; months: number[]; branchIds: number[]; watchwords: string }>(
      await committee.get(`/api/campaigns/${campaignId}`),
    );
    expect(campaign).toMatchObject({
      status: 'active',
      months: [3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
      watchwords: '学讲话、转作风、作表率',
    });
    expect(campaign.branchIds).toHaveLength(5);
    const tasks = json<{ items: Task[] }>(await committee.get(`/api/tasks?campaignId=${campaignId}`)).items;
    expect(tasks).toHaveLength(5 * 10 * 5);
  });

  it('has mostly completed months, with late, returned, missing and pending items for the dashboards', async () => {
    const tasks = json<{ items: Task[] }>(await committee.get(`/api/tasks?campaignId=${campaignId}`)).items;
    const by = (s: string) => tasks.filter((x) => x.status === s).length;
    expect(by('done')).toBeGreaterThan(tasks.length * 0.6);
    expect(by('done_late')).toBeGreaterThan(5);
    expect(by('overdue')).toBeGreaterThan(3);
    expect(by('submitted')).toBeGreaterThan(3);
    // Every counted status is one the product knows, and the numbers add up.
    expect(
      by('done') + by('done_late') + by('overdue') + by('submitted') + by('returned') + by('in_progress'),
    ).toBe(tasks.length);
    const queue = json<{ total: number }>(
      await committee.get(`/api/records?status=submitted&campaignId=${campaignId}`),
    );
    expect(queue.total).toBe(by('submitted'));
  });

  it('contains the article’s own examples', async () => {
    const all = json<{ items: { title: string }[] }>(
      await committee.get(`/api/records?campaignId=${campaignId}&limit=500`),
    ).items;
    const titles = all.map((r) => r.title).join('\n');
    for (const text of [
      '《公司纪委执纪办案工作实施办法》',
      '《公司党委巡察工作实施办法》',
      '《八佰》',
      '党建文化长廊',
      '《公司举办首届BIM技术大赛》',
      '第三卷',
    ]) {
      expect(titles).toContain(text);
    }
  });

  it('reads like a real office’s year: no problem, article or optional action titled twice', async () => {
    const all = json<{ items: { title: string; kind: string }[] }>(
      await committee.get(`/api/records?campaignId=${campaignId}&limit=500`),
    ).items;
    for (const kind of ['grassroots_problem', 'publicity', 'optional']) {
      const titles = all.filter((r) => r.kind === kind).map((r) => r.title);
      expect(titles.length, kind).toBeGreaterThan(10);
      expect(new Set(titles).size, kind).toBe(titles.length);
    }
    const problems = json<{ items: { title: string; satisfaction: number | null }[] }>(
      await committee.get('/api/problems'),
    ).items;
    expect(new Set(problems.map((p) => p.title)).size).toBe(problems.length);
    // Units rate honestly: some only 3 of 5.
    expect(problems.some((p) => p.satisfaction === 3)).toBe(true);
  });

  it('carries a few deliberate anomalies, which the signals show on December’s records awaiting review', async () => {
    const queue = json<{ items: { id: number; title: string }[] }>(
      await committee.get(`/api/records?status=submitted&campaignId=${campaignId}&limit=100`),
    ).items;
    const found = new Map<string, Record<string, unknown>>();
    for (const r of queue) {
      const signals = json<{ items: { kind: string; evidence: Record<string, unknown> }[] }>(
        await committee.get(`/api/records/${r.id}/signals`),
      ).items;
      for (const s of signals) if (!found.has(s.kind)) found.set(s.kind, s.evidence);
    }
    // The reused photo is a trimmed, re-compressed copy: near, not the same bytes.
    expect(found.get('same_photo')).toMatchObject({ sameBytes: false });
    expect(found.get('repeat_problem')?.description).toContain('再次反映');
    expect(found.get('repeat_publicity')?.link).toMatch(/^https:\/\/www\.example\.com\/news\//);
    expect(found.get('late_entry')?.days as number).toBeGreaterThan(30);
    const counts = json<{ items: { recordId: number; open: number }[] }>(
      await committee.get(`/api/signals/counts?recordIds=${queue.map((r) => r.id).join(',')}`),
    ).items;
    expect(counts.length).toBeGreaterThanOrEqual(4);
  });

  it('closes the loops of the article’s year: revisions tracked, problems confirmed, exemplary cases', async () => {
    const revisions = json<{
      items: {
        ruleTitle: string;
        stage: string;
        followups: { verdict: string | null; nextStep: string | null }[];
        indicator: { name: string } | null;
        verdict: string | null;
      }[];
    }>(await committee.get('/api/revisions'));
    const discipline = revisions.items.find((r) => r.ruleTitle === '公司纪委执纪办案工作实施办法')!;
    expect(discipline.stage).toBe('closed');
    expect(discipline.followups).toHaveLength(2);
    expect(revisions.items.some((r) => r.stage === 'tracking')).toBe(true);
    // Every revision states its indicator; the closed ones were measured, mostly to the target,
    // and each 待改进 says what comes next.
    expect(revisions.items.every((r) => r.indicator !== null)).toBe(true);
    const closed = revisions.items.filter((r) => r.stage === 'closed');
    expect(closed.every((r) => r.verdict !== null)).toBe(true);
    const met = closed.filter((r) => r.verdict === 'met').length;
    expect(met).toBeGreaterThan(closed.length / 2);
    expect(met).toBeLessThan(closed.length);
    const short = revisions.items.flatMap((r) => r.followups).filter((f) => f.verdict === 'not_met');
    expect(short.every((f) => f.nextStep)).toBe(true);

    // Some problems say what solving them changed for the unit, before and after.
    const ledger = await committee.get(`/api/ledgers/grassroots_problem?campaignId=${campaignId}`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(ledger.rawPayload as unknown as ArrayBuffer);
    const cells: string[] = [];
    book.worksheets[0]!.eachRow((row) => row.eachCell((c) => cells.push(String(c.value ?? ''))));
    expect(
      cells.filter((c) => /^(群众等待天数|每月投诉件数) \d+ → \d+ (天|件)$/.test(c)).length,
    ).toBeGreaterThan(5);

    const problems = json<{
      items: { state: string; satisfaction: number | null; reopenCount: number; recordId: number | null }[];
    }>(await committee.get('/api/problems')).items;
    expect(problems.length).toBeGreaterThan(40);
    expect(problems.every((p) => p.recordId !== null)).toBe(true);
    expect(problems.filter((p) => p.state === 'confirmed').every((p) => p.satisfaction! >= 3)).toBe(true);
    expect(problems.some((p) => p.reopenCount === 1)).toBe(true);
    expect(problems.some((p) => p.state === 'solved')).toBe(true);

    const cases = json<{ items: { tags: string[] }[] }>(await (await t.login('zhibu3')).get('/api/cases'));
    expect(cases.items.length).toBeGreaterThan(0);
    expect(cases.items.every((c) => c.tags.length === 1)).toBe(true);
  });

  it('gives dashboards whose figures agree with the tasks and records behind them', async () => {
    const tasks = json<{ items: Task[] }>(await committee.get(`/api/tasks?campaignId=${campaignId}`)).items;
    const matrix = json<{ cells: { done: number; doneLate: number; overdue: number; total: number }[] }>(
      await committee.get(`/api/dashboard/matrix?campaignId=${campaignId}`),
    );
    expect(matrix.cells).toHaveLength(50);
    const sum = (k: 'done' | 'doneLate' | 'overdue' | 'total') => matrix.cells.reduce((s, c) => s + c[k], 0);
    expect(sum('total')).toBe(tasks.length);
    expect(sum('done')).toBe(tasks.filter((x) => x.status === 'done').length);
    expect(sum('doneLate')).toBe(tasks.filter((x) => x.status === 'done_late').length);
    expect(sum('overdue')).toBe(tasks.filter((x) => x.status === 'overdue').length);

    const ranking = json<{ rows: { rank: number; cumulative: number }[] }>(
      await committee.get(`/api/dashboard/ranking?campaignId=${campaignId}`),
    );
    expect(ranking.rows).toHaveLength(5);
    expect(ranking.rows[0]!.rank).toBe(1);
    expect(ranking.rows.map((r) => r.cumulative)).toEqual(
      [...ranking.rows.map((r) => r.cumulative)].sort((a, b) => b - a),
    );

    const ind = json<{
      tasks: { completionRate: number };
      attendance: { rate: number; expected: number };
      problemSatisfaction: { average: number; reopened: number };
      revisionFollowups: { overdue: number; noted: number };
      exemplaryCases: number;
      highlights: unknown[];
    }>(await committee.get(`/api/dashboard/indicators?campaignId=${campaignId}`));
    // Every 2020 task is due by now, so completion is done (on time or late) over all tasks.
    const done = tasks.filter((x) => x.status === 'done' || x.status === 'done_late').length;
    expect(ind.tasks.completionRate).toBe(Math.round((done / tasks.length) * 10000) / 10000);
    expect(ind.attendance.rate).toBeGreaterThan(0.8);
    expect(ind.attendance.rate).toBeLessThan(1);
    expect(ind.problemSatisfaction.average).toBeGreaterThanOrEqual(3);
    expect(ind.problemSatisfaction.reopened).toBeGreaterThan(0);
    expect(ind.revisionFollowups.overdue).toBeGreaterThan(0);
    expect(ind.revisionFollowups.noted).toBeGreaterThan(ind.revisionFollowups.overdue);
    expect(ind.exemplaryCases).toBeGreaterThan(0);
    expect(ind.highlights.length).toBeGreaterThan(0);
  });

  it('has photos and sign-in sheets on its meetings, each a real picture of that meeting', async () => {
    type Evidence = { id: number; kind: string; mime: string; size: number };
    const meetings = json<{ items: { id: number; kind: string; status: string }[] }>(
      await committee.get(`/api/records?campaignId=${campaignId}&limit=500`),
    ).items.filter((r) => (r.kind === 'study' || r.kind === 'theme_day') && r.status !== 'draft');
    const evidence: Evidence[] = [];
    for (const m of meetings)
      evidence.push(...json<{ evidence: Evidence[] }>(await committee.get(`/api/records/${m.id}`)).evidence);
    const photos = evidence.filter((e) => e.kind === 'photo');
    const sheets = evidence.filter((e) => e.kind === 'sign_in_sheet');
    expect(photos.length).toBeGreaterThan(meetings.length / 3);
    expect(sheets.length).toBeGreaterThan(5);
    // Not every meeting has both: a real year has gaps the checklist points at.
    expect(photos.length + sheets.length).toBeLessThan(meetings.length);
    const hashes = new Set<string>();
    for (const e of [...photos.slice(0, 4), ...sheets.slice(0, 2)]) {
      const file = await committee.get(`/api/evidence/${e.id}/file`);
      expect(file.statusCode).toBe(200);
      expect(file.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
      expect(file.rawPayload.length).toBe(e.size);
      hashes.add(file.rawPayload.toString('base64'));
      expect((await committee.get(`/api/evidence/${e.id}/thumbnail`)).statusCode).toBe(200);
    }
    // Each meeting's picture is its own.
    expect(hashes.size).toBe(6);
  });

  it('records its meetings as a record book does: times, place, chair and minute-taker present, agenda, reasons', async () => {
    type Meeting = {
      id: number;
      kind: string;
      status: string;
      data: Record<string, unknown> & {
        agenda: { title: string; speeches: { speaker: string }[]; decision: string }[];
      };
      attendance: { personId: number; name: string; status: string; reason: string | null }[];
      checklist: { key: string; done: boolean; blocking: boolean }[];
    };
    const list = json<{ items: { id: number; kind: string; status: string }[] }>(
      await committee.get(`/api/records?campaignId=${campaignId}&limit=500`),
    ).items.filter((r) => (r.kind === 'study' || r.kind === 'theme_day') && r.status !== 'draft');
    const topics = new Set<string>();
    for (const { id } of list.filter((_, i) => i % 3 === 0)) {
      const m = json<Meeting>(await committee.get(`/api/records/${id}`));
      // Nothing an inspector asks for is missing on a meeting the branch submitted.
      expect(m.checklist.filter((c) => c.blocking && !c.done).map((c) => c.key)).toEqual([]);
      expect(m.data.startTime! < m.data.endTime!).toBe(true);
      expect(m.data.place || (m.data.platform && m.data.meetingNo)).toBeTruthy();
      const present = new Set(m.attendance.filter((a) => a.status === 'present').map((a) => a.personId));
      expect(present.has(m.data.hostPersonId as number)).toBe(true);
      expect(present.has(m.data.recorderPersonId as number)).toBe(true);
      for (const a of m.attendance.filter((x) => x.status !== 'present')) expect(a.reason).toBeTruthy();
      expect(m.data.agenda.length).toBeGreaterThan(0);
      // Whoever speaks was there.
      const names = new Set(m.attendance.filter((a) => a.status === 'present').map((a) => a.name));
      for (const item of m.data.agenda)
        for (const s of item.speeches) expect(names.has(s.speaker)).toBe(true);
      topics.add(m.data.agenda.map((a) => a.speeches.map((s) => s.speaker).join()).join('|'));
    }
    // The speakers differ from meeting to meeting.
    expect(topics.size).toBeGreaterThan(list.length / 3 - 3);
  });
});
