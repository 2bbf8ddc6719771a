/**
 * The group-scale bench dataset in PostgreSQL: 50 companies, 2,000 branches, 60,000 people, one
 * campaign of 12 months with its 120,000 monthly tasks, about 150,000 records with their history,
 * reviews, problems, follow-ups and 1.5 million attendance rows.
 *
 * Each company is a row of `companies` with 40 branches (and 4 grassroots units whose names carry
 * the company's); the demo organisation is the first company, its five branches the first five. The organisation, accounts and campaign go through the app (demo
 * loader, campaign service, the campaign's task plan); everything else is loaded set-based in SQL
 * (INSERT … SELECT over generate_series, and unnest of the planned tasks), never row by row.
 * A marker table holds the generator version: a rerun finds the dataset and reuses it.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { PGlite } from '@electric-sql/pglite';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { buildApp } from '../src/server/app.js';
import { loadConfig } from '../src/server/config.js';
import { openPglite, openPostgres } from '../src/server/db/client.js';
import type { AuthedContext } from '../src/server/lib/actor.js';
import { grantsOf } from '../src/server/modules/auth/auth.repo.js';
import { defaultScoring } from '../src/common/api/campaigns.js';
import { defaultActionKinds } from '../src/server/modules/campaigns/default-kinds.js';
import { planTasks } from '../src/server/modules/campaigns/task-plan.js';
import { BENCH_ADMIN_PASSWORD } from './dataset-info.js';

export const GENERATOR_VERSION = 3;
export const COMPANIES = 50;
export const BRANCHES_PER_COMPANY = 40;
export const PEOPLE_PER_BRANCH = 30;
export const BENCH_YEAR = 2025;

export interface DatasetInfo {
  url: string;
  reused: boolean;
  seconds: number;
  campaignId: number;
  counts: Record<string, number>;
}

const dbUrl = (base: string, name: string) => {
  const u = new URL(base);
  u.pathname = `/${name}`;
  return u.toString();
};

async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

async function readMarker(
  url: string,
): Promise<{ campaignId: number; counts: Record<string, number> } | null> {
  try {
    return await withClient(url, async (c) => {
      const { rows } = await c.query<{ campaign_id: number; counts: Record<string, number> }>(
        `select campaign_id, counts from bench_dataset where version = $1`,
        [GENERATOR_VERSION],
      );
      return rows[0] ? { campaignId: rows[0].campaign_id, counts: rows[0].counts } : null;
    });
  } catch {
    return null; // no database or no marker: generate
  }
}

/** Returns the dataset's URL, generating it first unless this generator version already made it. */
/** A statement runner over either engine (a pg client, or PGlite's own client). */
export interface Exec {
  query<T = Record<string, unknown>>(
    text: string,
    params?: unknown[],
  ): Promise<{ rows: T[]; rowCount: number }>;
}

const pgExec = (c: pg.Client): Exec => ({
  query: async <T>(text: string, params?: unknown[]) => {
    const res = await c.query(text, params);
    return { rows: res.rows as T[], rowCount: res.rowCount ?? 0 };
  },
});

