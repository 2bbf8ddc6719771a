import sharp from 'sharp';
import type { TestClient } from './test-client.js';

/** A real JPEG photo (decodes, makes a thumbnail). */
export const jpeg = (): Promise<Buffer> =>
  sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 200, g: 30, b: 30 } } })
    .jpeg()
    .toBuffer();

/** A minimal but valid PDF. */
export const pdf = (): Buffer =>
  Buffer.from(
    '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  );

/** The article's year as a campaign for branches 1 and 2, started. */
export async function startCampaign(committee: TestClient, year = 2026, branchIds = [1, 2]) {
  const res = await committee.post('/api/campaigns', {
    name: `${year}年“五个一”对标活动`,
    year,
    watchwords: '学讲话、转作风、作表率',
    branchIds,
    actionKinds: [
      { kind: 'study', title: '组织一次学习研讨', required: true },
      { kind: 'theme_day', title: '开展一次“主题党日”活动', required: true },
      { kind: 'rule_revision', title: '修订一项制度或流程', required: true },
      { kind: 'grassroots_problem', title: '为基层解决一个困难或问题', required: true },
      { kind: 'publicity', title: '进行一次新闻宣传', required: true },
      { kind: 'optional', title: '自选动作', required: false, points: 2 },
    ],
  });
  if (res.statusCode !== 200) throw new Error(res.body);
  const campaign = res.json() as { id: number };
  const started = await committee.post(`/api/campaigns/${campaign.id}/start`);
  if (started.statusCode !== 200) throw new Error(started.body);
  return started.json() as { id: number; actionKinds: { id: number; kind: string }[] };
}

/**
 * The host and recorder of a meeting in a seeded branch: its secretary and organisation member
 * (the demo organisation has eleven people per branch, in order), both present by default.
 */
export const meetingOfficers = (branchId: number) => ({
  hostPersonId: 11 * (branchId - 1) + 1,
  recorderPersonId: 11 * (branchId - 1) + 2,
});

/** Valid draft bodies of each kind for a date; meetings are complete enough to submit. */
export function recordOf(kind: string, campaignId: number, branchId: number, date: string) {
  const base = { campaignId, branchId, kind, occurredOn: date };
  switch (kind) {
    case 'study':
      return {
        ...base,
        title: '学习习近平总书记重要讲话精神',
        data: {
          form: 'party_congress',
          mode: 'video',
          topic: '学习重要讲话和公司工作报告',
          materialKinds: ['speeches', 'company_documents'],
          materials: '重要讲话;公司2026年工作报告',
          minutes: '会议传达学习了重要讲话精神,大家结合本部门工作进行了交流研讨。',
          startTime: '14:30',
          endTime: '16:00',
          platform: '腾讯会议',
          meetingNo: '512 300 118',
          ...meetingOfficers(branchId),
          agenda: [
            {
              title: '传达学习重要讲话精神',
              speeches: [{ speaker: '支部书记', summary: '领学讲话原文,要求结合岗位抓落实。' }],
              decision: '各党小组本月内组织一次交流。',
            },
          ],
        },
      };
    case 'theme_day':
      return {
        ...base,
        title: '参观党建文化长廊',
        data: {
          theme: 'ideals',
          activity: 'visit',
          place: '公司党建文化长廊',
          summary: '全体党员参观党建文化长廊,重温入党誓词。',
          startTime: '09:00',
          endTime: '11:30',
          ...meetingOfficers(branchId),
        },
      };
    case 'rule_revision':
      return {
        ...base,
        title: '修订《公司纪委执纪办案工作实施办法》',
        data: {
          ruleTitle: '公司纪委执纪办案工作实施办法',
          ruleType: 'rule',
          departmentId: 13,
          gap: '原办法对线索处置时限规定不明确。',
          opinionsSolicited: '征求了各部门意见 12 条。',
          changeSummary: '明确线索处置时限和审批流程。',
          publishedOn: date,
          documentNo: '华远纪〔2026〕3号',
          releaseForm: '正式发文',
        },
      };
    case 'grassroots_problem':
      return {
        ...base,
        title: '为地热开发事业部解决防疫物资短缺',
        data: {
          unitId: 1,
          raisedBy: '事业部综合办',
          description: '复工复产急需口罩和消毒液。',
          category: '防疫复工',
          measures: [{ date, kind: 'sourcing_supplies', note: '联系供应商调配物资' }],
          resolvedOn: date,
          outcome: '物资已送达项目现场。',
        },
      };
    case 'publicity':
      return {
        ...base,
        title: '公司举办首届BIM技术大赛',
        data: {
          kind: 'news',
          author: '宣传委员',
          channels: [{ channel: 'website', publishedOn: date, link: 'https://example.com/news/1' }],
          highlights: '展示了数字化转型成果。',
        },
      };
    default:
      return {
        ...base,
        title: '党员先锋岗',
        data: { category: '创新', description: '设立党员先锋岗。', novelty: '首次' },
      };
  }
}

type Draft = { version: number; title: string; occurredOn: string; data: Record<string, unknown> };

/**
 * Takes a revision through the leader in charge (lingdao leads the departments the fixtures use)
 * and returns the record's version afterwards, ready to submit to the committee. The publication
 * facts are entered after the approval, as a branch that did not know them beforehand does; with
 * them entered first, the approval itself sends the revision on (see `throughLeaderComplete`).
 */
export async function throughLeader(
  login: (username: string) => Promise<TestClient>,
  secretary: TestClient,
  recordId: number,
): Promise<number> {
  const read = async () => (await secretary.get(`/api/records/${recordId}`)).json() as Draft;
  const save = async (r: Draft, data: Record<string, unknown>) => {
    const res = await secretary.put(`/api/records/${recordId}`, {
      title: r.title,
      occurredOn: r.occurredOn,
      data,
      version: r.version,
    });
    if (res.statusCode !== 200) throw new Error(res.body);
    return res.json() as Draft;
  };
  const original = await read();
  const unpublished = await save(original, { ...original.data, publishedOn: null, documentNo: '' });
  await throughLeaderComplete(login, secretary, recordId, unpublished.version);
  return (await save(await read(), original.data)).version;
}

/** Sends a revision to the leader in charge at `version`, and has the leader approve it. */
export async function throughLeaderComplete(
  login: (username: string) => Promise<TestClient>,
  secretary: TestClient,
  recordId: number,
  version: number,
): Promise<void> {
  const sent = await secretary.post(`/api/records/${recordId}/leader-submit`, { version });
  if (sent.statusCode !== 200) throw new Error(sent.body);
  const approved = await (
    await login('lingdao')
  ).post(`/api/records/${recordId}/leader-review`, { decision: 'approved' });
  if (approved.statusCode !== 200) throw new Error(approved.body);
}

/**
 * A branch's month handed in: the five required actions recorded on `date`, each with its photo
 * (the revision with its text, through the leader in charge), and submitted. Returns their ids.
 */
export async function submittedMonth(
  login: (username: string) => Promise<TestClient>,
  secretary: TestClient,
  campaignId: number,
  branchId: number,
  date: string,
): Promise<number[]> {
  const photo = await jpeg();
  const ids: number[] = [];
  for (const kind of ['study', 'theme_day', 'rule_revision', 'grassroots_problem', 'publicity']) {
    const created = await secretary.post('/api/records', recordOf(kind, campaignId, branchId, date));
    if (created.statusCode !== 200) throw new Error(created.body);
    const record = created.json() as { id: number; version: number };
    const revision = kind === 'rule_revision';
    const upload = await secretary.upload(
      `/api/records/${record.id}/evidence`,
      { kind: revision ? 'document' : 'photo' },
      revision ? '制度文本.pdf' : '现场照片.jpg',
      revision ? pdf() : photo,
    );
    if (upload.statusCode !== 200) throw new Error(upload.body);
    const version = await versionOf(secretary, record.id);
    // The revision was complete when it went to the leader: the approval submits it.
    if (revision) await throughLeaderComplete(login, secretary, record.id, version);
    else {
      const submitted = await secretary.post(`/api/records/${record.id}/submit`, { version });
      if (submitted.statusCode !== 200) throw new Error(submitted.body);
    }
    ids.push(record.id);
  }
  return ids;
}

const versionOf = async (client: TestClient, recordId: number) =>
  ((await client.get(`/api/records/${recordId}`)).json() as { version: number }).version;
