import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.js';
import { createBackup } from '../../lib/backup.js';
import { runRestore } from '../../lib/backup-run.js';
import { fileStoreFor } from '../../lib/file-store.js';
import type { FileStore } from '../../lib/storage.js';
import { holdStoredContent } from '../../lib/file-store.js';
import { blobs } from '../../db/schema/index.js';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { jpeg, pdf, recordOf, startCampaign } from '../../test/fixtures.js';
import { createTestBucket, type TestBucket } from '../../test/s3.js';
import { createPostgresDatabaseUrl, testDatabaseUrl, testEngine } from '../../test/test-db.js';
import { json, type TestClient } from '../../test/test-client.js';
import { SWEEP_GRACE_MS, sweepUnreferenced } from './sweep.js';

/**
 * Evidence in either store the configuration names — the local folder and an S3 bucket: uploads
 * land in the store before their row, downloads come back byte for byte, objects no row names are
 * swept after the grace period, and a backup carries the bucket into a restore.
 */

const buckets: TestBucket[] = [];
const temps: string[] = [];
const drops: (() => Promise<void>)[] = [];

afterAll(async () => {
  for (const b of buckets) await b.drop();
  for (const d of drops) await d();
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

async function bucketEnv(): Promise<Record<string, string>> {
  const b = await createTestBucket();
  buckets.push(b);
  return b.env;
}

/** Until a session waits on the content lock of `sha256` (the sweep, in the test below). */
async function waitForLockWaiter(sha256: string): Promise<void> {
  const probe = new pg.Client({ connectionString: testDatabaseUrl! });
  await probe.connect();
  try {
    for (;;) {
      const { rows } = await probe.query<{ n: number }>(
        `select count(*)::int as n from pg_locks
          where locktype = 'advisory' and classid = 7301002 and objid = hashtext($1)::oid
            and objsubid = 2 and not granted`,
        [sha256],
      );
      if (rows[0]!.n > 0) return;
      await new Promise((r) => setTimeout(r, 50));
    }
  } finally {
    await probe.end();
  }
}

async function contentOf(store: FileStore): Promise<string[]> {
  const out: string[] = [];
  for await (const o of store.list()) out.push(`${o.kind}:${o.sha256}:${o.size}`);
  return out.sort();
}

const kinds = ['local folder', 'S3 bucket'];

describe.each(kinds)('evidence in the %s', { timeout: 120_000 }, (name) => {
  let t: TestApp;
  let store: FileStore;
  let secretary: TestClient;
  let recordId: number;

  beforeAll(async () => {
    t = await createTestApp({ env: name === 'S3 bucket' ? await bucketEnv() : {} });
    store = fileStoreFor(t.config);
    const campaign = await startCampaign(await t.login('jiguan'));
    secretary = await t.login('zhibu1');
    const created = await secretary.post('/api/records', recordOf('study', campaign.id, 1, '2026-03-01'));
    expect(created.statusCode, created.body).toBe(200);
    recordId = json<{ id: number }>(created).id;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('serves an upload and its thumbnail back byte for byte', async () => {
    const photo = await jpeg();
    const up = await secretary.upload(
      `/api/records/${recordId}/evidence`,
      { kind: 'photo' },
      '现场.jpg',
      photo,
    );
    expect(up.statusCode, up.body).toBe(200);
    const id = json<{ id: number }>(up).id;
    const down = await secretary.get(`/api/evidence/${id}/file`);
    expect(down.statusCode).toBe(200);
    expect(down.rawPayload).toEqual(photo);
    const thumb = await secretary.get(`/api/evidence/${id}/thumbnail`);
    expect(thumb.statusCode).toBe(200);
    expect(thumb.headers['content-type']).toContain('image/jpeg');
    expect(await contentOf(store)).toHaveLength(2);
  });

  it('sweeps objects no row names once the grace period is over, and nothing else', async () => {
    const kept = await contentOf(store);
    // An upload whose row never committed: its object is in the store, no blob row names it.
    const orphan = await store.ingest(Readable.from([Buffer.from(`left over ${name}`)]), 1000);
    await store.commit(orphan.tempPath, orphan.sha256);

    // Within the grace period it may be an upload still running: it stays.
    const early = await sweepUnreferenced(t.database.db, store, new Date(Date.now() + 60_000));
    expect(early.removed).toEqual([]);
    expect(await store.exists(orphan.sha256)).toBe(true);

    const later = await sweepUnreferenced(t.database.db, store, new Date(Date.now() + 2 * SWEEP_GRACE_MS));
    expect(later.removed).toEqual([orphan.sha256]);
    expect(await store.exists(orphan.sha256)).toBe(false);
    expect(await contentOf(store)).toEqual(kept);
  });

  it('keeps the sweep out of the gap between an object and the row naming it', async () => {
    const { db } = t.database;
    const later = new Date(Date.now() + 2 * SWEEP_GRACE_MS);
    const put = async (text: string) => {
      const o = await store.ingest(Readable.from([Buffer.from(`${text} ${name}`)]), 1000);
      await store.commit(o.tempPath, o.sha256);
      return o;
    };

    // The upload's transaction holds the object: a sweep started meanwhile waits for it, then
    // finds the row and leaves the object.
    const held = await put('being saved');
    let sweeping: Promise<unknown> | null = null;
    await db.transaction(async (tx) => {
      await holdStoredContent(tx, store, held.sha256);
      sweeping = sweepUnreferenced(db, store, later);
      // PostgreSQL: commit only once the sweep waits on the lock (PGlite runs one transaction at a time).
      if (testEngine === 'postgres') await waitForLockWaiter(held.sha256);
      await tx
        .insert(blobs)
        .values({ sha256: held.sha256, size: held.size, mime: 'text/plain', createdAt: later });
    });
    expect(await sweeping).toMatchObject({ removed: [] });
    expect(await store.exists(held.sha256)).toBe(true);

    // Swept before its row commits: the upload is refused, rather than naming a missing object.
    const swept = await put('swept first');
    expect((await sweepUnreferenced(db, store, later)).removed).toEqual([swept.sha256]);
    await expect(db.transaction((tx) => holdStoredContent(tx, store, swept.sha256))).rejects.toMatchObject({
      code: 'UPLOAD_INTERRUPTED',
    });
  });

  // The restore starts an embedded database on disk: slow on a busy machine.
  it('backs the store up and restores it into an empty one', { timeout: 180_000 }, async () => {
    const doc = await secretary.upload(
      `/api/records/${recordId}/evidence`,
      { kind: 'minutes' },
      '纪要.pdf',
      pdf(),
    );
    expect(doc.statusCode, doc.body).toBe(200);
    const dir = mkdtempSync(path.join(tmpdir(), 'duibiao-bucket-backup-'));
    temps.push(dir);
    const manifest = await createBackup({
      db: t.database.db,
      engine: t.database.kind,
      files: store,
      target: path.join(dir, 'backup'),
    });
    expect(manifest.warnings).toEqual([]);
    expect(manifest.files).toHaveLength((await contentOf(store)).length);

    const env: Record<string, string> = {
      DATA_DIR: path.join(dir, 'target'),
      ...(name === 'S3 bucket' ? await bucketEnv() : {}),
    };
    if (testEngine === 'postgres') {
      const target = await createPostgresDatabaseUrl();
      drops.push(target.drop);
      env.DATABASE_URL = target.url;
    }
    const targetConfig = loadConfig(env);
    await runRestore(targetConfig, path.join(dir, 'backup'));
    const restored = fileStoreFor(targetConfig);
    expect(await contentOf(restored)).toEqual(await contentOf(store));
    const any = manifest.files.find((f) => f.path.startsWith('blobs/'))!;
    const sha256 = any.path.slice(-64);
    const chunks: Buffer[] = [];
    for await (const c of restored.open(sha256)) chunks.push(c as Buffer);
    expect(Buffer.concat(chunks).length).toBe(any.size);
  });
});
