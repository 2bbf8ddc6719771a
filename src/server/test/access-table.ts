import { importFile } from './xlsx-fixtures.js';

/**
 * The role × endpoint table: for every API route, what each kind of caller gets. The test in
 * access.test.ts runs every row for every caller and fails when a route has no row. Grow it with
 * every new endpoint.
 *
 * Callers (demo organisation): admin; committee = jiguan (the group's committee); company = gongsi,
 * the committee of company 1 only, after branch 2 has moved to a second company; secretary =
 * zhibu1 (branch 1); leader = lingdao; member = dangyuan (branch 1, person 6); contact = jiceng.
 * Objects of branch 1 are "own", of branch 2 "other": out-of-scope objects answer 404 — for the
 * company's committee, branch 2 is another company's (the cross-company probe).
 */
export const callers = [
  'anonymous',
  'admin',
  'committee',
  'company',
  'secretary',
  'leader',
  'member',
  'contact',
] as const;
export type Caller = (typeof callers)[number];

export interface Fixture {
  /** An account nobody logs in with, safe to reset or unlock. */
  spareUserId: number;
  ownPersonId: number;
  otherPersonId: number;
  memberPersonId: number;
  campaignId: number;
  /** The second company, which holds branch 2: outside the company committee's scope. */
  otherCompanyId: number;
  ownTaskId: number;
  otherTaskId: number;
  /** A draft study of branch 1 and one of branch 2, with a photo each. */
  ownRecordId: number;
  otherRecordId: number;
  ownEvidenceId: number;
  /** A photo of a branch-2 draft study: out of branch 1's scope. */
  otherEvidenceId: number;
  /** A bulletin of the campaign, issued by the committee. */
  issuedDocumentId: number;
  /** Makes fresh objects for rows that change state, so each caller starts from the same point. */
  fresh: {
    record(branchId: number, submitted?: boolean): Promise<{ id: number; version: number }>;
    evidence(branchId?: number): Promise<{ recordId: number; evidenceId: number }>;
    campaign(started: boolean): Promise<number>;
    /** An approved record of branch 1. */
    approved(): Promise<number>;
    /** A past branch post (one year, before any other) of the own or other person. */
    postTerm(branchId: 1 | 2): Promise<{ personId: number; termId: number }>;
    /** A live QR sign-in token of a fresh branch-1 meeting. */
    signInToken(): Promise<string>;
    /**
     * A revision at the given stage: by default of branch 1 and owned by a department the demo
     * leader leads; `owner` picks another branch or owning department.
     */
    revision(
      stage: 'draft' | 'with_leader',
      owner?: { branchId: number; departmentId: number },
    ): Promise<{ id: number; version: number }>;
    /** A problem of unit 1: raised (branch null) or taken on by a branch, and how far it got. */
    problem(branchId: number | null, stage?: 'measured' | 'solved'): Promise<number>;
    /** An open follow-up of an approved, published revision of branch 1. */
    followup(): Promise<{ recordId: number; followupId: number }>;
  };
  photo: Buffer;
}

export interface Upload {
  fields: Record<string, string>;
  name: string;
  content: Buffer;
}

export interface AccessRow {
  route: string;
  name: string;
  request: (
    who: Caller,
    fx: Fixture,
  ) =>
    | { url: string; body?: unknown; upload?: Upload }
    | Promise<{ url: string; body?: unknown; upload?: Upload }>;
  expect: Record<Caller, number>;
}

/**
 * A company's committee gets what the group's committee gets unless a row says otherwise: rows on
 * another company's objects, and the group's own business, name it.
 */
const all = (status: number, overrides: Partial<Record<Caller, number>> = {}): Record<Caller, number> => ({
  anonymous: 401,
  admin: status,
  committee: status,
  company: overrides.committee ?? status,
  secretary: status,
  leader: status,
  member: status,
  contact: status,
  ...overrides,
});
/** Administrators only; everyone else signed in is refused. */
let unknownLogins = 0;
const adminOnly = all(403, { admin: 200 });
/** The committees' views (and the administrator's): the group's, and a company's for its own. */
const adminOrCommittee = all(403, { admin: 200, committee: 200 });
/** The group's own business (its campaigns, documents, log and settings): not a company's. */
const groupCommittee = { ...adminOrCommittee, company: 403 };
const staff = all(403, { admin: 200, committee: 200, secretary: 200 });
/** Readers of a branch's own records: the committee and the branch (secretary and members). */
const branchReaders = all(404, { admin: 200, committee: 200, secretary: 200, member: 200 });
const secretaryOnly = all(403, { secretary: 200 });
const campaignBody = (who: Caller) => ({
  name: uniq(who, '活动'),
  year: 2027,
  months: [12],
  branchIds: [3],
  actionKinds: [{ kind: 'study', title: '组织一次学习研讨', required: true }],
});
const studyBody = (fx: Fixture, branchId: number) => ({
  campaignId: fx.campaignId,
  branchId,
  kind: 'study',
  title: '学习研讨',
  occurredOn: '2026-03-10',
  data: { form: 'party_lecture', mode: 'in_person', topic: '党课', minutes: '要点' },
});

/** A year of its own for each past term a row adds, so no two overlap. */
let termYears = 1950;
const pastTerm = () => {
  const year = ++termYears;
  return { post: 'committee_member', startedOn: `${year}-01-01`, endedOn: `${year}-12-31` };
};
const uniq = (who: Caller, what: string) => `${what}-${who}-${Math.random().toString(36).slice(2, 8)}`;
const personBody = (who: Caller, branchId: number) => ({
  name: '测试人员',
  employeeNo: uniq(who, 'T'),
  branchId,
  memberStatus: 'full',
});

