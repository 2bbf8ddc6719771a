import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './harness.js';
import { accessTable, callers, type Caller, type Fixture } from './access-table.js';
import type { TestClient } from './test-client.js';
import { jpeg, recordOf, startCampaign, throughLeader } from './fixtures.js';

const usernames: Record<Exclude<Caller, 'anonymous'>, string> = {
  admin: 'admin',
  committee: 'jiguan',
  company: 'gongsi',
  secretary: 'zhibu1',
  leader: 'lingdao',
  member: 'dangyuan',
  contact: 'jiceng',
};

let t: TestApp;
let fx: Fixture;
let pastTerms = 0;
/**
 * Sessions the fixtures make objects with, one per account for the whole file: they are never the
 * session of a row's caller, so no row ends them.
 */
const fixtureSessions = new Map<string, Promise<TestClient>>();
function signedIn(username: string): Promise<TestClient> {
  let session = fixtureSessions.get(username);
  if (!session) fixtureSessions.set(username, (session = t.login(username)));
  return session;
}
beforeAll(async () => {
  t = await createTestApp();
  const admin = await t.login('admin');
  const spare = await admin.post('/api/users', {
    username: 'spare',
    displayName: '备用',
    initialPassword: 'Spare@2026',
    grants: [{ role: 'committee' }],
  });
  // A group of two companies: branch 2 moves to a second one, whose records company 1's
  // committee (gongsi) must never reach.
  const second = (await admin.post('/api/org/companies', { name: '第二子公司' })).json() as { id: number };
  const moved = await admin.patch('/api/org/branches/2', { companyId: second.id });
  if (moved.statusCode !== 200) throw new Error(moved.body);
  const company = await admin.post('/api/users', {
    username: 'gongsi',
    displayName: '公司机关党委',
    initialPassword: 'Duibiao@2020',
    grants: [{ role: 'committee', companyId: 1 }],
  });
  if (company.statusCode !== 200) throw new Error(company.body);
  await t.database.db.execute(sql`update users set must_change_password = false where username = 'gongsi'`);
  const people = (await admin.get('/api/people?limit=100')).json() as {
    items: { id: number; branchId: number; username: string | null }[];
  };
  t.clock.set(new Date('2026-03-20T09:00:00+08:00'));
  const committee = await t.login('jiguan');
  const campaignId = (await startCampaign(committee)).id;
  const photo = await jpeg();
  const secretaries: Record<number, TestClient> = { 1: await t.login('zhibu1'), 2: await t.login('zhibu2') };
  const record = async (branchId: number, submitted = false) => {
    const sec = secretaries[branchId]!;
    const r = (
      await sec.post('/api/records', recordOf('study', campaignId, branchId, '2026-03-10'))
    ).json() as { id: number; version: number };
    if (!submitted) return r;
    const s = await sec.post(`/api/records/${r.id}/submit`, { version: r.version });
    if (s.statusCode !== 200) throw new Error(s.body);
    return s.json() as { id: number; version: number };
  };
  const evidence = async (branchId = 1) => {
    const r = await record(branchId);
    const up = await secretaries[branchId]!.upload(
      `/api/records/${r.id}/evidence`,
      { kind: 'photo' },
      '照片.jpg',
      photo,
    );
    return { recordId: r.id, evidenceId: (up.json() as { id: number }).id };
  };
  const tasks = (
    await committee.get(`/api/tasks?campaignId=${campaignId}&periodKey=2026-03&kind=study`)
  ).json() as {
    items: { id: number; branchId: number }[];
  };
  const own = await evidence();
  const other = await evidence(2);
  const issuedRes = await committee.post('/api/documents/issued', {
    campaignId,
    kind: 'bulletin',
    periodKey: '2026-03',
  });
  if (issuedRes.statusCode !== 200) throw new Error(issuedRes.body);
  fx = {
    spareUserId: (spare.json() as { id: number }).id,
    ownPersonId: people.items.find((p) => p.branchId === 1 && !p.username)!.id,
    otherPersonId: people.items.find((p) => p.branchId === 2 && !p.username)!.id,
    memberPersonId: people.items.find((p) => p.username === 'dangyuan')!.id,
    campaignId,
    otherCompanyId: second.id,
    ownTaskId: tasks.items.find((x) => x.branchId === 1)!.id,
    otherTaskId: tasks.items.find((x) => x.branchId === 2)!.id,
    ownRecordId: own.recordId,
    otherRecordId: (await record(2)).id,
    ownEvidenceId: own.evidenceId,
    otherEvidenceId: other.evidenceId,
    issuedDocumentId: (issuedRes.json() as { id: number }).id,
    photo,
    fresh: {
      record,
      evidence,
      problem: async (branchId, stage) => {
        const contact = await signedIn('jiceng');
        const p = (
          await contact.post('/api/problems', { unitId: 1, title: '问题', description: '描述' })
        ).json() as { id: number };
        if (branchId === null) return p.id;
        const sec = secretaries[branchId]!;
        await sec.post(`/api/problems/${p.id}/accept`, { branchId });
        if (!stage) return p.id;
        await sec.post(`/api/problems/${p.id}/measures`, {
          date: '2026-03-20',
          kind: 'training',
          note: '培训',
        });
        if (stage === 'solved')
          await sec.post(`/api/problems/${p.id}/solved`, { solvedOn: '2026-03-20', outcome: '已解决' });
        return p.id;
      },
      revision: async (stage, owner = { branchId: 1, departmentId: 13 }) => {
        const sec = secretaries[owner.branchId]!;
        const body = recordOf('rule_revision', campaignId, owner.branchId, '2026-03-10');
        const created = await sec.post('/api/records', {
          ...body,
          data: { ...body.data, departmentId: owner.departmentId },
        });
        if (created.statusCode !== 200) throw new Error(created.body);
        const r = created.json() as { id: number; version: number };
        if (stage === 'draft') return r;
        const sent = await sec.post(`/api/records/${r.id}/leader-submit`, { version: r.version });
        if (sent.statusCode !== 200) throw new Error(sent.body);
        return { id: r.id, version: r.version + 1 };
      },
      followup: async () => {
        const sec = secretaries[1]!;
        const r = (
          await sec.post('/api/records', recordOf('rule_revision', campaignId, 1, '2026-03-10'))
        ).json() as { id: number };
        const version = await throughLeader(signedIn, sec, r.id);
        await sec.post(`/api/records/${r.id}/submit`, { version });
        await committee.post(`/api/records/${r.id}/review`, { decision: 'approved' });
        const list = (await committee.get('/api/revisions')).json() as {
          items: { recordId: number; followups: { id: number }[] }[];
        };
        return { recordId: r.id, followupId: list.items.find((x) => x.recordId === r.id)!.followups[0]!.id };
      },
      postTerm: async (branchId) => {
        const personId = branchId === 1 ? fx.ownPersonId : fx.otherPersonId;
        const year = 1900 + ++pastTerms;
        const res = await committee.post(`/api/people/${personId}/posts`, {
          post: 'committee_member',
          startedOn: `${year}-01-01`,
          endedOn: `${year}-12-31`,
        });
        if (res.statusCode !== 200) throw new Error(res.body);
        const items = (res.json() as { items: { id: number; startedOn: string }[] }).items;
        return { personId, termId: items.find((x) => x.startedOn === `${year}-01-01`)!.id };
      },
      signInToken: async () => {
        const r = await record(1);
        const res = await secretaries[1]!.post(`/api/records/${r.id}/sign-in-link`, {});
        return (res.json() as { token: string }).token;
      },
      approved: async () => {
        const r = await record(1, true);
        const res = await committee.post(`/api/records/${r.id}/review`, { decision: 'approved' });
        if (res.statusCode !== 200) throw new Error(res.body);
        return r.id;
      },
      campaign: async (started) => {
        const c = await signedIn('jiguan');
        const res = await c.post('/api/campaigns', {
          name: `访问测试-${Math.random().toString(36).slice(2)}`,
          year: 2026,
          months: [12],
          branchIds: [3],
          actionKinds: [{ kind: 'study', title: '学习', required: true }],
        });
        const id = (res.json() as { id: number }).id;
        if (started) await c.post(`/api/campaigns/${id}/start`);
        return id;
      },
    },
  };
});
afterAll(async () => t.close());