/** Everything after the demo organisation: the other companies, the campaign and its year. */
async function populate(
  exec: Exec,
  app: FastifyInstance,
  companies: number,
  log: (s: string) => void,
  start: number,
): Promise<{ campaignId: number; counts: Record<string, number> }> {
  await loadOrganisation(exec, companies);
  log(`  organisation: ${((performance.now() - start) / 1000).toFixed(1)} s`);

  // The campaign through the service (validation, action kinds), its tasks from the real plan.
  const [committee] = (
    await exec.query<{ id: number; display_name: string; person_id: number | null }>(
      `select id, display_name, person_id from users where username = 'jiguan'`,
    )
  ).rows;
  const ctx: AuthedContext = {
    ip: null,
    actor: {
      userId: committee!.id,
      username: 'jiguan',
      displayName: committee!.display_name,
      personId: committee!.person_id,
      grants: await grantsOf(app.services.db, committee!.id),
    },
  };
  const branchIds = (await exec.query<{ id: number }>('select id from branches order by id')).rows.map(
    (r) => r.id,
  );
  const campaign = await app.services.campaigns.create(ctx, {
    name: `${BENCH_YEAR}年集团机关党支部“五个一”对标活动`,
    year: BENCH_YEAR,
    months: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
    watchwords: '学讲话、转作风、作表率',
    branchIds,
    actionKinds: defaultActionKinds,
    optionalBonusCap: 10,
    branchesSeeRanking: false,
    scoring: defaultScoring,
  });
  const planned = planTasks(campaign);
  await exec.query('begin');
  await exec.query(`update campaigns set status = 'active', started_at = $2 where id = $1`, [
    campaign.id,
    `${BENCH_YEAR}-01-01T00:00:00Z`,
  ]);
  for (let i = 0; i < planned.length; i += 20_000) {
    const part = planned.slice(i, i + 20_000);
    const col = <K extends keyof (typeof part)[number]>(k: K) => part.map((t) => t[k]);
    await exec.query(
      `insert into tasks (campaign_id, branch_id, action_kind_id, period_key, period_start, period_end,
         scheduled_due_date, due_date, required_count)
       select * from unnest($1::int[], $2::int[], $3::int[], $4::text[], $5::date[], $6::date[],
         $7::date[], $8::date[], $9::int[])`,
      [
        col('campaignId'),
        col('branchId'),
        col('actionKindId'),
        col('periodKey'),
        col('periodStart'),
        col('periodEnd'),
        col('scheduledDueDate'),
        col('dueDate'),
        col('requiredCount'),
      ],
    );
  }
  await exec.query('commit');
  log(`  campaign and ${planned.length} tasks: ${((performance.now() - start) / 1000).toFixed(1)} s`);
  await loadActivity(exec, campaign.id, committee!.id, log, start);

  await exec.query('analyze');
  const counts: Record<string, number> = { companies };
  for (const t of [
    'branches',
    'people',
    'users',
    'tasks',
    'records',
    'attendance',
    'record_history',
    'reviews',
    'problems',
    'problem_events',
    'revision_followups',
  ]) {
    counts[t] = Number((await exec.query<{ n: string }>(`select count(*) as n from ${t}`)).rows[0]!.n);
  }
  return { campaignId: campaign.id, counts };
}

const appConfig = (env: Record<string, string>) =>
  loadConfig({
    DUIBIAO_ADMIN_PASSWORD: BENCH_ADMIN_PASSWORD,
    DUIBIAO_DEMO: '1',
    // The bench signs in as the demo accounts many times.
    DEMO_PASSWORD_CHANGE: '0',
    PASSWORD_HASH_COST: '1024',
    LOG_LEVEL: 'silent',
    ...env,
  });

/** Returns the dataset's URL, generating it first unless this generator version already made it. */
export async function ensureBenchDataset(url: string, log = console.log): Promise<DatasetInfo> {
  const start = performance.now();
  const marker = await readMarker(url);
  if (marker) {
    return { url, reused: true, seconds: 0, campaignId: marker.campaignId, counts: marker.counts };
  }
  const name = new URL(url).pathname.slice(1);
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`bench database name ${name} is not a plain name`);
  await withClient(dbUrl(url, 'postgres'), async (c) => {
    await c.query(`drop database if exists ${name} with (force)`);
    await c.query(`create database ${name}`);
  });
  log(`bench dataset: generating ${name} (version ${GENERATOR_VERSION}); this takes a few minutes once`);

  // Schema, admin and the demo organisation (accounts jiguan, zhibu1…) through the app itself.
  const database = await openPostgres(url, 4);
  const app = await buildApp({ config: appConfig({ DATABASE_URL: url }), database, webDir: null });
  let result: { campaignId: number; counts: Record<string, number> };
  try {
    await app.services.setup.bootstrapFromEnv({ demoActivity: false });
    result = await withClient(url, (c) => populate(pgExec(c), app, COMPANIES, log, start));
  } finally {
    await app.close();
    await database.close();
  }
  await withClient(url, async (c) => {
    await c.query(
      `create table bench_dataset (version int primary key, campaign_id int not null,
         generated_at timestamptz not null default now(), counts jsonb not null)`,
    );
    await c.query('insert into bench_dataset (version, campaign_id, counts) values ($1, $2, $3)', [
      GENERATOR_VERSION,
      result.campaignId,
      JSON.stringify(result.counts),
    ]);
  });
  const seconds = (performance.now() - start) / 1000;
  log(`bench dataset: generated in ${seconds.toFixed(0)} s`);
  return { url, reused: false, seconds, ...result };
}

