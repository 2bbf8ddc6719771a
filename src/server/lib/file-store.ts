import path from 'node:path';
import type { Config } from '../config.js';
import type { Db } from '../db/client.js';
import { shareContentLock } from '../db/content-lock.js';
import { AppError } from './errors.js';
import { S3FileStore } from './s3-storage.js';
import { LocalFileStore, type FileStore } from './storage.js';

/**
 * The evidence store the configuration names: the bucket when S3_BUCKET is set, else the folder
 * DATA_DIR/files. Uploads are staged in DATA_DIR/files/tmp either way.
 */
export function fileStoreFor(config: Config): FileStore {
  const root = path.join(config.dataDir, 'files');
  return config.s3 ? new S3FileStore(config.s3, path.join(root, 'tmp')) : new LocalFileStore(root);
}

/**
 * In the transaction that inserts a row naming `sha256`, after its object was written: holds the
 * content lock (see db/content-lock.ts) and checks the object is still stored, so a sweep running
 * meanwhile cannot leave the row pointing at nothing.
 */
export async function holdStoredContent(tx: Db, files: FileStore, sha256: string): Promise<void> {
  await shareContentLock(tx, sha256);
  if (!(await files.exists(sha256))) throw new AppError('UPLOAD_INTERRUPTED');
}
