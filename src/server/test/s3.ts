import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  CreateBucketCommand,
  DeleteBucketCommand,
  DeleteObjectCommand,
  ListObjectsV2Command,
  S3Client,
} from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import type { S3Config } from '../config.js';

/**
 * The S3-speaking server the bucket tests use: TEST_S3_ENDPOINT when set (`.ci/run` starts s3rver
 * as a process of its own and sets it; keys S3RVER / S3RVER unless TEST_S3_ACCESS_KEY_ID and
 * TEST_S3_SECRET_ACCESS_KEY say otherwise), else s3rver (a devDependency) started here on a free
 * port with a temporary folder, while any test bucket is open. So the bucket tests never skip.
 */
const testS3Endpoint = process.env.TEST_S3_ENDPOINT || null;

let local: { endpoint: Promise<string>; server: S3rver; directory: string } | null = null;
let openBuckets = 0;

function endpoint(): Promise<string> {
  if (testS3Endpoint) return Promise.resolve(testS3Endpoint);
  if (!local) {
    const directory = mkdtempSync(path.join(tmpdir(), 'duibiao-s3rver-'));
    const server = new S3rver({ address: '127.0.0.1', port: 0, directory, silent: true });
    local = { server, directory, endpoint: server.run().then((a) => `http://127.0.0.1:${a.port}`) };
  }
  return local.endpoint;
}

async function release(): Promise<void> {
  if (--openBuckets > 0 || !local) return;
  const { server, directory } = local;
  local = null;
  await server.close();
  rmSync(directory, { recursive: true, force: true });
}

const credentials = {
  accessKeyId: process.env.TEST_S3_ACCESS_KEY_ID || 'S3RVER',
  secretAccessKey: process.env.TEST_S3_SECRET_ACCESS_KEY || 'S3RVER',
};

export interface TestBucket {
  config: S3Config;
  /** The S3_* variables that point an app or a script at this bucket. */
  env: Record<string, string>;
  /** Empties and deletes the bucket. */
  drop(): Promise<void>;
}

/** A new, empty bucket of its own on the test server. */
export async function createTestBucket(): Promise<TestBucket> {
  const bucket = `duibiao-test-${randomBytes(5).toString('hex')}`;
  openBuckets++;
  const config: S3Config = {
    bucket,
    endpoint: await endpoint(),
    region: 'us-east-1',
    credentials,
    prefix: '',
    forcePathStyle: true,
  };
  const client = new S3Client({
    region: config.region,
    endpoint: config.endpoint!,
    credentials,
    forcePathStyle: true,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  await client.send(new CreateBucketCommand({ Bucket: bucket }));
  return {
    config,
    env: {
      S3_BUCKET: bucket,
      S3_ENDPOINT: config.endpoint!,
      S3_ACCESS_KEY_ID: credentials.accessKeyId,
      S3_SECRET_ACCESS_KEY: credentials.secretAccessKey,
    },
    async drop() {
      const page = await client.send(new ListObjectsV2Command({ Bucket: bucket }));
      for (const o of page.Contents ?? [])
        await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: o.Key! }));
      await client.send(new DeleteBucketCommand({ Bucket: bucket }));
      client.destroy();
      await release();
    },
  };
}