export const accessTable: AccessRow[] = [
  {
    route: 'GET /api/health',
    name: 'health',
    request: () => ({ url: '/api/health' }),
    expect: all(200, { anonymous: 200 }),
  },
  {
    route: 'GET /api/auth/me',
    name: 'me',
    request: () => ({ url: '/api/auth/me' }),
    expect: all(200, { anonymous: 200 }),
  },
  {
    route: 'POST /api/auth/login',
    name: 'login with a wrong password',
    // A fresh unknown name per call: one name failing for every role would reach the lock-out.
    request: () => ({
      url: '/api/auth/login',
      body: { username: `nobody${++unknownLogins}`, password: 'x' },
    }),
    expect: all(401, { anonymous: 401 }),
  },
  {
    route: 'POST /api/auth/logout',
    name: 'logout',
    request: () => ({ url: '/api/auth/logout' }),
    expect: all(200),
  },
  {
    // Without DingTalk or WeCom configured (as here) the in-app sign-in answers 404 for everyone,
    // and WeCom's round trip redirects to the explanation page; the flows are in
    // modules/sso/work-app.test.ts against a stand-in of both services.
    route: 'POST /api/auth/dingtalk/login',
    name: 'sign in from inside DingTalk',
    request: () => ({ url: '/api/auth/dingtalk/login', body: { code: 'x' } }),
    expect: all(404, { anonymous: 404 }),
  },
  {
    route: 'GET /api/auth/wecom/start',
    name: 'start the sign-in from inside WeCom',
    request: () => ({ url: '/api/auth/wecom/start?returnTo=%2F%2Fevil.example' }),
    expect: all(302, { anonymous: 302 }),
  },
  {
    route: 'GET /api/auth/wecom/callback',
    name: 'WeCom sign-in callback with no flow',
    request: () => ({ url: '/api/auth/wecom/callback?code=x&state=y' }),
    expect: all(302, { anonymous: 302 }),
  },
  {
    // Without a directory configured (as here) the directory form answers 404 for everyone; the
    // sign-in itself is in modules/sso/ldap.test.ts against a real OpenLDAP server.
    route: 'POST /api/auth/ldap/login',
    name: 'sign in with the company directory',
    request: () => ({ url: '/api/auth/ldap/login', body: { username: 'zhibu1', password: 'x' } }),
    expect: all(404, { anonymous: 404 }),
  },
  {
    // Without OIDC configured (as here) both answer a redirect to the explanation page; the
    // flows themselves are in modules/sso/sso.test.ts against a real provider.
    route: 'GET /api/auth/oidc/start',
    name: 'start the company sign-in',
    request: () => ({ url: '/api/auth/oidc/start?returnTo=%2F%2Fevil.example' }),
    expect: all(302, { anonymous: 302 }),
  },
  {
    route: 'GET /api/auth/oidc/callback',
    name: 'company sign-in callback with no flow',
    request: () => ({ url: '/api/auth/oidc/callback?code=x&state=y' }),
    expect: all(302, { anonymous: 302 }),
  },
  {
    route: 'POST /api/auth/password',
    name: 'change password with a wrong current one',
    request: () => ({
      url: '/api/auth/password',
      body: { currentPassword: 'wrong', newPassword: 'Another#2026' },
    }),
    expect: all(400),
  },
  {
    route: 'POST /api/setup',
    name: 'setup again',
    request: () => ({
      url: '/api/setup',
      body: {
        organisationName: '接管',
        adminUsername: 'takeover',
        adminDisplayName: '接管者',
        adminPassword: 'Takeover#2026',
      },
    }),
    expect: all(409, { anonymous: 409 }),
  },
  {
    route: 'GET /api/org/structure',
    name: 'structure',
    request: () => ({ url: '/api/org/structure' }),
    expect: all(200),
  },
  {
    route: 'PATCH /api/org/organisation',
    name: 'rename organisation',
    request: () => ({ url: '/api/org/organisation', body: { committeeName: '机关党委' } }),
    expect: adminOnly,
  },
  {
    route: 'POST /api/org/companies',
    name: 'create company',
    request: (who) => ({ url: '/api/org/companies', body: { name: uniq(who, '公司') } }),
    expect: adminOnly,
  },
  {
    route: 'PATCH /api/org/companies/:id',
    name: 'edit company',
    request: () => ({ url: '/api/org/companies/1', body: { sortOrder: 0 } }),
    expect: adminOnly,
  },
  {
    route: 'POST /api/org/branches',
    name: 'create branch',
    // Names its company: another row may have made the installation a group of several.
    request: (who) => ({ url: '/api/org/branches', body: { name: uniq(who, '支部'), companyId: 1 } }),
    expect: adminOnly,
  },
  {
    route: 'PATCH /api/org/branches/:id',
    name: 'edit branch',
    request: () => ({ url: '/api/org/branches/1', body: { sortOrder: 1 } }),
    expect: adminOnly,
  },
  {
    route: 'POST /api/org/party-groups',
    name: 'create party group',
    request: (who) => ({ url: '/api/org/party-groups', body: { branchId: 1, name: uniq(who, '党小组') } }),
    expect: adminOnly,
  },
  {
    route: 'PATCH /api/org/party-groups/:id',
    name: 'edit party group',
    request: () => ({ url: '/api/org/party-groups/1', body: { active: true } }),
    expect: adminOnly,
  },
  {
    route: 'POST /api/org/departments',
    name: 'create department',
    request: (who) => ({
      url: '/api/org/departments',
      body: { name: uniq(who, '部门'), kind: 'department', branchId: 1 },
    }),
    expect: adminOnly,
  },
  {
    route: 'PATCH /api/org/departments/:id',
    name: 'edit department',
    request: () => ({ url: '/api/org/departments/1', body: { active: true } }),
    expect: adminOnly,
  },
  {
    route: 'POST /api/org/units',
    name: 'create grassroots unit',
    request: (who) => ({ url: '/api/org/units', body: { name: uniq(who, '项目部'), kind: 'project' } }),
    expect: adminOnly,
  },
  {
    route: 'PATCH /api/org/units/:id',
    name: 'edit grassroots unit',
    request: () => ({ url: '/api/org/units/1', body: { active: true } }),
    expect: adminOnly,
  },
  { route: 'GET /api/people', name: 'roster', request: () => ({ url: '/api/people' }), expect: staff },
  {
    route: 'GET /api/people',
    name: 'roster of another branch',
    request: () => ({ url: '/api/people?branchId=2' }),
    expect: { ...staff, secretary: 404, company: 404 },
  },
  {
    route: 'GET /api/people/:id',
    name: 'person of own branch',
    request: (_w, fx) => ({ url: `/api/people/${fx.ownPersonId}` }),
    expect: all(404, { admin: 200, committee: 200, secretary: 200 }),
  },
  {
    route: 'GET /api/people/:id',
    name: 'person of another branch',
    request: (_w, fx) => ({ url: `/api/people/${fx.otherPersonId}` }),
    expect: all(404, { admin: 200, committee: 200, company: 404 }),
  },
  {
    route: 'GET /api/people/:id',
    name: 'own person entry',
    request: (_w, fx) => ({ url: `/api/people/${fx.memberPersonId}` }),
    expect: all(404, { admin: 200, committee: 200, secretary: 200, member: 200 }),
  },
  {
    route: 'POST /api/people',
    name: 'add person to own branch',
    request: (who) => ({ url: '/api/people', body: personBody(who, 1) }),
    expect: staff,
  },
  {
    route: 'POST /api/people',
    name: 'add person to another branch',
    request: (who) => ({ url: '/api/people', body: personBody(who, 2) }),
    expect: groupCommittee,
  },
  {
    route: 'PATCH /api/people/:id',
    name: 'edit person of own branch',
    request: (_w, fx) => ({ url: `/api/people/${fx.ownPersonId}`, body: { phone: '010-12345678' } }),
    expect: all(404, { admin: 200, committee: 200, secretary: 200 }),
  },
  {
    route: 'PATCH /api/people/:id',
    name: 'edit person of another branch',
    request: (_w, fx) => ({ url: `/api/people/${fx.otherPersonId}`, body: { phone: '010-12345678' } }),
    expect: all(404, { admin: 200, committee: 200, company: 404 }),
  },
  {
    route: 'GET /api/people/:id/posts',
    name: 'post history of a person of own branch',
    request: (_w, fx) => ({ url: `/api/people/${fx.ownPersonId}/posts` }),
    expect: all(404, { admin: 200, committee: 200, secretary: 200 }),
  },
  {
    route: 'GET /api/people/:id/posts',
    name: 'post history of a person of another branch',
    request: (_w, fx) => ({ url: `/api/people/${fx.otherPersonId}/posts` }),
    expect: all(404, { admin: 200, committee: 200, company: 404 }),
  },
  {
    route: 'POST /api/people/:id/posts',
    name: 'add a past post, own branch',
    request: (_w, fx) => ({ url: `/api/people/${fx.ownPersonId}/posts`, body: pastTerm() }),
    expect: all(404, { admin: 200, committee: 200, secretary: 200 }),
  },
  {
    route: 'POST /api/people/:id/posts',
    name: 'add a past post, another branch',
    request: (_w, fx) => ({ url: `/api/people/${fx.otherPersonId}/posts`, body: pastTerm() }),
    expect: all(404, { admin: 200, committee: 200, company: 404 }),
  },
  {
    route: 'PATCH /api/people/:id/posts/:termId',
    name: 'correct a post, own branch',
    request: async (_w, fx) => {
      const { personId, termId } = await fx.fresh.postTerm(1);
      return { url: `/api/people/${personId}/posts/${termId}`, body: { post: 'publicity' } };
    },
    expect: all(404, { admin: 200, committee: 200, secretary: 200 }),
  },
  {
    route: 'PATCH /api/people/:id/posts/:termId',
    name: 'correct a post, another branch',
    request: async (_w, fx) => {
      const { personId, termId } = await fx.fresh.postTerm(2);
      return { url: `/api/people/${personId}/posts/${termId}`, body: { post: 'publicity' } };
    },
    expect: all(404, { admin: 200, committee: 200, company: 404 }),
  },
  {
    route: 'DELETE /api/people/:id/posts/:termId',
    name: 'remove a mistaken post, own branch',
    request: async (_w, fx) => {
      const { personId, termId } = await fx.fresh.postTerm(1);
      return { url: `/api/people/${personId}/posts/${termId}` };
    },
    expect: all(404, { admin: 200, committee: 200, secretary: 200 }),
  },
  {
    route: 'DELETE /api/people/:id/posts/:termId',
    name: 'remove a mistaken post, another branch',
    request: async (_w, fx) => {
      const { personId, termId } = await fx.fresh.postTerm(2);
      return { url: `/api/people/${personId}/posts/${termId}` };
    },
    expect: all(404, { admin: 200, committee: 200, company: 404 }),
  },
  { route: 'GET /api/users', name: 'accounts', request: () => ({ url: '/api/users' }), expect: adminOnly },
  {
    route: 'POST /api/users',
    name: 'create account',
    request: (who) => ({
      url: '/api/users',
      body: {
        username: uniq(who, 'u')
          .replace(/[^A-Za-z0-9-]/g, '')
          .slice(0, 30),
        displayName: '新账号',
        initialPassword: 'Init@12345',
        grants: [{ role: 'member', branchId: 1 }],
      },
    }),
    expect: adminOnly,
  },
  {
    route: 'PATCH /api/users/:id',
    name: 'edit account',
    request: (_w, fx) => ({ url: `/api/users/${fx.spareUserId}`, body: { displayName: '备用账号' } }),
    expect: adminOnly,
  },
  {
    route: 'POST /api/users/:id/reset-password',
    name: 'reset password',
    request: (_w, fx) => ({
      url: `/api/users/${fx.spareUserId}/reset-password`,
      body: { newPassword: 'Reset@2026' },
    }),
    expect: adminOnly,
  },
  {
    route: 'POST /api/users/:id/unlock',
    name: 'unlock account',
    request: (_w, fx) => ({ url: `/api/users/${fx.spareUserId}/unlock` }),
    expect: adminOnly,
  },
  {
    route: 'GET /api/audit',
    name: 'audit log',
    request: () => ({ url: '/api/audit' }),
    expect: groupCommittee,
  },
  {
    route: 'GET /api/campaigns',
    name: 'campaigns',
    request: () => ({ url: '/api/campaigns' }),
    expect: all(200),
  },
  {
    route: 'GET /api/campaigns/:id',
    name: 'campaign',
    request: (_w, fx) => ({ url: `/api/campaigns/${fx.campaignId}` }),
    expect: all(200),
  },
  {
    route: 'POST /api/campaigns',
    name: "create a campaign of branch 3 (the company committee's own company)",
    request: (who) => ({ url: '/api/campaigns', body: campaignBody(who) }),
    expect: adminOrCommittee,
  },
  {
    route: 'POST /api/campaigns',
    name: 'create a campaign of branch 2 (another company)',
    request: (who) => ({ url: '/api/campaigns', body: { ...campaignBody(who), branchIds: [2] } }),
    expect: groupCommittee,
  },
  {
    route: 'PATCH /api/campaigns/:id',
    name: 'edit the campaign of branches 1 and 2 (two companies: the group’s)',
    request: (_w, fx) => ({
      url: `/api/campaigns/${fx.campaignId}`,
      body: { watchwords: '学讲话、转作风、作表率' },
    }),
    expect: groupCommittee,
  },
  {
    route: 'PATCH /api/campaigns/:id',
    name: "edit a campaign of branch 3 (the company committee's own)",
    request: async (_w, fx) => ({
      url: `/api/campaigns/${await fx.fresh.campaign(false)}`,
      body: { watchwords: '学讲话、转作风、作表率' },
    }),
    expect: adminOrCommittee,
  },
  {
    route: 'POST /api/campaigns/:id/copy',
    name: 'copy campaign (a company committee’s copy keeps its own branches)',
    request: (who, fx) => ({
      url: `/api/campaigns/${fx.campaignId}/copy`,
      body: { name: uniq(who, '复制'), year: 2027 },
    }),
    expect: adminOrCommittee,
  },
  {
    route: 'POST /api/campaigns/:id/start',
    name: 'start a campaign of branch 3',
    request: async (_w, fx) => ({ url: `/api/campaigns/${await fx.fresh.campaign(false)}/start` }),
    expect: adminOrCommittee,
  },
  {
    route: 'POST /api/campaigns/:id/close',
    name: 'close a campaign of branch 3',
    request: async (_w, fx) => ({ url: `/api/campaigns/${await fx.fresh.campaign(true)}/close` }),
    expect: adminOrCommittee,
  },
  {
    route: 'GET /api/tasks',
    name: 'tasks',
    request: (_w, fx) => ({ url: `/api/tasks?campaignId=${fx.campaignId}` }),
    expect: all(403, { admin: 200, committee: 200, secretary: 200, member: 200 }),
  },
  {
    route: 'GET /api/tasks',
    name: 'tasks of another branch',
    request: (_w, fx) => ({ url: `/api/tasks?campaignId=${fx.campaignId}&branchId=2` }),
    expect: all(403, { admin: 200, committee: 200, secretary: 404, member: 404, company: 404 }),
  },
  {
    route: 'GET /api/tasks/:id',
    name: 'task of own branch',
    request: (_w, fx) => ({ url: `/api/tasks/${fx.ownTaskId}` }),
    expect: branchReaders,
  },
  {
    route: 'GET /api/tasks/:id',
    name: 'task of another branch',
    request: (_w, fx) => ({ url: `/api/tasks/${fx.otherTaskId}` }),
    expect: all(404, { admin: 200, committee: 200, company: 404 }),
  },
  {
    route: 'POST /api/tasks/:id/extend',
    name: "extend due date of branch 2 (another company's)",
    request: (_w, fx) => ({
      url: `/api/tasks/${fx.otherTaskId}/extend`,
      body: { dueDate: '2026-04-20', reason: '统一安排' },
    }),
    expect: all(403, { committee: 200, company: 404 }),
  },
  {
    route: 'POST /api/tasks/:id/extend',
    name: 'extend due date of branch 1 (the company committee’s own)',
    request: (_w, fx) => ({
      url: `/api/tasks/${fx.ownTaskId}/extend`,
      body: { dueDate: '2026-04-20', reason: '统一安排' },
    }),
    expect: all(403, { committee: 200, company: 200 }),
  },
  {
    route: 'GET /api/records',
    name: 'records (scoped list)',
    request: () => ({ url: '/api/records' }),
    expect: all(200),
  },
  {
    route: 'GET /api/records/template',
    name: 'start from last month (own branch)',
    request: () => ({ url: '/api/records/template?branchId=1&kind=study' }),
    expect: all(404, { secretary: 200 }),
  },
  {
    route: 'GET /api/records/expected',
    name: 'who a meeting expects (own branch)',
    request: () => ({
      url: '/api/records/expected?branchId=1&kind=study&occurredOn=2026-03-10&form=branch_committee',
    }),
    expect: all(404, { secretary: 200 }),
  },
  {
    route: 'GET /api/records/expected',
    name: 'who a meeting expects (another branch)',
    request: () => ({ url: '/api/records/expected?branchId=2&kind=study&occurredOn=2026-03-10' }),
    expect: all(404),
  },
  {
    route: 'GET /api/records/:id',
    name: 'record of own branch',
    request: (_w, fx) => ({ url: `/api/records/${fx.ownRecordId}` }),
    expect: branchReaders,
  },
  {
    route: 'GET /api/records/:id',
    name: 'record of another branch',
    request: (_w, fx) => ({ url: `/api/records/${fx.otherRecordId}` }),
    expect: all(404, { admin: 200, committee: 200, company: 404 }),
  },
  {
    route: 'GET /api/records/:id/history',
    name: 'record history',
    request: (_w, fx) => ({ url: `/api/records/${fx.ownRecordId}/history` }),
    expect: branchReaders,
  },
  {
    route: 'POST /api/records',
    name: 'record for own branch',
    request: (_w, fx) => ({ url: '/api/records', body: studyBody(fx, 1) }),
    expect: secretaryOnly,
  },
  {
    route: 'POST /api/records',
    name: 'record for another branch',
    request: (_w, fx) => ({ url: '/api/records', body: studyBody(fx, 2) }),
    expect: all(403),
  },
  {
    route: 'PUT /api/records/:id',
    name: 'save own record',
    request: async (_w, fx) => {
      const r = await fx.fresh.record(1);
      const { campaignId: _c, branchId: _b, kind: _k, ...body } = studyBody(fx, 1);
      return { url: `/api/records/${r.id}`, body: { ...body, version: r.version } };
    },
    expect: all(404, { admin: 403, committee: 403, secretary: 200, member: 403 }),
  },
  {
    route: 'PUT /api/records/:id',
    name: 'save record of another branch',
    request: async (_w, fx) => {
      const r = await fx.fresh.record(2);
      const { campaignId: _c, branchId: _b, kind: _k, ...body } = studyBody(fx, 2);
      return { url: `/api/records/${r.id}`, body: { ...body, version: r.version } };
    },
    expect: all(404, { admin: 403, committee: 403, company: 404 }),
  },
  {
    route: 'POST /api/records/:id/submit',
    name: 'submit own record',
    request: async (_w, fx) => {
      const r = await fx.fresh.record(1);
      return { url: `/api/records/${r.id}/submit`, body: { version: r.version } };
    },
    expect: all(404, { admin: 403, committee: 403, secretary: 200, member: 403 }),
  },
  {
    route: 'POST /api/records/submit-month',
    name: 'submit own branch’s month (a month without drafts: nothing changes)',
    request: (_w, fx) => ({
      url: '/api/records/submit-month',
      body: { campaignId: fx.campaignId, branchId: 1, periodKey: '2026-05' },
    }),
    expect: all(404, { admin: 403, committee: 403, secretary: 200, member: 403 }),
  },
  {
    route: 'POST /api/records/submit-month',
    name: 'submit another branch’s month',
    request: (_w, fx) => ({
      url: '/api/records/submit-month',
      body: { campaignId: fx.campaignId, branchId: 2, periodKey: '2026-05' },
    }),
    expect: all(404, { admin: 403, committee: 403, company: 404 }),
  },
  {
    route: 'POST /api/records/:id/review',
    name: 'review a submitted record',
    request: async (_w, fx) => {
      const r = await fx.fresh.record(1, true);
      return {
        url: `/api/records/${r.id}/review`,
        body: { decision: 'returned', comment: '请补充会议记录' },
      };
    },
    expect: all(403, { committee: 200 }),
  },
  {
    route: 'GET /api/records/review-groups',
    name: 'review queue by branch-month',
    request: () => ({ url: '/api/records/review-groups' }),
    expect: all(403, { committee: 200 }),
  },
  {
    route: 'GET /api/records/:id/signals',
    name: 'integrity signals of own branch’s record',
    request: (_w, fx) => ({ url: `/api/records/${fx.ownRecordId}/signals` }),
    expect: all(403, { committee: 200 }),
  },
  {
    route: 'GET /api/records/:id/signals',
    name: 'integrity signals of another branch’s record',
    request: (_w, fx) => ({ url: `/api/records/${fx.otherRecordId}/signals` }),
    expect: all(403, { committee: 200, company: 404 }),
  },
  {
    route: 'POST /api/signals/:id/mark',
    name: 'mark an integrity signal (none with this id: the reviewer learns so)',
    request: () => ({ url: '/api/signals/999999/mark', body: { status: 'doubtful' } }),
    expect: all(403, { committee: 404 }),
  },
  {
    route: 'GET /api/signals/counts',
    name: 'open integrity signals of records (own and other branch’s)',
    request: (_w, fx) => ({ url: `/api/signals/counts?recordIds=${fx.ownRecordId},${fx.otherRecordId}` }),
    expect: all(403, { committee: 200 }),
  },
  {
    route: 'GET /api/branches/:id/signal-counts',
    name: 'own branch’s integrity signal counts',
    request: (_w, fx) => ({ url: `/api/branches/1/signal-counts?campaignId=${fx.campaignId}` }),
    expect: all(403, { committee: 200 }),
  },
  {
    route: 'GET /api/branches/:id/signal-counts',
    name: 'another branch’s integrity signal counts',
    request: (_w, fx) => ({ url: `/api/branches/2/signal-counts?campaignId=${fx.campaignId}` }),
    expect: all(403, { committee: 200, company: 404 }),
  },
  {
    route: 'GET /api/records/branch-month',
    name: 'own branch’s month for review',
    request: () => ({ url: '/api/records/branch-month?branchId=1&periodKey=2026-03' }),
    expect: branchReaders,
  },
  {
    route: 'GET /api/records/branch-month',
    name: 'another branch’s month for review',
    request: () => ({ url: '/api/records/branch-month?branchId=2&periodKey=2026-03' }),
    expect: all(404, { admin: 200, committee: 200, company: 404 }),
  },
  {
    route: 'POST /api/records/approve-many',
    name: 'approve a branch-month at once',
    request: async (_w, fx) => {
      const r = await fx.fresh.record(1, true);
      return { url: '/api/records/approve-many', body: { items: [{ id: r.id, version: r.version }] } };
    },
    expect: all(403, { committee: 200 }),
  },
  {
    route: 'POST /api/records/:id/evidence',
    name: 'upload evidence to own record',
    request: async (_w, fx) => {
      const r = await fx.fresh.record(1);
      return {
        url: `/api/records/${r.id}/evidence`,
        upload: { fields: { kind: 'photo' }, name: '照片.jpg', content: fx.photo },
      };
    },
    expect: all(404, { admin: 403, committee: 403, secretary: 200, member: 403 }),
  },
  {
    route: 'DELETE /api/records/:id/evidence/:evidenceId',
    name: 'withdraw evidence',
    request: async (_w, fx) => {
      const e = await fx.fresh.evidence();
      return { url: `/api/records/${e.recordId}/evidence/${e.evidenceId}` };
    },
    expect: all(404, { admin: 403, committee: 403, secretary: 200, member: 403 }),
  },
  {
    route: 'GET /api/evidence/:id/file',
    name: 'download evidence',
    request: (_w, fx) => ({ url: `/api/evidence/${fx.ownEvidenceId}/file` }),
    expect: branchReaders,
  },
  {
    route: 'GET /api/evidence/:id/thumbnail',
    name: 'evidence thumbnail',
    request: (_w, fx) => ({ url: `/api/evidence/${fx.ownEvidenceId}/thumbnail` }),
    expect: branchReaders,
  },
  {
    route: 'GET /api/evidence/:id/file',
    name: 'download another branch’s evidence',
    request: (_w, fx) => ({ url: `/api/evidence/${fx.otherEvidenceId}/file` }),
    expect: all(404, { admin: 200, committee: 200, company: 404 }),
  },
  {
    route: 'GET /api/evidence/:id/thumbnail',
    name: 'another branch’s evidence thumbnail',
    request: (_w, fx) => ({ url: `/api/evidence/${fx.otherEvidenceId}/thumbnail` }),
    expect: all(404, { admin: 200, committee: 200, company: 404 }),
  },
  {
    route: 'GET /api/workbench',
    name: 'workbench of own branch',
    request: () => ({ url: '/api/workbench' }),
    expect: all(403, { admin: 200, committee: 200, secretary: 200, member: 200 }),
  },
  {
    route: 'GET /api/workbench',
    name: 'workbench of another branch',
    request: () => ({ url: '/api/workbench?branchId=2' }),
    expect: all(403, { admin: 200, committee: 200, secretary: 404, member: 404, company: 404 }),
  },
  {
    route: 'POST /api/records/:id/grade',
    name: 'grade an approved record',
    request: async (_w, fx) => ({
      url: `/api/records/${await fx.fresh.approved()}/grade`,
      body: { quality: 'good', highlight: true },
    }),
    expect: all(403, { committee: 200 }),
  },
  {
    route: 'GET /api/dashboard/matrix',
    name: 'completion matrix',
    request: (_w, fx) => ({ url: `/api/dashboard/matrix?campaignId=${fx.campaignId}` }),
    expect: all(403, { admin: 200, committee: 200, secretary: 200, member: 200 }),
  },
  {
    route: 'GET /api/dashboard/matrix',
    name: 'matrix narrowed to the other company',
    request: (_w, fx) => ({
      url: `/api/dashboard/matrix?campaignId=${fx.campaignId}&companyId=${fx.otherCompanyId}`,
    }),
    expect: all(403, { admin: 200, committee: 200, secretary: 404, member: 404, company: 404 }),
  },
  {
    route: 'GET /api/dashboard/cell',
    name: 'cell of own branch',
    request: (_w, fx) => ({
      url: `/api/dashboard/cell?campaignId=${fx.campaignId}&branchId=1&periodKey=2026-03`,
    }),
    expect: all(403, { admin: 200, committee: 200, secretary: 200, member: 200 }),
  },
  {
    route: 'GET /api/dashboard/matrix',
    name: 'matrix narrowed to the other company',
    request: (_w, fx) => ({
      url: `/api/dashboard/matrix?campaignId=${fx.campaignId}&companyId=${fx.otherCompanyId}`,
    }),
    expect: all(403, { admin: 200, committee: 200, secretary: 404, member: 404, company: 404 }),
  },
  {
    route: 'GET /api/dashboard/cell',
    name: 'cell of another branch',
    request: (_w, fx) => ({
      url: `/api/dashboard/cell?campaignId=${fx.campaignId}&branchId=2&periodKey=2026-03`,
    }),
    expect: all(403, { admin: 200, committee: 200, secretary: 404, member: 404, company: 404 }),
  },
  {
    route: 'GET /api/dashboard/ranking',
    name: 'ranking',
    request: (_w, fx) => ({ url: `/api/dashboard/ranking?campaignId=${fx.campaignId}` }),
    expect: all(403, { admin: 200, committee: 200, secretary: 200, member: 200 }),
  },
  {
    route: 'GET /api/dashboard/ranking',
    name: 'ranking narrowed to the other company',
    request: (_w, fx) => ({
      url: `/api/dashboard/ranking?campaignId=${fx.campaignId}&companyId=${fx.otherCompanyId}`,
    }),
    expect: all(403, { admin: 200, committee: 200, secretary: 404, member: 404, company: 404 }),
  },
  {
    route: 'GET /api/dashboard/indicators',
    name: 'indicators narrowed to the other company',
    request: (_w, fx) => ({
      url: `/api/dashboard/indicators?campaignId=${fx.campaignId}&companyId=${fx.otherCompanyId}`,
    }),
    expect: all(403, { admin: 200, committee: 200, secretary: 404, member: 404, company: 404 }),
  },
  {
    route: 'GET /api/dashboard/companies',
    name: 'companies compared',
    request: (_w, fx) => ({ url: `/api/dashboard/companies?campaignId=${fx.campaignId}` }),
    expect: adminOrCommittee,
  },
  {
    route: 'GET /api/dashboard/indicators',
    name: 'indicators of another branch',
    request: (_w, fx) => ({ url: `/api/dashboard/indicators?campaignId=${fx.campaignId}&branchId=2` }),
    expect: all(403, { admin: 200, committee: 200, secretary: 404, member: 404, company: 404 }),
  },
  {
    route: 'GET /api/dashboard/branches/:id',
    name: 'profile of own branch',
    request: (_w, fx) => ({ url: `/api/dashboard/branches/1?campaignId=${fx.campaignId}` }),
    expect: all(403, { admin: 200, committee: 200, secretary: 200, member: 200 }),
  },
  {
    route: 'GET /api/dashboard/branches/:id',
    name: 'profile of another branch',
    request: (_w, fx) => ({ url: `/api/dashboard/branches/2?campaignId=${fx.campaignId}` }),
    expect: all(403, { admin: 200, committee: 200, secretary: 404, member: 404, company: 404 }),
  },
  {
    route: 'GET /api/fusion',
    name: '融合成效 of the branches the caller may see',
    request: (_w, fx) => ({ url: `/api/fusion?campaignId=${fx.campaignId}` }),
    expect: all(403, { admin: 200, committee: 200, secretary: 200, member: 200 }),
  },
  {
    route: 'GET /api/fusion',
    name: '融合成效 of another branch',
    request: (_w, fx) => ({ url: `/api/fusion?campaignId=${fx.campaignId}&branchId=2` }),
    expect: all(403, { admin: 200, committee: 200, secretary: 404, member: 404, company: 404 }),
  },
  {
    route: 'GET /api/fusion/records/:id/review-context',
    name: 'a record’s effect and its branch’s history, for the reviewer',
    request: (_w, fx) => ({ url: `/api/fusion/records/${fx.otherRecordId}/review-context` }),
    expect: { ...adminOrCommittee, company: 404 },
  },
  {
    route: 'GET /api/dashboard/due',
    name: 'due and overdue',
    request: (_w, fx) => ({ url: `/api/dashboard/due?campaignId=${fx.campaignId}` }),
    expect: all(403, { admin: 200, committee: 200, secretary: 200, member: 200 }),
  },
  {
    route: 'POST /api/records/:id/sign-in-link',
    name: 'QR sign-in code for own meeting',
    request: (_w, fx) => ({ url: `/api/records/${fx.ownRecordId}/sign-in-link`, body: {} }),
    expect: all(404, { secretary: 200 }),
  },
  {
    route: 'GET /api/sign-in/:token',
    name: 'open a sign-in code',
    request: async (_w, fx) => ({ url: `/api/sign-in/${await fx.fresh.signInToken()}` }),
    expect: all(200),
  },
  {
    route: 'POST /api/sign-in/:token',
    name: 'sign in by QR code',
    request: async (_w, fx) => ({ url: `/api/sign-in/${await fx.fresh.signInToken()}` }),
    // Only people on the branch's expected list: the secretary, the member, and the committee
    // account, whose person is also a member of branch 1.
    expect: all(403, { secretary: 200, member: 200, committee: 200, company: 403 }),
  },
  {
    route: 'GET /api/revisions',
    name: 'revisions register',
    request: () => ({ url: '/api/revisions' }),
    expect: all(200),
  },
  {
    route: 'GET /api/revisions/:id',
    name: 'one revision of branch 1, of a department the leader leads',
    request: async (_w, fx) => ({ url: `/api/revisions/${(await fx.fresh.revision('draft')).id}` }),
    expect: all(200, { contact: 404 }),
  },
  {
    route: 'GET /api/revisions/:id',
    name: 'revision of branch 2, of a department the leader leads',
    request: async (_w, fx) => ({
      url: `/api/revisions/${(await fx.fresh.revision('draft', { branchId: 2, departmentId: 13 })).id}`,
    }),
    expect: all(404, { admin: 200, committee: 200, leader: 200, company: 404 }),
  },
  {
    route: 'GET /api/revisions/:id',
    name: 'revision of branch 2, of a department outside the leader’s',
    request: async (_w, fx) => ({
      url: `/api/revisions/${(await fx.fresh.revision('draft', { branchId: 2, departmentId: 4 })).id}`,
    }),
    expect: all(404, { admin: 200, committee: 200, company: 404 }),
  },
  {
    route: 'POST /api/records/:id/leader-submit',
    name: 'send a revision to the leader',
    request: async (_w, fx) => {
      const r = await fx.fresh.revision('draft');
      return { url: `/api/records/${r.id}/leader-submit`, body: { version: r.version } };
    },
    expect: all(403, { secretary: 200, contact: 404 }),
  },
  {
    route: 'POST /api/records/:id/leader-review',
    name: 'leader reviews a revision',
    request: async (_w, fx) => {
      const r = await fx.fresh.revision('with_leader');
      return { url: `/api/records/${r.id}/leader-review`, body: { decision: 'approved' } };
    },
    expect: all(403, { leader: 200, contact: 404 }),
  },
  ...(['approved', 'returned'] as const).map((decision): AccessRow => ({
    route: 'POST /api/records/:id/leader-review',
    name: `leader ${decision === 'approved' ? 'approves' : 'returns'} a revision of a department outside theirs`,
    request: async (_w, fx) => {
      // Branch 1's revision, owned by a department of branch 2 that another leader leads.
      const r = await fx.fresh.revision('with_leader', { branchId: 1, departmentId: 4 });
      return { url: `/api/records/${r.id}/leader-review`, body: { decision, comment: '请补充征求意见情况' } };
    },
    // The demo leader cannot even see it; those who can see it may not decide.
    expect: all(403, { leader: 404, contact: 404 }),
  })),
  {
    route: 'POST /api/records/:id/followups/:followupId',
    name: 'note a follow-up of a published revision',
    request: async (_w, fx) => {
      const f = await fx.fresh.followup();
      return {
        url: `/api/records/${f.recordId}/followups/${f.followupId}`,
        body: { note: '执行良好', notedOn: '2026-03-20' },
      };
    },
    expect: all(403, { secretary: 200, contact: 404 }),
  },
  {
    route: 'GET /api/problems',
    name: 'problems register',
    request: () => ({ url: '/api/problems' }),
    expect: all(200, { leader: 403 }),
  },
  {
    route: 'GET /api/problems/:id',
    name: 'problem of unit 1 taken on by branch 2',
    request: async (_w, fx) => ({ url: `/api/problems/${await fx.fresh.problem(2)}` }),
    expect: all(404, { admin: 200, committee: 200, contact: 200, company: 404 }),
  },
  {
    route: 'POST /api/problems',
    name: 'raise a problem for unit 1',
    request: () => ({ url: '/api/problems', body: { unitId: 1, title: '问题', description: '描述' } }),
    expect: all(403, { contact: 200 }),
  },
  {
    route: 'POST /api/problems/:id/accept',
    name: 'branch 1 takes on a raised problem',
    request: async (_w, fx) => ({
      url: `/api/problems/${await fx.fresh.problem(null)}/accept`,
      body: { branchId: 1 },
    }),
    expect: all(403, { secretary: 200, leader: 404, member: 404, contact: 403, company: 404 }),
  },
  {
    route: 'POST /api/problems/:id/measures',
    name: 'log a measure on branch 1’s problem',
    request: async (_w, fx) => ({
      url: `/api/problems/${await fx.fresh.problem(1)}/measures`,
      body: { date: '2026-03-20', kind: 'one_to_one', note: '一对一指导' },
    }),
    expect: all(403, { secretary: 200, leader: 404 }),
  },
  {
    route: 'POST /api/problems/:id/solved',
    name: 'mark branch 1’s problem solved',
    request: async (_w, fx) => ({
      url: `/api/problems/${await fx.fresh.problem(1, 'measured')}/solved`,
      body: { solvedOn: '2026-03-20', outcome: '已解决' },
    }),
    expect: all(403, { secretary: 200, leader: 404 }),
  },
  {
    route: 'POST /api/problems/:id/confirm',
    name: 'the unit confirms',
    request: async (_w, fx) => ({
      url: `/api/problems/${await fx.fresh.problem(1, 'solved')}/confirm`,
      body: { result: 'solved', satisfaction: 5 },
    }),
    expect: all(403, { contact: 200, leader: 404 }),
  },
  {
    route: 'POST /api/problems/:id/confirm-on-behalf',
    name: 'committee confirms on behalf (too early here)',
    request: async (_w, fx) => ({
      url: `/api/problems/${await fx.fresh.problem(1, 'solved')}/confirm-on-behalf`,
      body: { result: 'solved', reason: '联系人出差' },
    }),
    expect: all(403, { committee: 409, leader: 404 }),
  },
  {
    route: 'POST /api/problems/:id/recheck',
    name: 'recheck of a problem not yet confirmed (the unit and the branch may, later)',
    request: async (_w, fx) => ({
      url: `/api/problems/${await fx.fresh.problem(1, 'solved')}/recheck`,
      body: { months: 3, cameBack: false },
    }),
    expect: all(403, { contact: 409, secretary: 409, leader: 404 }),
  },
  {
    route: 'GET /api/settings/publicity-channels',
    name: 'publicity channels',
    request: () => ({ url: '/api/settings/publicity-channels' }),
    expect: all(200),
  },
  {
    route: 'PUT /api/settings/publicity-channels',
    name: 'configure publicity channels',
    request: () => ({
      url: '/api/settings/publicity-channels',
      body: {
        channels: [
          { code: 'website', label: '公司网站' },
          { code: 'wechat', label: '微信公众号' },
          { code: 'newsletter', label: '党建简报《领航》' },
          { code: 'outside_media', label: '外部媒体' },
        ],
      },
    }),
    expect: groupCommittee,
  },
  {
    route: 'GET /api/cases',
    name: 'exemplary cases',
    request: () => ({ url: '/api/cases' }),
    expect: all(403, { admin: 200, committee: 200, secretary: 200, member: 200 }),
  },
  {
    route: 'POST /api/records/:id/exemplary',
    name: 'mark an exemplary case (not an optional action here)',
    request: async (_w, fx) => ({
      url: `/api/records/${await fx.fresh.approved()}/exemplary`,
      body: { exemplary: true },
    }),
    expect: all(403, { committee: 400 }),
  },
  { route: 'GET /api/inbox', name: 'inbox', request: () => ({ url: '/api/inbox' }), expect: all(200) },
  // Documents (issue #6): meeting records follow the record, bulletins the dashboard, the summary is the committee's.
  {
    route: 'GET /api/documents/capabilities',
    name: 'document export capabilities',
    request: () => ({ url: '/api/documents/capabilities' }),
    expect: all(200),
  },
  {
    route: 'GET /api/documents/records/:id/meeting-record',
    name: 'meeting record of own branch’s study',
    request: (_w, fx) => ({ url: `/api/documents/records/${fx.ownRecordId}/meeting-record` }),
    expect: all(404, { admin: 200, committee: 200, secretary: 200, member: 200 }),
  },
  {
    route: 'GET /api/documents/records/:id/meeting-record',
    name: 'meeting record of another branch’s study',
    request: (_w, fx) => ({ url: `/api/documents/records/${fx.otherRecordId}/meeting-record` }),
    expect: all(404, { admin: 200, committee: 200, company: 404 }),
  },
  {
    route: 'GET /api/documents/meeting-book',
    name: 'meeting record book of own branch (a submitted study in it)',
    request: async (_w, fx) => {
      await fx.fresh.record(1, true);
      return {
        url: `/api/documents/meeting-book?campaignId=${fx.campaignId}&branchId=1&includeUnapproved=true`,
      };
    },
    expect: all(404, { admin: 200, committee: 200, secretary: 200, member: 200 }),
  },
  {
    route: 'GET /api/documents/meeting-book',
    name: 'meeting record book of another branch',
    request: async (_w, fx) => {
      await fx.fresh.record(2, true);
      return {
        url: `/api/documents/meeting-book?campaignId=${fx.campaignId}&branchId=2&includeUnapproved=true`,
      };
    },
    expect: all(404, { admin: 200, committee: 200, company: 404 }),
  },
  {
    route: 'GET /api/documents/bulletin',
    name: 'monthly bulletin (a branch gets its own copy)',
    request: (_w, fx) => ({ url: `/api/documents/bulletin?campaignId=${fx.campaignId}&periodKey=2026-03` }),
    expect: all(403, { admin: 200, committee: 200, secretary: 200, member: 200 }),
  },
  {
    route: 'GET /api/documents/summary',
    name: 'annual summary draft',
    request: (_w, fx) => ({ url: `/api/documents/summary?campaignId=${fx.campaignId}` }),
    expect: groupCommittee,
  },
  {
    route: 'PUT /api/documents/summary',
    name: 'save the annual summary’s prose',
    request: async (_w, fx) => ({
      url: '/api/documents/summary',
      body: {
        campaignId: await fx.fresh.campaign(true),
        version: 0,
        title: '年度总结',
        parts: { intro: '引言' },
      },
    }),
    expect: groupCommittee,
  },
  {
    route: 'GET /api/documents/summary/file',
    name: 'annual summary as Word',
    request: (_w, fx) => ({ url: `/api/documents/summary/file?campaignId=${fx.campaignId}` }),
    expect: groupCommittee,
  },
  // Issued documents (issue #14): the committee issues; the committee and the administrator read.
  {
    route: 'GET /api/documents/issued',
    name: 'issued documents of a campaign',
    request: (_w, fx) => ({ url: `/api/documents/issued?campaignId=${fx.campaignId}` }),
    expect: groupCommittee,
  },
  {
    route: 'POST /api/documents/issued',
    name: 'issue a bulletin',
    request: (_w, fx) => ({
      url: '/api/documents/issued',
      body: { campaignId: fx.campaignId, kind: 'bulletin', periodKey: '2026-03' },
    }),
    expect: all(403, { committee: 200, company: 403 }),
  },
  {
    route: 'GET /api/documents/issued/:id/file',
    name: 'download an issued bulletin',
    request: (_w, fx) => ({ url: `/api/documents/issued/${fx.issuedDocumentId}/file` }),
    expect: groupCommittee,
  },
  {
    route: 'GET /api/ledgers/:kind',
    name: 'export the study ledger',
    request: (_w, fx) => ({ url: `/api/ledgers/study?campaignId=${fx.campaignId}` }),
    expect: staff,
  },
  {
    route: 'GET /api/ledgers/:kind',
    name: 'export the task ledger of another branch',
    request: (_w, fx) => ({ url: `/api/ledgers/tasks?campaignId=${fx.campaignId}&branchId=2` }),
    expect: all(403, { admin: 200, committee: 200, secretary: 404, company: 404 }),
  },
  {
    route: 'GET /api/people/import-template',
    name: 'member import template',
    request: () => ({ url: '/api/people/import-template' }),
    expect: staff,
  },
  {
    route: 'POST /api/people/import',
    name: 'import a member into branch 1',
    request: async (who) => ({
      url: '/api/people/import',
      upload: {
        fields: {},
        name: '党员.xlsx',
        content: await importFile([
          [uniq(who, 'IMP'), '导入人员', '女', '机关第一党支部', '', '', '正式党员'],
        ]),
      },
    }),
    expect: staff,
  },
  {
    route: 'POST /api/people/import',
    name: 'import a member into another branch (refused row by row, nothing imported)',
    request: async (who) => ({
      url: '/api/people/import',
      upload: {
        fields: {},
        name: '党员.xlsx',
        content: await importFile([
          [uniq(who, 'IMQ'), '导入人员', '男', '机关第二党支部', '', '', '正式党员'],
        ]),
      },
    }),
    expect: all(403, { admin: 200, committee: 200, secretary: 400, company: 400 }),
  },
  {
    route: 'GET /api/publicity',
    name: 'publicity register',
    request: () => ({ url: '/api/publicity?month=2026-03' }),
    expect: all(403, { admin: 200, committee: 200, secretary: 200, member: 200 }),
  },
  ...notificationRows(),
];