/** The newest audit row's id: a request that changed something must move it. */
async function auditHead(): Promise<number> {
  const res = (await t.database.db.execute(
    sql`select coalesce(max(id), 0)::int as id from audit_log`,
  )) as unknown as {
    rows: { id: number }[];
  };
  return res.rows[0]!.id;
}

/**
 * Each caller's session, kept from row to row: signing in for every row was a third of this file's
 * time. A row that ends it (logout) or answers 401 drops it, and the next row signs in afresh; a
 * session that ended unexpectedly shows as a 401 its row does not expect.
 */
const sessions = new Map<Caller, Promise<TestClient>>();
function clientFor(who: Caller): Promise<TestClient> {
  if (who === 'anonymous') return t.anonymous();
  let session = sessions.get(who);
  if (!session) sessions.set(who, (session = t.login(usernames[who])));
  return session;
}

/**
 * Mutating routes that write no audit row, each for a reason: marking one's own notifications read
 * changes nothing anyone else sees and would bury the log under clicks; 提交本月 writes one row per
 * record it submits (records/submit-month.test.ts), none for a month without drafts, as here.
 */
const notAudited = new Set<string>([
  'POST /api/notifications/:id/read',
  'POST /api/notifications/read-all',
  'POST /api/records/submit-month',
]);
/** Routes whose refusals are themselves recorded (failed logins). */
const auditsRefusals = new Set<string>([]);

