import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite, openPostgres, type Database } from '../db/client.js';
import { DEMO_PASSWORD, seededServerData } from './harness.js';
import { testEngine } from './test-db.js';
import { jpeg, pdf, recordOf } from './fixtures.js';
import {
  HttpClient,
  killHard,
  serverEnv,
  startServer,
  stopGracefully,
  type ServerProcess,
} from './server-process.js';

/**
 * Crash safety: the real server process is SIGKILLed in the middle of an evidence upload and
 * while record saves are in flight, then started again on the same data. Nothing may be half
 * written: every record keeps its history and attendance, every evidence row has its file on
 * disk, and the server serves as before. Loopback only; a few seconds of work per phase.
 */

const TITLE = '崩溃测试';
let dataDir: string;
let databaseUrl: string | null = null;
let dropDatabase: (() => Promise<void>) | null = null;
let server: ServerProcess | null = null;
let campaignId: number;
/** Uploads that were answered 200 before a kill: their bytes must be served afterwards. */
const acknowledged = new Map<number, Buffer>();
/** Record saves answered 200 before a kill: the version each record reached at least. */
const savedVersion = new Map<number, number>();

beforeAll(async () => {
  // The demo year already in place: the server starts on it rather than loading it.
  const placed = await seededServerData();
  dataDir = placed.dataDir;
  databaseUrl = placed.databaseUrl;
  dropDatabase = placed.drop;
});

afterAll(async () => {
  if (server) server.child.kill('SIGKILL');
  await server?.exited;
  await dropDatabase?.();
  rmSync(dataDir, { recursive: true, force: true });
});

const start = async () => (server = await startServer(serverEnv(dataDir, databaseUrl)));
const lockFile = () => path.join(dataDir, 'duibiao.lock');
const tmpFolder = () => path.join(dataDir, 'files', 'tmp');

async function secretary(s: ServerProcess): Promise<HttpClient> {
  return new HttpClient(s.url).login('zhibu1', DEMO_PASSWORD);
}

const draft = (title: string, date = '2020-12-10') => ({
  ...recordOf('study', campaignId, 1, date),
  title,
});

/**
 * Streams a multipart upload slowly: the headers and the start of the file at once, then 64 KiB
 * at a time until stopped. The connection dies with the server; that error is expected.
 */
function slowUpload(client: HttpClient, recordId: number): { stop: () => void; sent: () => number } {
  const url = new URL(`${client.base}/api/records/${recordId}/evidence`);
  const boundary = `----duibiaocrash${randomBytes(6).toString('hex')}`;
  const req = http.request({
    host: url.hostname,
    port: url.port,
    path: url.pathname,
    method: 'POST',
    headers: {
      cookie: client.cookieHeader(),
      'x-csrf-token': client.csrf ?? '',
      'content-type': `multipart/form-data; boundary=${boundary}`,
      'transfer-encoding': 'chunked',
    },
  });
  req.on('error', () => undefined);
  req.write(
    `--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\nphoto\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="大文件.jpg"\r\n` +
      `Content-Type: image/jpeg\r\n\r\n`,
  );
  req.write(Buffer.from([0xff, 0xd8, 0xff, 0xe0]));
  let stopped = false;
  let sent = 0;
  const chunk = randomBytes(64 * 1024);
  const pump = () => {
    // Bounded: never more than 16 MiB, under the 20 MB upload limit.
    if (stopped || sent >= 16 * 1024 * 1024 || req.destroyed) return;
    req.write(chunk, (err) => {
      if (err) return;
      sent += chunk.length;
      setTimeout(pump, 5);
    });
  };
  pump();
  return {
    stop: () => {
      stopped = true;
      req.destroy();
    },
    sent: () => sent,
  };
}

/** Polls the file store's temporary folder until an upload in progress has written this much. */
async function untilPartFileHolds(bytes: number): Promise<void> {
  for (let i = 0; i < 1000; i++) {
    if (existsSync(tmpFolder())) {
      for (const name of readdirSync(tmpFolder())) {
        if (name.endsWith('.part') && statSync(path.join(tmpFolder(), name)).size >= bytes) return;
      }
    }
    await delay(20);
  }
  throw new Error('the upload never reached the server’s temporary file');
}

async function openData(): Promise<Database> {
  return databaseUrl ? openPostgres(databaseUrl, 2) : openPglite(path.join(dataDir, 'pgdata'));
}

