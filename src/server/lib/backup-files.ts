import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, readdir, rename, rm, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

// Backup files on disk: hashing and durable copies.

export async function hashFile(file: string): Promise<{ sha256: string; size: number }> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    size += chunk.length;
  }
  return { sha256: hash.digest('hex'), size };
}

export async function syncAndClose(handle: FileHandle): Promise<void> {
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Copies a file (or a stream) through a temporary name, hashing the bytes; fsyncs before the rename. */
export async function copyHashed(
  from: string | Readable,
  to: string,
): Promise<{ sha256: string; size: number }> {
  await mkdir(path.dirname(to), { recursive: true });
  const temp = `${to}.${randomBytes(6).toString('hex')}.part`;
  const hash = createHash('sha256');
  let size = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk);
      size += chunk.length;
      done(null, chunk);
    },
  });
  try {
    await pipeline(typeof from === 'string' ? createReadStream(from) : from, meter, createWriteStream(temp));
    await syncAndClose(await open(temp, 'r+'));
    await rename(temp, to);
  } catch (err) {
    await rm(temp, { force: true });
    throw err;
  }
  return { sha256: hash.digest('hex'), size };
}

export const isSha256 = (s: string) => /^[0-9a-f]{64}$/.test(s);
/** A relative path inside the file store as the manifest gives it: blobs|thumbnails/xx/yy/<sha256>. */
export const storePath = /^(blobs|thumbnails)\/([0-9a-f]{2})\/([0-9a-f]{2})\/([0-9a-f]{64})$/;

export async function folderIsEmptyOrMissing(dir: string): Promise<boolean> {
  try {
    return (await readdir(dir)).length === 0;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return true;
    throw err;
  }
}

export const inside = (root: string, rel: string) => {
  const full = path.resolve(root, rel);
  return full.startsWith(path.resolve(root) + path.sep) ? full : null;
};
