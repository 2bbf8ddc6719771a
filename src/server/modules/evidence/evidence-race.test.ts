import { existsSync, readdirSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { json, type TestClient } from '../../test/test-client.js';
import { testEngine } from '../../test/test-db.js';
import { jpeg, recordOf, startCampaign } from '../../test/fixtures.js';

type Detail = { id: number; version: number; status: string; evidence: { id: number }[] };

let t: TestApp;
let base: string;
let campaignId: number;
let secretary: TestClient;
let committee: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set(new Date('2026-03-20T09:00:00+08:00'));
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  committee = await t.login('jiguan');
  campaignId = (await startCampaign(committee, 2026, [1])).id;
  secretary = await t.login('zhibu1');
});
afterAll(async () => t.close());

const draft = async () =>
  json<Detail>(await secretary.post('/api/records', recordOf('study', campaignId, 1, '2026-03-18')));
const read = async (id: number) => json<Detail>(await secretary.get(`/api/records/${id}`));

/**
 * An upload over a real connection that sends everything but the closing boundary, so the server
 * holds the file open until `finish` is called; resolves with the status and error code.
 */
function pausedUpload(client: TestClient, recordId: number, content: Buffer) {
  const boundary = '----duibiaorace';
  const req = http.request(`${base}/api/records/${recordId}/evidence`, {
    method: 'POST',
    headers: {
      cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
      'x-csrf-token': client.csrf ?? '',
      'content-type': `multipart/form-data; boundary=${boundary}`,
      'transfer-encoding': 'chunked',
    },
  });
  const answer = new Promise<{ status: number; code?: string }>((resolve, reject) => {
    req.on('error', reject);
    req.on('response', (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () =>
        resolve({
          status: res.statusCode!,
          code: (JSON.parse(body) as { error?: { code: string } }).error?.code,
        }),
      );
    });
  });
  req.write(
    `--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\nphoto\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="现场.jpg"\r\n` +
      `Content-Type: image/jpeg\r\n\r\n`,
  );
  req.write(content);
  return {
    finish: () => {
      req.end(`\r\n--${boundary}--\r\n`);
      return answer;
    },
  };
}

/** Waits until an upload in progress has passed its first checks and is writing its file. */
async function untilUploadInProgress(): Promise<void> {
  const tmp = path.join(t.config.dataDir, 'files', 'tmp');
  for (let i = 0; i < 500; i++) {
    if (existsSync(tmp) && readdirSync(tmp).some((n) => n.endsWith('.part'))) return;
    await delay(20);
  }
  throw new Error('the upload never reached the file store');
}

/** PostgreSQL sessions of this database waiting for a lock. */
async function waitingOnLocks(): Promise<number> {
  const res = (await t.database.db.execute(
    sql`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`,
  )) as unknown as { rows: { n: number }[] };
  return res.rows[0]!.n;
}

async function untilWaiting(n: number): Promise<void> {
  for (let i = 0; i < 500; i++) {
    if ((await waitingOnLocks()) >= n) return;
    await delay(10);
  }
  throw new Error('no request is waiting for the lock');
}

describe('evidence against a record that changes state meanwhile', () => {
  it('refuses an upload that finishes after the record was submitted and approved', async () => {
    const rec = await draft();
    const upload = pausedUpload(secretary, rec.id, await jpeg());
    await untilUploadInProgress();
    expect((await secretary.post(`/api/records/${rec.id}/submit`, { version: rec.version })).statusCode).toBe(
      200,
    );
    expect((await committee.post(`/api/records/${rec.id}/review`, { decision: 'approved' })).statusCode).toBe(
      200,
    );
    expect(await upload.finish()).toEqual({ status: 409, code: 'RECORD_LOCKED' });
    const after = await read(rec.id);
    expect(after.status).toBe('approved');
    expect(after.evidence).toEqual([]);
  });

  it.runIf(testEngine === 'postgres')(
    'never withdraws evidence after the record was submitted (PostgreSQL, concurrent requests)',
    async () => {
      const rec = await draft();
      const added = json<{ id: number }>(
        await secretary.upload(
          `/api/records/${rec.id}/evidence`,
          { kind: 'photo' },
          '现场.jpg',
          await jpeg(),
          'image/jpeg',
        ),
      );
      const version = (await read(rec.id)).version;
      // Another session holds the evidence row, so the withdrawal stops just before its write.
      let release!: () => void;
      const held = new Promise<void>((r) => (release = r));
      let holding!: () => void;
      const holds = new Promise<void>((r) => (holding = r));
      const holder = t.database.db.transaction(async (tx) => {
        await tx.execute(sql`select id from evidence where id = ${added.id} for update`);
        holding();
        await held;
      });
      await holds;
      const removed = secretary.delete(`/api/records/${rec.id}/evidence/${added.id}`);
      await untilWaiting(1);
      let settled = false;
      const submitted = secretary
        .post(`/api/records/${rec.id}/submit`, { version })
        .finally(() => (settled = true));
      // The submission either completes at once or waits for the withdrawal to finish first.
      while (!settled && (await waitingOnLocks()) < 2) await delay(10);
      release();
      await holder;
      const [r, s] = await Promise.all([removed, submitted]);
      expect(s.statusCode).toBe(200);
      const trail = (await t.database.db.execute(
        sql`select action from audit_log where entity_type = 'record' and entity_id = ${String(rec.id)}
            and action in ('evidence.remove', 'record.submit') order by id`,
      )) as unknown as { rows: { action: string }[] };
      if (r.statusCode === 200) {
        // The withdrawal is written before the submission, never after it.
        expect(trail.rows.map((x) => x.action)).toEqual(['evidence.remove', 'record.submit']);
      } else {
        expect(json<{ error: { code: string } }>(r).error.code).toBe('RECORD_LOCKED');
        expect((await read(rec.id)).evidence.map((e) => e.id)).toEqual([added.id]);
      }
    },
  );
});