async function query<T>(database: Database, q: ReturnType<typeof sql>): Promise<T[]> {
  return ((await database.db.execute(q)) as unknown as { rows: T[] }).rows;
}

describe('crash safety of the real server process', { timeout: 240_000 }, () => {
  it('survives a SIGKILL in the middle of a large evidence upload', async () => {
    const s = await start();
    const sec = await secretary(s);
    const campaigns = await sec.json<{ items: { id: number; year: number }[] }>('GET', '/api/campaigns');
    campaignId = campaigns.items.find((c) => c.year === 2020)!.id;
    const record = await sec.json<{ id: number; version: number }>(
      'POST',
      '/api/records',
      draft(`${TITLE}-上传`),
    );
    savedVersion.set(record.id, record.version);

    // Two uploads complete first: their rows and files must survive.
    const photo = await jpeg();
    for (const [name, bytes] of [
      ['现场.jpg', photo],
      ['纪要.pdf', pdf()],
    ] as const) {
      const res = await sec.upload(`/api/records/${record.id}/evidence`, { kind: 'photo' }, name, bytes);
      expect(res.status, await res.clone().text()).toBe(200);
      acknowledged.set(((await res.json()) as { id: number }).id, bytes);
    }

    const upload = slowUpload(sec, record.id);
    await untilPartFileHolds(256 * 1024);
    await killHard(s);
    upload.stop();
    expect(upload.sent()).toBeGreaterThan(0);
    if (testEngine === 'pglite') {
      // The dead server's lock is still there, naming its pid.
      expect(readFileSync(lockFile(), 'utf8')).toBe(String(s.pid));
    }
  });

  it('survives a SIGKILL while record saves, creations and uploads are in flight', async () => {
    const s = await start();
    if (testEngine === 'pglite') expect(readFileSync(lockFile(), 'utf8')).toBe(String(s.pid));
    const sec = await secretary(s);
    const ids: number[] = [];
    for (let i = 0; i < 6; i++) {
      const r = await sec.json<{ id: number; version: number }>(
        'POST',
        '/api/records',
        draft(`${TITLE}-${i}`),
      );
      ids.push(r.id);
      savedVersion.set(r.id, r.version);
    }
    const body = draft('');
    let completed = 0;
    let reached: () => void = () => undefined;
    const enough = new Promise<void>((resolve) => (reached = resolve));
    const done = () => {
      if (++completed >= 60) reached();
    };

    const savers = ids.map(async (id, i) => {
      let version = savedVersion.get(id)!;
      for (;;) {
        const res = await sec.request('PUT', `/api/records/${id}`, {
          title: `${TITLE}-${i}-v${version + 1}`,
          occurredOn: body.occurredOn,
          data: body.data,
          version,
        });
        if (res.status !== 200) throw new Error(`save: ${res.status} ${await res.text()}`);
        version = ((await res.json()) as { version: number }).version;
        savedVersion.set(id, version);
        done();
      }
    });
    const creators = [0, 1].map(async (n) => {
      for (let i = 0; ; i++) {
        const res = await sec.request('POST', '/api/records', draft(`${TITLE}-新建-${n}-${i}`));
        if (res.status !== 200) throw new Error(`create: ${res.status} ${await res.text()}`);
        const r = (await res.json()) as { id: number; version: number };
        savedVersion.set(r.id, r.version);
        done();
      }
    });
    const uploader = (async () => {
      for (let i = 0; ; i++) {
        // A distinct small PNG each time: a new blob, thumbnail and evidence row per upload.
        const png = Buffer.from(
          await (
            await import('sharp')
          )
            .default({
              create: { width: 8, height: 8, channels: 3, background: { r: i % 256, g: 7, b: 99 } },
            })
            .png()
            .toBuffer(),
        );
        const res = await sec.upload(`/api/records/${ids[0]}/evidence`, { kind: 'photo' }, `p${i}.png`, png);
        if (res.status !== 200) throw new Error(`upload: ${res.status} ${await res.text()}`);
        acknowledged.set(((await res.json()) as { id: number }).id, png);
        done();
      }
    })();

    // Settled from the start, so a loop that ends early is never an unhandled rejection.
    const ended = Promise.allSettled([...savers, ...creators, uploader]);
    await Promise.race([enough, ended]);
    await killHard(s);
    const outcomes = await ended;
    // Every loop ended because the server died, not because a request was refused.
    for (const o of outcomes) {
      expect(o.status).toBe('rejected');
      expect(String((o as PromiseRejectedResult).reason)).not.toMatch(/^Error: (save|create|upload):/);
    }
  });

  it('starts again on the same data and serves as before', async () => {
    const s = await start();
    if (testEngine === 'pglite') expect(readFileSync(lockFile(), 'utf8')).toBe(String(s.pid));
    const sec = await secretary(s);
    for (const [id, version] of savedVersion) {
      const r = await sec.json<{ version: number; title: string }>('GET', `/api/records/${id}`);
      // A save answered 200 is durable; one cut off may or may not have landed, but never half.
      expect(r.version, `record ${id}`).toBeGreaterThanOrEqual(version);
    }
    for (const [evidenceId, bytes] of acknowledged) {
      const res = await sec.request('GET', `/api/evidence/${evidenceId}/file`);
      expect(res.status).toBe(200);
      expect(Buffer.from(await res.arrayBuffer()).equals(bytes)).toBe(true);
    }
    const created = await sec.json<{ id: number; version: number }>(
      'POST',
      '/api/records',
      draft(`${TITLE}-重启后`),
    );
    const saved = await sec.request('PUT', `/api/records/${created.id}`, {
      title: `${TITLE}-重启后-v2`,
      occurredOn: draft('').occurredOn,
      data: draft('').data,
      version: created.version,
    });
    expect(saved.status).toBe(200);
    const up = await sec.upload(
      `/api/records/${created.id}/evidence`,
      { kind: 'photo' },
      '重启后.jpg',
      await jpeg(),
    );
    expect(up.status).toBe(200);
    expect(await stopGracefully(s)).toBe(0);
    server = null;
    if (testEngine === 'pglite') expect(existsSync(lockFile())).toBe(false);
  });

  it('left nothing half-written in the database or the file store', async () => {
    const database = await openData();
    try {
      // Every record has its first version in the history, and its current one.
      expect(
        await query(
          database,
          sql`select r.id from records r where not exists
                (select 1 from record_history h where h.record_id = r.id and h.version = 1)`,
        ),
      ).toEqual([]);
      const ours = await query<{
        id: number;
        version: number;
        history: number;
        audits: number;
        attendance: number;
      }>(
        database,
        sql`select r.id, r.version,
                   (select count(*)::int from record_history h where h.record_id = r.id) as "history",
                   (select count(*)::int from audit_log a where a.entity_type = 'record'
                      and a.entity_id = r.id::text and a.action in ('record.create', 'record.update')) as "audits",
                   (select count(*)::int from attendance a where a.record_id = r.id) as "attendance"
            from records r where r.title like ${`${TITLE}%`} order by r.id`,
      );
      expect(ours.length).toBeGreaterThanOrEqual(savedVersion.size);
      const [count] = await query<{ members: number }>(
        database,
        sql`select count(*)::int as "members" from people
            where branch_id = 1 and active and member_status in ('full', 'probationary')`,
      );
      for (const r of ours) {
        // One history row and one audit row per version, and the full attendance list: all or nothing.
        expect({ id: r.id, history: r.history, audits: r.audits }).toEqual({
          id: r.id,
          history: r.version,
          audits: r.version,
        });
        expect(r.attendance, `record ${r.id}`).toBe(count!.members);
      }

      // Every evidence row's file (and thumbnail) is on disk with the content its name says.
      const rows = await query<{ id: number; sha256: string; hasThumbnail: boolean }>(
        database,
        sql`select e.id, e.sha256, b.has_thumbnail as "hasThumbnail" from evidence e join blobs b using (sha256)`,
      );
      expect(rows.length).toBeGreaterThanOrEqual(acknowledged.size);
      for (const e of rows) {
        const where = (folder: string) =>
          path.join(dataDir, 'files', folder, e.sha256.slice(0, 2), e.sha256.slice(2, 4), e.sha256);
        expect(existsSync(where('blobs')), `blob of evidence ${e.id}`).toBe(true);
        expect(
          createHash('sha256')
            .update(readFileSync(where('blobs')))
            .digest('hex'),
        ).toBe(e.sha256);
        if (e.hasThumbnail)
          expect(existsSync(where('thumbnails')), `thumbnail of evidence ${e.id}`).toBe(true);
      }
    } finally {
      await database.close();
    }
  });
});