/** The notification centre (own notifications only), channel settings and the delivery log. */
function notificationRows(): AccessRow[] {
  const configurers = groupCommittee;
  const ladder = {
    enabled: true,
    beforeDays: [5, 1],
    onDueDate: true,
    escalateAfterDays: 3,
    followups: true,
    reviewWaitDays: 3,
    confirmWaitDays: 7,
  };
  const row = (route: string, name: string, url: string, expect: Record<Caller, number>, body?: unknown) => ({
    route,
    name,
    request: (_who: Caller, fx: Fixture) => ({ url: url.replace(':campaign', String(fx.campaignId)), body }),
    expect,
  });
  return [
    row('GET /api/notifications', 'my notifications', '/api/notifications', all(200)),
    row('GET /api/notifications/unread-count', 'unread count', '/api/notifications/unread-count', all(200)),
    row(
      'POST /api/notifications/:id/read',
      "read another's or no notification",
      '/api/notifications/999999/read',
      all(404),
    ),
    row('POST /api/notifications/read-all', 'read all', '/api/notifications/read-all', all(200)),
    row('GET /api/notifications/preferences', 'my channels', '/api/notifications/preferences', all(200)),
    row('PUT /api/notifications/preferences', 'set my channels', '/api/notifications/preferences', all(200), {
      inApp: true,
      email: true,
      emailAddress: null,
    }),
    row('GET /api/notifications/robots', 'branch robots', '/api/notifications/robots', configurers),
    row(
      'PUT /api/notifications/robots/:id',
      'set a branch robot',
      '/api/notifications/robots/1',
      configurers,
      {
        dingtalkWebhook: null,
        wecomWebhook: null,
      },
    ),
    row(
      'GET /api/notifications/ladder/:id',
      'reminder ladder',
      '/api/notifications/ladder/:campaign',
      configurers,
    ),
    row(
      'PUT /api/notifications/ladder/:id',
      'set reminder ladder',
      '/api/notifications/ladder/:campaign',
      configurers,
      ladder,
    ),
    row(
      'GET /api/notifications/admin/status',
      'notification status',
      '/api/notifications/admin/status',
      adminOnly,
    ),
    row(
      'GET /api/notifications/admin/deliveries',
      'delivery log',
      '/api/notifications/admin/deliveries',
      adminOnly,
    ),
    row(
      'GET /api/notifications/admin/reminders',
      'reminders produced',
      '/api/notifications/admin/reminders',
      adminOnly,
    ),
    row(
      'POST /api/notifications/admin/deliveries/:id/retry',
      'retry a missing delivery',
      '/api/notifications/admin/deliveries/999999/retry',
      all(403, { admin: 404 }),
    ),
    row(
      'POST /api/notifications/admin/test',
      'test message in-app',
      '/api/notifications/admin/test',
      adminOnly,
      {
        channel: 'in_app',
      },
    ),
  ];
}
