import { createReadStream } from 'node:fs';
import { readFile, rm, stat } from 'node:fs/promises';
import { PassThrough, type Readable } from 'node:stream';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import type { S3Config } from '../config.js';
import {
  ingestToTemp,
  isContentAddress,
  storeFolders,
  storeRelPath,
  sweepTempFolder,
  type FileStore,
  type Ingested,
  type StoredObject,
} from './storage.js';

/**
 * Evidence in an S3-compatible bucket, keyed as the local store lays out its folders
 * (`[prefix]blobs/ab/cd/abcd…`, `[prefix]thumbnails/…`), so a backup reads the same either way.
 * Uploads are hashed and checked in a local temp file first and put whole (with their length)
 * before the database row commits; a put either completes or leaves nothing under the key.
 */
export class S3FileStore implements FileStore {
  readonly client: S3Client;

  constructor(
    private readonly s3: S3Config,
    private readonly tmpDir: string,
  ) {
    this.client = new S3Client({
      region: s3.region,
      ...(s3.endpoint ? { endpoint: s3.endpoint } : {}),
      ...(s3.credentials ? { credentials: s3.credentials } : {}),
      forcePathStyle: s3.forcePathStyle,
      // Checksums only where the operation demands them: many S3-compatible servers (older MinIO,
      // several clouds' gateways) refuse or mangle the SDK's default trailing CRC32 on uploads.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
  }

  private key(sha256: string, kind: StoredObject['kind'] = 'blob'): string {
    if (!isContentAddress(sha256)) throw new Error('invalid content address');
    return `${this.s3.prefix}${storeRelPath(sha256, kind)}`;
  }

  ingest(stream: Readable, maxBytes: number): Promise<Ingested> {
    return ingestToTemp(this.tmpDir, stream, maxBytes);
  }

  async commit(tempPath: string, sha256: string): Promise<void> {
    const { size } = await stat(tempPath);
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.s3.bucket,
        Key: this.key(sha256),
        Body: createReadStream(tempPath),
        ContentLength: size,
        ContentType: 'application/octet-stream',
      }),
    );
    await rm(tempPath, { force: true });
  }

  async discard(tempPath: string): Promise<void> {
    await rm(tempPath, { force: true });
  }

  readWhole(tempPath: string): Promise<Buffer> {
    return readFile(tempPath);
  }

  /** The object's bytes; a missing object or a failed request ends the stream with its error. */
  private stream(key: string): Readable {
    const out = new PassThrough();
    this.client
      .send(new GetObjectCommand({ Bucket: this.s3.bucket, Key: key }))
      .then((res) => {
        const body = res.Body as Readable;
        body.on('error', (err) => out.destroy(err));
        body.pipe(out);
      })
      .catch((err: unknown) => out.destroy(err as Error));
    return out;
  }

  open(sha256: string): Readable {
    return this.stream(this.key(sha256));
  }

  openThumbnail(sha256: string): Readable {
    return this.stream(this.key(sha256, 'thumbnail'));
  }

  async head(sha256: string): Promise<StoredObject | null> {
    try {
      const res = await this.client.send(
        new HeadObjectCommand({ Bucket: this.s3.bucket, Key: this.key(sha256) }),
      );
      return {
        sha256,
        kind: 'blob',
        size: res.ContentLength ?? 0,
        modifiedAt: res.LastModified ?? new Date(0),
      };
    } catch (err) {
      const status = (err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
      if (status === 404) return null;
      throw err;
    }
  }

  async exists(sha256: string): Promise<boolean> {
    return (await this.head(sha256)) !== null;
  }

  async putThumbnail(sha256: string, data: Buffer): Promise<void> {
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.s3.bucket,
        Key: this.key(sha256, 'thumbnail'),
        Body: data,
        ContentType: 'image/jpeg',
      }),
    );
  }

  async *list(): AsyncIterable<StoredObject> {
    for (const kind of ['blob', 'thumbnail'] as const) {
      const prefix = `${this.s3.prefix}${storeFolders[kind]}/`;
      let token: string | undefined;
      do {
        const page = await this.client.send(
          new ListObjectsV2Command({ Bucket: this.s3.bucket, Prefix: prefix, ContinuationToken: token }),
        );
        for (const o of page.Contents ?? []) {
          const name = o.Key?.slice(o.Key.lastIndexOf('/') + 1) ?? '';
          if (!isContentAddress(name)) continue;
          yield { sha256: name, kind, size: o.Size ?? 0, modifiedAt: o.LastModified ?? new Date(0) };
        }
        token = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (token);
    }
  }

  async remove(sha256: string): Promise<void> {
    // One request per key: the batch delete needs a body checksum some compatible servers reject.
    for (const kind of ['thumbnail', 'blob'] as const)
      await this.client.send(
        new DeleteObjectCommand({ Bucket: this.s3.bucket, Key: this.key(sha256, kind) }),
      );
  }

  sweepTemporary(olderThanMs: number, now: Date): Promise<number> {
    return sweepTempFolder(this.tmpDir, olderThanMs, now);
  }
}
