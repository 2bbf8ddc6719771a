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

/**
 * Where evidence bytes live. The local store keeps them under DATA_DIR by SHA-256; an
 * S3-compatible store can implement the same interface for instances without a shared disk.
 */
export interface FileStore {
  /** Streams into a temporary file while hashing; stops counting past maxBytes. */
  ingest(stream: Readable, maxBytes: number): Promise<Ingested>;
  /** Makes an ingested file durable at its content address (fsync, then rename). */
  commit(tempPath: string, sha256: string): Promise<void>;
  discard(tempPath: string): Promise<void>;
  readWhole(tempPath: string): Promise<Buffer>;
  open(sha256: string): Readable;
  exists(sha256: string): Promise<boolean>;
  putThumbnail(sha256: string, data: Buffer): Promise<void>;
  openThumbnail(sha256: string): Readable;
}

export class LocalFileStore implements FileStore {
  private readonly tmpDir: string;
  constructor(private readonly root: string) {
    this.tmpDir = path.join(root, 'tmp');
  }

  private pathOf(sha256: string, folder = 'blobs'): string {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error('invalid content address');
    return path.join(this.root, folder, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  async ingest(stream: Readable, maxBytes: number): Promise<Ingested> {
    await mkdir(this.tmpDir, { recursive: true });
    const tempPath = path.join(this.tmpDir, `${Date.now()}-${randomBytes(8).toString('hex')}.part`);
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
    const target = this.pathOf(sha256, 'thumbnails');
    await mkdir(path.dirname(target), { recursive: true });
    const temp = `${target}.${randomBytes(4).toString('hex')}.part`;
    await writeFile(temp, data);
    await rename(temp, target);
  }

  openThumbnail(sha256: string): Readable {
    return createReadStream(this.pathOf(sha256, 'thumbnails'));
  }

  /**
   * Removes upload temp files older than `olderThanMs`: a process killed mid-upload leaves its
   * `.part` behind, and nothing else would ever delete it. Younger files may be uploads still
   * running in this or another instance, so they stay. Returns how many were removed.
   */
  async sweepTemporary(olderThanMs: number, now: Date): Promise<number> {
    let names: string[];
    try {
      names = await readdir(this.tmpDir);
    } catch {
      return 0;
    }
    let removed = 0;
    for (const name of names) {
      if (!name.endsWith('.part')) continue;
      const file = path.join(this.tmpDir, name);
      const info = await stat(file).catch(() => null);
      if (info && now.getTime() - info.mtimeMs > olderThanMs) {
        await rm(file, { force: true });
        removed++;
      }
    }
    return removed;
  }
}
