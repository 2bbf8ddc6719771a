import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestBucket, type TestBucket } from '../test/s3.js';
import { S3FileStore } from './s3-storage.js';
import { LocalFileStore, type FileStore } from './storage.js';

// One contract, two stores: the local folder and an S3-compatible bucket behave the same.

const temps: string[] = [];
let bucket: TestBucket | null = null;

beforeAll(async () => {
  bucket = await createTestBucket();
});
afterAll(async () => {
  await bucket?.drop();
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'duibiao-store-'));
  temps.push(dir);
  return dir;
}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

async function listAll(store: FileStore) {
  const out: string[] = [];
  for await (const o of store.list()) out.push(`${o.kind}:${o.sha256}:${o.size}`);
  return out.sort();
}

const stores: [string, () => FileStore][] = [
  ['local folder', () => new LocalFileStore(tempDir())],
  // Each store its own prefix of the bucket, which also checks that keys keep to it.
  [
    'S3 bucket',
    () =>
      new S3FileStore(
        { ...bucket!.config, prefix: `t${randomBytes(4).toString('hex')}/` },
        path.join(tempDir(), 'tmp'),
      ),
  ],
];

// Requests to the bucket are slow on a busy machine.
describe.each(stores)('file store: %s', { timeout: 120_000 }, (_name, make) => {
  it('stores by content, serves the bytes back, lists and removes them', async () => {
    const store = make();
    const bytes = randomBytes(300_000);
    const ingested = await store.ingest(Readable.from([bytes.subarray(0, 1000), bytes.subarray(1000)]), 1e6);
    expect(ingested).toMatchObject({ size: bytes.length, truncated: false });
    expect(await store.exists(ingested.sha256)).toBe(false);
    await store.commit(ingested.tempPath, ingested.sha256);
    await store.discard(ingested.tempPath);
    await store.putThumbnail(ingested.sha256, Buffer.from('thumb'));

    expect(await readAll(store.open(ingested.sha256))).toEqual(bytes);
    expect((await readAll(store.openThumbnail(ingested.sha256))).toString()).toBe('thumb');
    expect(await store.head(ingested.sha256)).toMatchObject({ size: bytes.length, kind: 'blob' });
    expect(await listAll(store)).toEqual(
      [`blob:${ingested.sha256}:${bytes.length}`, `thumbnail:${ingested.sha256}:5`].sort(),
    );

    await store.remove(ingested.sha256);
    expect(await store.exists(ingested.sha256)).toBe(false);
    expect(await store.head(ingested.sha256)).toBeNull();
    expect(await listAll(store)).toEqual([]);
    // Reading what is not there fails the stream rather than hanging or serving nothing.
    await expect(readAll(store.open(ingested.sha256))).rejects.toThrow();
    // Removing again is not an error.
    await store.remove(ingested.sha256);
  });

  it('counts past the limit as truncated and stores nothing of it', async () => {
    const store = make();
    const ingested = await store.ingest(Readable.from([randomBytes(2000)]), 1000);
    expect(ingested.truncated).toBe(true);
    await store.discard(ingested.tempPath);
    expect(await listAll(store)).toEqual([]);
  });
});