/**
 * The same generator at a smaller scale in an in-memory PGlite (`companies` × 40 branches), for
 * finding where the embedded engine stops serving well. The caller closes the returned app.
 */
export async function pgliteAtScale(companies: number, log = console.log) {
  const start = performance.now();
  const database = await openPglite(null);
  const app = await buildApp({
    config: appConfig({ DATA_DIR: mkdtempSync(path.join(tmpdir(), 'duibiao-bench-')) }),
    database,
    webDir: null,
  });
  await app.services.setup.bootstrapFromEnv({ demoActivity: false });
  const client = (database.db as unknown as { $client: PGlite }).$client;
  const exec: Exec = {
    query: async <T>(text: string, params?: unknown[]) => {
      const res = await client.query<T>(text, params);
      return { rows: res.rows, rowCount: res.affectedRows ?? 0 };
    },
  };
  const result = await populate(exec, app, companies, () => undefined, start);
  log(
    `pglite at ${companies * BRANCHES_PER_COMPANY} branches: loaded in ${((performance.now() - start) / 1000).toFixed(0)} s`,
  );
  return { app, database, ...result };
}

/** Branches, party groups, departments, units, people and one secretary account per new branch. */
async function loadOrganisation(c: Exec, companies: number) {
  const total = companies * BRANCHES_PER_COMPANY;
  await c.query('begin');
  await c.query('select setseed(0.2025)');
  await c.query(
    `insert into companies (id, name, short_name, sort_order)
     select co, format('集团第%s公司', co), format('%s公司', co), co from generate_series(2, $1) co`,
    [companies],
  );
  await c.query(`select setval(pg_get_serial_sequence('companies', 'id'), $1)`, [companies]);
  await c.query(
    `insert into branches (name, short_name, sort_order, company_id)
     select format('集团第%s公司第%s党支部', (n - 1) / $2 + 1, (n - 1) % $2 + 1),
            format('%s-%s', (n - 1) / $2 + 1, (n - 1) % $2 + 1), n, (n - 1) / $2 + 1
     from generate_series((select count(*) from branches) + 1, $1) as n`,
    [total, BRANCHES_PER_COMPANY],
  );
  const newBranches = `(select id, sort_order from branches where short_name ~ '^[0-9]+-[0-9]+$')`;
  await c.query(
    `insert into party_groups (branch_id, name)
     select b.id, format('第%s党小组', g) from ${newBranches} b, generate_series(1, 3) g`,
  );
  await c.query(
    `insert into departments (name, kind, branch_id)
     select format('%s%s', b.short_name, case d when 1 then '综合管理部' else '业务中心' end),
            case d when 1 then 'department' else 'business_centre' end, b.id
     from branches b, generate_series(1, 2) d where b.short_name ~ '^[0-9]+-[0-9]+$'`,
  );
  await c.query(
    `insert into grassroots_units (name, kind)
     select format('集团第%s公司第%s%s', co, u, case u % 3 when 0 then '事业部' when 1 then '分公司' else '项目部' end),
            case u % 3 when 0 then 'division' when 1 then 'subsidiary' else 'project' end
     from generate_series(1, $1) co, generate_series(1, 4) u`,
    [companies],
  );
  // 30 people a branch: one in ten non-member staff, one in ten probationary, the rest full members.
  await c.query(
    `insert into people (name, employee_no, gender, branch_id, party_group_id, department_id,
       member_status, branch_post, phone, joined_party_on)
     select format('%s%s', (array['王','李','张','刘','陈','杨','赵','黄','周','吴'])[1 + (b.id + p) % 10],
                   (array['伟','芳','娜','敏','静','磊','洋','勇','军','杰','涛','明'])[1 + (b.id * 7 + p * 3) % 12]
                   || (array['','华','平','国','建','文'])[1 + p % 6]),
            format('G%s-%s', b.id, p), case when p % 2 = 0 then 'male' else 'female' end, b.id,
            case when p % 10 = 0 then null
                 else (select min(id) from party_groups g where g.branch_id = b.id) + p % 3 end,
            (select min(id) from departments d where d.branch_id = b.id) + p % 2,
            case when p % 10 = 0 then 'non_member' when p % 10 = 9 then 'probationary' else 'full' end,
            case p when 1 then 'secretary' when 2 then 'deputy_secretary' when 3 then 'organisation'
                   when 4 then 'publicity' when 5 then 'discipline' end,
            format('139%s', lpad((b.id * 100 + p)::text, 8, '0')),
            case when p % 10 = 0 then null else make_date(1985 + (b.id + p) % 38, 1 + p % 12, 1) end
     from ${newBranches} b, generate_series(1, $1) p`,
    [PEOPLE_PER_BRANCH],
  );
  // Each new branch's secretary signs in as zhibuN (N its sort order), like the demo's zhibu1…5.
  await c.query(
    `insert into users (username, display_name, password_hash, person_id, must_change_password)
     select format('zhibu%s', b.sort_order), pe.name,
            (select password_hash from users where username = 'zhibu1'), pe.id, false
     from ${newBranches} b join people pe on pe.branch_id = b.id and pe.branch_post = 'secretary'`,
  );
  await c.query(
    `insert into role_grants (user_id, role, branch_id)
     select u.id, 'branch_secretary', pe.branch_id
     from users u join people pe on pe.id = u.person_id
     where u.username ~ '^zhibu[0-9]+$' and not exists (select 1 from role_grants g where g.user_id = u.id)`,
  );
  await c.query('commit');
}

