import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';

export interface Ingested {
  tempPath: string;
  sha256: string;
  size: number;
  truncated: boolean;
}

/** An object of the store as a listing or a look-up gives it. */
export interface StoredObject {
  sha256: string;
  /** The original bytes, or the preview made of an image. */
  kind: 'blob' | 'thumbnail';
  size: number;
  modifiedAt: Date;
}

/**
 * Where evidence bytes live, by SHA-256: the local folder under DATA_DIR (`LocalFileStore`, the
 * embedded default) or an S3-compatible bucket (`S3FileStore`) for instances that share no disk.
 * Either way an upload is written to a local temp file first, hashed and checked there, and made
 * durable by `commit` before the database row that names it commits: a crash can leave an object
 * no row references (the sweep removes those), never a row pointing at a missing object.
 */
export interface FileStore {
  /** Streams into a temporary file while hashing; stops counting past maxBytes. */
  ingest(stream: Readable, maxBytes: number): Promise<Ingested>;
  /** Makes an ingested file durable at its content address; the temp file is consumed. */
  commit(tempPath: string, sha256: string): Promise<void>;
  discard(tempPath: string): Promise<void>;
  readWhole(tempPath: string): Promise<Buffer>;
  open(sha256: string): Readable;
  exists(sha256: string): Promise<boolean>;
  /** The original's size and time of writing, or null when it is not stored. */
  head(sha256: string): Promise<StoredObject | null>;
  putThumbnail(sha256: string, data: Buffer): Promise<void>;
  openThumbnail(sha256: string): Readable;
  /** Every original and thumbnail stored, in no particular order. */
  list(): AsyncIterable<StoredObject>;
  /** Deletes an original and its thumbnail; nothing stored is not an error. */
  remove(sha256: string): Promise<void>;
  /** Removes upload temp files older than `olderThanMs` (a crash leaves them); returns how many. */
  sweepTemporary(olderThanMs: number, now: Date): Promise<number>;
}

export const isContentAddress = (s: string) => /^[0-9a-f]{64}$/.test(s);

/** The folder of each kind of object, in the local store, the bucket and a backup alike. */
export const storeFolders = { blob: 'blobs', thumbnail: 'thumbnails' } as const;

/** An object's place inside the store: `blobs/ab/cd/abcd…` (two levels keep folders small). */
export const storeRelPath = (sha256: string, kind: StoredObject['kind'] = 'blob'): string =>
  `${storeFolders[kind]}/${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`;

/** Hashes a stream into a new `.part` file of `tmpDir`, counting its size against maxBytes. */
export async function ingestToTemp(tmpDir: string, stream: Readable, maxBytes: number): Promise<Ingested> {
  await mkdir(tmpDir, { recursive: true });
  const tempPath = path.join(tmpDir, `${Date.now()}-${randomBytes(8).toString('hex')}.part`);
  const hash = createHash('sha256');
  let size = 0;
  let truncated = false;
  const meter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      size += chunk.length;
      if (size > maxBytes) {
        truncated = true;
        return done();
      }
      hash.update(chunk);
      done(null, chunk);
    },
  });
  try {
    await pipeline(stream, meter, createWriteStream(tempPath));
  } catch (err) {
    // The multipart parser ends an oversize stream with its own error: that is "too large".
    if ((err as { code?: string }).code !== 'FST_REQ_FILE_TOO_LARGE') {
      await rm(tempPath, { force: true });
      throw err;
    }
    truncated = true;
  }
  if ((stream as { truncated?: boolean }).truncated) truncated = true;
  return { tempPath, sha256: hash.digest('hex'), size, truncated };
}

/**
 * Removes `.part` files of `tmpDir` older than `olderThanMs`: a process killed mid-upload leaves
 * its `.part` behind, and nothing else would ever delete it. Younger files may be uploads still
 * running in this or another instance, so they stay. Returns how many were removed.
 */
export async function sweepTempFolder(tmpDir: string, olderThanMs: number, now: Date): Promise<number> {
  let names: string[];
  try {
    names = await readdir(tmpDir);
  } catch {
    return 0;
  }
  let removed = 0;
  for (const name of names) {
    if (!name.endsWith('.part')) continue;
    const file = path.join(tmpDir, name);
    const info = await stat(file).catch(() => null);
    if (info && now.getTime() - info.mtimeMs > olderThanMs) {
      await rm(file, { force: true });
      removed++;
    }
  }
  return removed;
}

export class LocalFileStore implements FileStore {
  private readonly tmpDir: string;
  constructor(private readonly root: string) {
    this.tmpDir = path.join(root, 'tmp');
  }

  private pathOf(sha256: string, kind: StoredObject['kind'] = 'blob'): string {
    if (!isContentAddress(sha256)) throw new Error('invalid content address');
    return path.join(this.root, storeRelPath(sha256, kind));
  }

  ingest(stream: Readable, maxBytes: number): Promise<Ingested> {
    return ingestToTemp(this.tmpDir, stream, maxBytes);
  }

  async commit(tempPath: string, sha256: string): Promise<void> {
    const target = this.pathOf(sha256);
    await mkdir(path.dirname(target), { recursive: true });
    const handle = await open(tempPath, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tempPath, target);
    // The rename itself is durable only once the folder is synced.
    const dir = await open(path.dirname(target), 'r');
    try {
      await dir.sync();
    } finally {
      await dir.close();
    }
  }

  async discard(tempPath: string): Promise<void> {
    await rm(tempPath, { force: true });
  }

  readWhole(tempPath: string): Promise<Buffer> {
    return readFile(tempPath);
  }

  open(sha256: string): Readable {
    return createReadStream(this.pathOf(sha256));
  }

  async exists(sha256: string): Promise<boolean> {
    try {
      await stat(this.pathOf(sha256));
      return true;
    } catch {
      return false;
    }
  }

  async putThumbnail(sha256: string, data: Buffer): Promise<void> {
    const target = this.pathOf(sha256, 'thumbnail');
    await mkdir(path.dirname(target), { recursive: true });
    const temp = `${target}.${randomBytes(4).toString('hex')}.part`;
    await writeFile(temp, data);
    await rename(temp, target);
  }

  openThumbnail(sha256: string): Readable {
    return createReadStream(this.pathOf(sha256, 'thumbnail'));
  }

  sweepTemporary(olderThanMs: number, now: Date): Promise<number> {
    return sweepTempFolder(this.tmpDir, olderThanMs, now);
  }

  async head(sha256: string): Promise<StoredObject | null> {
    const info = await stat(this.pathOf(sha256)).catch(() => null);
    return info ? { sha256, kind: 'blob', size: info.size, modifiedAt: info.mtime } : null;
  }

  async *list(): AsyncIterable<StoredObject> {
    for (const kind of ['blob', 'thumbnail'] as const) {
      const root = path.join(this.root, storeFolders[kind]);
      let entries;
      try {
        entries = await readdir(root, { recursive: true, withFileTypes: true });
      } catch {
        continue;
      }
      for (const e of entries) {
        if (!e.isFile() || !isContentAddress(e.name)) continue;
        const info = await stat(path.join(e.parentPath, e.name)).catch(() => null);
        if (info) yield { sha256: e.name, kind, size: info.size, modifiedAt: info.mtime };
      }
    }
  }

  async remove(sha256: string): Promise<void> {
    await rm(this.pathOf(sha256, 'thumbnail'), { force: true });
    await rm(this.pathOf(sha256), { force: true });
  }
}