describe('role × endpoint table', () => {
  it('has a row for every API route', () => {
    const covered = new Set(accessTable.map((r) => r.route));
    const missing = t.app.apiRoutes.filter((r) => !covered.has(r));
    expect(missing).toEqual([]);
    // …and no row for a route that no longer exists.
    expect([...covered].filter((r) => !t.app.apiRoutes.includes(r))).toEqual([]);
  });

  for (const row of accessTable) {
    it(`${row.route} — ${row.name}`, async () => {
      const [method] = row.route.split(' ');
      const outcomes: Record<string, number> = {};
      for (const who of callers) {
        const client = await clientFor(who);
        const { url, body, upload } = await row.request(who, fx);
        const auditBefore = await auditHead();
        const res = upload
          ? await client.upload(url, upload.fields, upload.name, upload.content)
          : await client.request(
              method as 'GET',
              url,
              method === 'GET' || method === 'DELETE' ? undefined : (body ?? {}),
            );
        outcomes[who] = res.statusCode;
        if (res.statusCode === 401 || row.route === 'POST /api/auth/logout') sessions.delete(who);
        if (method !== 'GET' && !notAudited.has(row.route)) {
          // Every change writes its audit row (in its transaction); a refused one writes none.
          const audited = (await auditHead()) > auditBefore;
          expect(audited, `${who}: ${row.route} answered ${res.statusCode}`).toBe(
            res.statusCode < 300 || auditsRefusals.has(row.route),
          );
        }
        // Every refusal carries a stable code and a Chinese message.
        if (res.statusCode >= 400) {
          const err = (res.json() as { error: { code: string; message: string } }).error;
          expect(err.code, `${who}: ${res.body}`).toMatch(/^[A-Z_]+$/);
          expect(err.message).toMatch(/[\u4e00-\u9fa5]/);
        }
      }
      expect(outcomes).toEqual(row.expect);
      // Each row asks as every role; a document row renders a book per caller under CI load.
    }, 120_000);
  }
});