/**
 * A year of work: every task gets a record (a few are missing) whose outcome is on time, late,
 * returned and fixed, returned and open, waiting for review, or a draft; half the studies have a
 * second meeting; most branch-months add an optional action. Statuses, versions,
 * history, reviews, attendance, problems and follow-ups agree with one another.
 */
async function loadActivity(
  c: Exec,
  campaignId: number,
  committeeId: number,
  log: (s: string) => void,
  start: number,
) {
  const step = async (label: string, statement: string, params: unknown[] = []) => {
    const res = await c.query(statement, params);
    log(`  ${label}: ${res.rowCount} rows, ${((performance.now() - start) / 1000).toFixed(1)} s`);
  };
  await c.query('begin');
  await c.query('select setseed(0.2026)');
  await c.query(
    `create temp table gen on commit drop as
     select nextval('records_id_seq')::int as id, t.id as task_id, t.branch_id, k.kind, t.period_key,
            t.period_start::date as ps, t.due_date::date as due, random() as r, random() as r2
     from tasks t join campaign_action_kinds k on k.id = t.action_kind_id
     where t.campaign_id = $1 and random() >= 0.05`,
    [campaignId],
  );
  await c.query(
    `insert into gen
     select nextval('records_id_seq')::int, t.id, t.branch_id, k.kind, t.period_key, t.period_start::date,
            t.due_date::date, 0.3 + random() * 0.7, random()
     from tasks t join campaign_action_kinds k on k.id = t.action_kind_id
     where t.campaign_id = $1 and k.kind = 'study' and random() < 0.5`,
    [campaignId],
  );
  await c.query(
    `insert into gen
     select nextval('records_id_seq')::int, null, b.branch_id, 'optional', m.key, m.ps,
            (m.ps + interval '1 month' + interval '4 days')::date, 0.3 + random() * 0.7, random()
     from campaign_branches b,
          lateral (select format('%s-%s', $2::int, lpad(mm::text, 2, '0')) as key,
                          make_date($2::int, mm, 1) as ps from generate_series(1, 12) mm) m
     where b.campaign_id = $1 and random() < 0.8`,
    [campaignId, BENCH_YEAR],
  );
  await c.query(
    `alter table gen add column outcome text, add column occurred date, add column first_submit timestamptz,
       add column last_submit timestamptz, add column approved timestamptz, add column author int,
       add column dept int, add column unit int`,
  );
  await c.query(
    `update gen set
       outcome = case when r < 0.08 then 'late' when r < 0.14 then 'pending' when r < 0.17 then 'returned_open'
                      when r < 0.20 then 'draft' when r < 0.25 then 'returned_fixed' else 'on_time' end,
       occurred = ps + (r2 * 20)::int,
       author = (select u.id from users u join role_grants g on g.user_id = u.id
                 where g.role = 'branch_secretary' and g.branch_id = gen.branch_id order by u.id limit 1),
       dept = (select min(id) from departments d where d.branch_id = gen.branch_id),
       unit = (select min(id) from grassroots_units) + (branch_id * 7 + extract(month from ps)::int) %
              (select count(*) from grassroots_units)::int`,
  );
  await c.query(
    `update gen set
       first_submit = case when outcome = 'draft' then null
                           when outcome = 'late' then (due + 3 + time '08:00') at time zone 'UTC'
                           else (occurred + 2 + time '09:00') at time zone 'UTC' end,
       last_submit = case when outcome = 'draft' then null
                          when outcome = 'returned_fixed' then (occurred + 6 + time '03:00') at time zone 'UTC'
                          when outcome = 'late' then (due + 3 + time '08:00') at time zone 'UTC'
                          else (occurred + 2 + time '09:00') at time zone 'UTC' end`,
  );
  await c.query(
    `update gen set approved = case when outcome in ('on_time', 'late', 'returned_fixed')
                                    then last_submit + interval '2 days' end`,
  );
  await step(
    'records',
    `insert into records (id, campaign_id, branch_id, kind, title, occurred_on, counts_on, period_key, task_id,
       status, data, version, submitted_at, first_submitted_at, approved_at, quality, highlight, highlight_note,
       leader_status, created_by, created_at, updated_by, updated_at)
     select g.id, $1, g.branch_id, g.kind,
       case g.kind when 'study' then format('%s月专题学习:学习贯彻重要讲话精神', extract(month from g.ps))
                   when 'theme_day' then format('%s月主题党日:重温入党誓词', extract(month from g.ps))
                   when 'rule_revision' then format('修订《%s管理办法(第%s版)》', g.period_key, g.id % 7 + 1)
                   when 'grassroots_problem' then format('帮助基层单位解决%s月经营管理问题', extract(month from g.ps))
                   when 'publicity' then format('《支部%s月工作纪实》', extract(month from g.ps))
                   else format('%s月自选动作:党建与业务融合创新', extract(month from g.ps)) end,
       g.occurred, g.occurred, g.period_key, g.task_id,
       case g.outcome when 'draft' then 'draft' when 'pending' then 'submitted'
                      when 'returned_open' then 'returned' else 'approved' end,
       case g.kind
         when 'study' then jsonb_build_object('form', (array['party_congress','branch_committee','group_meeting','party_lecture'])[1 + g.id % 4],
             'mode', (array['in_person','video','dingtalk','text_platform'])[1 + g.id % 4], 'place', '公司第一会议室',
             'topic', '学习贯彻习近平总书记重要讲话精神', 'materialKinds', jsonb_build_array('speeches', 'company_documents'),
             'materials', '习近平总书记重要讲话和指示批示精神;公司有关会议和文件精神', 'hostPersonId', null,
             'recorderPersonId', null, 'minutes', '支部书记领学,党员结合本部门工作交流发言,一致表示要学讲话、转作风、作表率。',
             'decisions', '将学习成果落实到本月重点工作中。')
         when 'theme_day' then jsonb_build_object('theme', (array['ideals','identity','organisational_life'])[1 + g.id % 3],
             'activity', (array['visit','film','reading','volunteering'])[1 + g.id % 4], 'place', '党建文化长廊',
             'hostPersonId', null, 'summary', '支部党员重温入党誓词,交流学习体会。')
         when 'rule_revision' then jsonb_build_object('ruleTitle', format('%s管理办法', g.period_key), 'ruleType', 'rule',
             'departmentId', g.dept, 'gap', '原规定存在审批环节多、责任不清的问题。', 'opinionsSolicited', '征求相关部门意见8条,采纳5条。',
             'changeSummary', '精简审批环节,明确责任分工和办理时限。', 'publishedOn', g.occurred,
             'documentNo', format('集团〔%s〕%s号', $2::int, g.id), 'releaseForm', '正式发文')
         when 'grassroots_problem' then jsonb_build_object('problemId', null, 'confirmedOn', null, 'unitId', g.unit,
             'raisedBy', '基层单位综合办', 'description', '基层单位反映:业务审批流程不清晰。', 'category', '经营管理',
             'measures', jsonb_build_array(jsonb_build_object('date', g.occurred - 7, 'kind', 'one_to_one', 'note', '一对一上门指导')),
             'resolvedOn', g.occurred, 'outcome', '问题已解决,基层单位表示满意。')
         when 'publicity' then jsonb_build_object('kind', 'news', 'author', '支部宣传委员',
             'channels', jsonb_build_array(jsonb_build_object('channel', 'website', 'publishedOn', g.occurred,
                 'link', format('https://www.example.com/news/%s', g.id), 'views', null, 'likes', null)),
             'highlights', '总结提炼“五个一”对标活动中的亮点做法。', 'relatedRecordIds', jsonb_build_array())
         else jsonb_build_object('category', '党建融合', 'description', '结合业务开展党员先锋岗活动。',
             'novelty', '党员示范带动业务攻坚', 'tags', jsonb_build_array('党建融合')) end,
       case g.outcome when 'draft' then 1 when 'pending' then 2 when 'returned_open' then 3
                      when 'returned_fixed' then 6 else 3 end,
       g.last_submit, g.first_submit, g.approved,
       case when g.approved is null then null
            else (array['excellent','good','good','fair'])[1 + g.id % 4] end,
       g.approved is not null and g.id % 37 = 0,
       case when g.approved is not null and g.id % 37 = 0 then '做法扎实,成效明显,可供各支部借鉴' end,
       'none', g.author, (g.occurred + 1 + time '02:00') at time zone 'UTC', g.author,
       coalesce(g.approved, g.last_submit, (g.occurred + 1 + time '02:00') at time zone 'UTC')
     from gen g`,
    [campaignId, BENCH_YEAR],
  );
  // Every saved version, as the record service writes them.
  await step(
    'record history',
    `insert into record_history (record_id, version, change, at, user_id, snapshot)
     select r.id, s.v, s.change, s.at, s.who,
            jsonb_build_object('title', r.title, 'occurredOn', r.occurred_on, 'data', r.data, 'status', s.status)
     from records r join gen g on g.id = r.id,
     lateral (select v, change, status, at, who from (values
         (1, 'create', 'draft', r.created_at, g.author, true),
         (2, 'submit', 'submitted', g.first_submit, g.author, g.outcome <> 'draft'),
         (3, 'returned', 'returned', g.first_submit + interval '1 day', $1::int, g.outcome in ('returned_open', 'returned_fixed')),
         (3, 'approved', 'approved', g.approved, $1::int, g.outcome in ('on_time', 'late')),
         (4, 'update', 'returned', g.first_submit + interval '2 days', g.author, g.outcome = 'returned_fixed'),
         (5, 'resubmit', 'submitted', g.last_submit, g.author, g.outcome = 'returned_fixed'),
         (6, 'approved', 'approved', g.approved, $1::int, g.outcome = 'returned_fixed')
       ) as x(v, change, status, at, who, applies) where applies) s`,
    [committeeId],
  );
  await step(
    'reviews',
    `insert into reviews (record_id, record_version, decision, comment, reviewer_id, at)
     select g.id, x.version, x.decision, x.comment, $1, x.at from gen g,
     lateral (values (2, 'returned', '请补充会议记录和签到表。', g.first_submit + interval '1 day',
                      g.outcome in ('returned_open', 'returned_fixed')),
                     (case when g.outcome = 'returned_fixed' then 5 else 2 end, 'approved', '', g.approved,
                      g.approved is not null)) as x(version, decision, comment, at, applies)
     where x.applies`,
    [committeeId],
  );
  await step(
    'attendance',
    `insert into attendance (record_id, person_id, status, reason)
     select g.id, p.id, case when x.roll < 0.1 then 'leave' when x.roll < 0.13 then 'absent' else 'present' end,
            case when x.roll < 0.1 then '出差' end
     from gen g join people p on p.branch_id = g.branch_id and p.active
          and p.member_status in ('full', 'probationary'),
     lateral (select random() + 0 * p.id as roll) x
     where g.kind in ('study', 'theme_day')`,
  );
  await step(
    'revision follow-ups',
    `insert into revision_followups (record_id, due_on, note, noted_on, noted_by)
     select g.id, g.occurred + d, case when g.occurred + d < make_date($1::int, 11, 1) then '新制度已宣贯到位,执行顺畅。' end,
            case when g.occurred + d < make_date($1::int, 11, 1) then g.occurred + d - 2 end,
            case when g.occurred + d < make_date($1::int, 11, 1) then g.author end
     from gen g, unnest(array[30, 90]) d where g.kind = 'rule_revision' and g.approved is not null`,
    [BENCH_YEAR],
  );
  await step(
    'problems',
    `insert into problems (unit_id, title, description, category, raised_by_name, raised_at, branch_id,
       accepted_at, record_id, state, solved_on, confirmation, confirmed_on, satisfaction, confirm_comment)
     select g.unit, '业务审批流程不清晰', '基层单位反映:业务审批流程不清晰。', '经营管理', '基层单位综合办',
            (g.occurred - 10 + time '02:00') at time zone 'UTC', g.branch_id,
            (g.occurred - 9 + time '01:00') at time zone 'UTC', g.id,
            case when g.outcome = 'draft' then 'solved' else 'confirmed' end, g.occurred,
            case when g.outcome = 'draft' then null else 'solved' end,
            case when g.outcome = 'draft' then null else g.occurred end,
            case when g.outcome = 'draft' then null else 3 + g.id % 3 end,
            case when g.outcome = 'draft' then null else '问题解决及时,感谢机关支部。' end
     from gen g where g.kind = 'grassroots_problem'`,
  );
  await step(
    'problem events',
    `insert into problem_events (problem_id, type, at, data)
     select p.id, x.type, x.at, x.data from problems p,
     lateral (values ('raised', p.raised_at, '{}'::jsonb),
                     ('accepted', p.accepted_at, jsonb_build_object('branchId', p.branch_id)),
                     ('measure', (p.solved_on - 7 + time '07:00') at time zone 'UTC',
                        jsonb_build_object('date', p.solved_on - 7, 'kind', 'one_to_one', 'note', '一对一上门指导')),
                     ('solved', (p.solved_on + time '08:00') at time zone 'UTC', jsonb_build_object('outcome', '问题已解决')),
                     ('confirmed', (p.solved_on + 1 + time '02:00') at time zone 'UTC',
                        jsonb_build_object('satisfaction', p.satisfaction))) as x(type, at, data)
     where p.record_id is not null and (x.type <> 'confirmed' or p.state = 'confirmed')`,
  );
  await c.query('commit');
}
