/**
 * `npx tsx bench/ledger.ts`: writes a 100,000-row study ledger (each study with its attendance,
 * about a million attendance rows) through the streaming xlsx writer into a stream that counts and
 * drops the bytes, and reports the time and the memory the export added. PGlite by default;
 * TEST_DATABASE_URL=postgres://… runs it on PostgreSQL instead. BENCH_LEDGER_ROWS changes the size,
 * BENCH_LEDGERS=study (or attendance) writes only that ledger.
 * Measures; asserts nothing.
 */
import { Writable } from 'node:stream';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../src/server/test/harness.js';
import { startCampaign } from '../src/server/test/fixtures.js';
import { testEngine } from '../src/server/test/test-db.js';
import type { AuthedContext } from '../src/server/lib/actor.js';

const ROWS = Number(process.env.BENCH_LEDGER_ROWS ?? 100_000);
const mb = (n: number) => Math.round(n / 1048576);

async function seed(t: TestApp): Promise<number> {
  t.clock.set(new Date('2026-03-20T09:00:00+08:00'));
  const campaignId = (await startCampaign(await t.login('jiguan'), 2026, [1, 2, 3, 4, 5])).id;
  const { db } = t.database;
  await db.execute(sql`
    insert into records (campaign_id, branch_id, kind, title, occurred_on, counts_on, period_key, status,
                         data, first_submitted_at, submitted_at, approved_at, created_at, updated_at)
    select ${campaignId}, 1 + (g % 5), 'study', '学习研讨第' || g || '次',
           date '2026-03-01' + (g % 28), date '2026-03-01' + (g % 28), '2026-03', 'approved',
           jsonb_build_object('form', 'branch_committee', 'mode', 'video', 'topic', '学习重要讲话精神(第' || g || '次)',
             'materialKinds', jsonb_build_array('speeches'), 'materials', '重要讲话;公司工作报告',
             'place', '第一会议室', 'hostPersonId', 1 + 11 * (g % 5), 'recorderPersonId', 2 + 11 * (g % 5),
             'minutes', repeat('会议传达学习了重要讲话精神,大家结合本部门工作进行了交流研讨。', 4), 'decisions', ''),
           now(), now(), now(), now(), now()
    from generate_series(1, ${ROWS}) g`);
  await db.execute(sql`
    insert into attendance (record_id, person_id, status, reason)
    select r.id, p.id,
           case when (r.id + p.id) % 11 = 0 then 'leave' when (r.id + p.id) % 17 = 0 then 'absent' else 'present' end,
           case when (r.id + p.id) % 11 = 0 then '出差' end
    from records r join people p on p.branch_id = r.branch_id and p.member_status <> 'non_member'
    where r.campaign_id = ${campaignId}`);
  return campaignId;
}

async function run(engine: string, t: TestApp) {
  const started = performance.now();
  const campaignId = await seed(t);
  console.info(`${engine}: seeded ${ROWS} studies in ${Math.round(performance.now() - started)} ms`);
  const ctx: AuthedContext = {
    actor: {
      userId: 1,
      username: 'admin',
      displayName: '基准测试',
      personId: null,
      grants: [{ role: 'admin', branchId: null, grassrootsUnitId: null, departmentIds: [] }],
    },
    ip: null,
  };
  const kinds = (process.env.BENCH_LEDGERS ?? 'study,attendance').split(',') as ('study' | 'attendance')[];
  for (const kind of kinds) {
    global.gc?.();
    const base = process.memoryUsage();
    let peakRss = base.rss;
    let peakHeap = base.heapUsed;
    const sampler = setInterval(() => {
      const m = process.memoryUsage();
      peakRss = Math.max(peakRss, m.rss);
      peakHeap = Math.max(peakHeap, m.heapUsed);
    }, 20);
    let bytes = 0;
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        bytes += chunk.length;
        done();
      },
    });
    const finished = new Promise((resolve) => sink.on('finish', resolve));
    const start = performance.now();
    const cpu = process.cpuUsage();
    const { rows } = await t.app.services.ledgers.writeLedger(ctx, kind, { campaignId }, sink);
    await finished;
    const ms = Math.round(performance.now() - start);
    const used = process.cpuUsage(cpu);
    const cpuMs = Math.round((used.user + used.system) / 1000);
    clearInterval(sampler);
    global.gc?.();
    const retained = process.memoryUsage().heapUsed - base.heapUsed;
    console.info(
      `${engine} ${kind}: ${rows} rows, ${mb(bytes)} MB xlsx in ${ms} ms (CPU of this process ${cpuMs} ms); ` +
        `RSS ${mb(base.rss)} → peak ${mb(peakRss)} MB (+${mb(peakRss - base.rss)}), ` +
        `heap ${mb(base.heapUsed)} → peak ${mb(peakHeap)} MB (+${mb(peakHeap - base.heapUsed)}), retained after GC ${mb(retained)} MB`,
    );
  }
}

const t = await createTestApp();
try {
  await run(testEngine, t);
} finally {
  await t.close();
}
