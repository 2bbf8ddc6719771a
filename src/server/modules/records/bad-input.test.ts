import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { errorCode, json, type TestClient } from '../../test/test-client.js';
import sharp from 'sharp';
import { jpeg, recordOf, startCampaign } from '../../test/fixtures.js';

let t: TestApp;
let secretary: TestClient;
let campaignId: number;
let recordId: number;

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set(new Date('2026-03-20T10:00:00+08:00'));
  campaignId = (await startCampaign(await t.login('jiguan'))).id;
  secretary = await t.login('zhibu1');
  recordId = json<{ id: number }>(
    await secretary.post('/api/records', recordOf('study', campaignId, 1, '2026-03-18')),
  ).id;
});
afterAll(async () => t.close());

async function countRows(table: string): Promise<number> {
  const res = (await t.database.db.execute(
    sql`select count(*)::int as n from ${sql.identifier(table)}`,
  )) as unknown as {
    rows: { n: number }[];
  };
  return res.rows[0]!.n;
}

describe('records refuse bad input with a clear code and store nothing', () => {
  const base = () => recordOf('study', campaignId, 1, '2026-03-18');

  it.each([
    ['a missing title', () => ({ ...base(), title: undefined }), 'VALIDATION_FAILED'],
    ['a missing topic', () => ({ ...base(), data: { ...base().data, topic: '' } }), 'VALIDATION_FAILED'],
    [
      'a wrong 三会一课 form',
      () => ({ ...base(), data: { ...base().data, form: 'tea_party' } }),
      'VALIDATION_FAILED',
    ],
    ['a wrong kind', () => ({ ...base(), kind: 'party' }), 'VALIDATION_FAILED'],
    ['a malformed date', () => ({ ...base(), occurredOn: '2026-3-18' }), 'VALIDATION_FAILED'],
    [
      'a date in a month the campaign does not run',
      () => ({ ...base(), occurredOn: '2026-02-10' }),
      'DATE_OUTSIDE_CAMPAIGN',
    ],
    ['a date in another year', () => ({ ...base(), occurredOn: '2025-03-10' }), 'DATE_OUTSIDE_CAMPAIGN'],
    ['a date in the future', () => ({ ...base(), occurredOn: '2026-03-25' }), 'DATE_IN_FUTURE'],
    ['an unknown campaign', () => ({ ...base(), campaignId: 9999 }), 'INVALID_REFERENCE'],
    [
      'leave without a reason',
      () => ({ ...base(), attendance: [{ personId: 2, status: 'leave' }] }),
      'VALIDATION_FAILED',
    ],
    [
      'the same person twice',
      () => ({
        ...base(),
        attendance: [
          { personId: 2, status: 'present' },
          { personId: 2, status: 'absent' },
        ],
      }),
      'VALIDATION_FAILED',
    ],
    [
      'an unknown person',
      () => ({ ...base(), attendance: [{ personId: 99999, status: 'present' }] }),
      'INVALID_REFERENCE',
    ],
  ])('%s', async (_name, body, code) => {
    const before = await countRows('records');
    const res = await secretary.post('/api/records', body());
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
    expect(errorCode(res)).toBe(code);
    expect(json<{ error: { message: string } }>(res).error.message).toMatch(/[\u4e00-\u9fa5]/);
    expect(await countRows('records')).toBe(before);
  });

  it('names the field of a kind-specific problem', async () => {
    const res = await secretary.post('/api/records', {
      ...base(),
      data: { ...base().data, mode: 'carrier_pigeon' },
    });
    const details = json<{ error: { details: { path: string }[] } }>(res).error.details;
    expect(details.map((d) => d.path)).toContain('body.data.mode');
  });
});

describe('a record names only its branch’s people and a real department', () => {
  const personOf = async (where: string) =>
    (
      (await t.database.db.execute(
        sql.raw(`select id, name from people where ${where} order by id limit 1`),
      )) as unknown as { rows: { id: number; name: string }[] }
    ).rows[0]!;
  const study = (data: Record<string, unknown>) => {
    const body = recordOf('study', campaignId, 1, '2026-03-18');
    return { ...body, data: { ...body.data, ...data } };
  };
  const paths = (res: Awaited<ReturnType<TestClient['post']>>) =>
    json<{ error: { details: { path: string }[] } }>(res).error.details.map((d) => d.path);

  it('refuses a host or recorder from another branch, and says nothing of them', async () => {
    const stranger = await personOf('branch_id = 2 and active');
    const before = await countRows('records');
    const res = await secretary.post('/api/records', study({ hostPersonId: stranger.id }));
    expect(res.statusCode).toBe(400);
    expect(errorCode(res)).toBe('VALIDATION_FAILED');
    expect(paths(res)).toEqual(['body.data.hostPersonId']);
    expect(res.body).not.toContain(stranger.name);
    const recorder = await secretary.post('/api/records', study({ recorderPersonId: 99999 }));
    expect(paths(recorder)).toEqual(['body.data.recorderPersonId']);
    expect(await countRows('records')).toBe(before);
  });

  it('keeps a host who has since left on the record, but will not name them anew', async () => {
    const host = await personOf('branch_id = 1 and active');
    const created = await secretary.post('/api/records', study({ hostPersonId: host.id }));
    expect(created.statusCode).toBe(200);
    const record = json<{ id: number; version: number; title: string; occurredOn: string; data: object }>(
      created,
    );
    expect(json<{ personNames: Record<string, string> }>(created).personNames[host.id]).toBe(host.name);
    await t.database.db.execute(sql`update people set active = false where id = ${host.id}`);
    try {
      const kept = await secretary.put(`/api/records/${record.id}`, {
        title: `${record.title}(补充)`,
        occurredOn: record.occurredOn,
        data: record.data,
        version: record.version,
      });
      expect(kept.statusCode).toBe(200);
      const anew = await secretary.post('/api/records', study({ hostPersonId: host.id }));
      expect(paths(anew)).toEqual(['body.data.hostPersonId']);
    } finally {
      await t.database.db.execute(sql`update people set active = true where id = ${host.id}`);
    }
  });

  it('refuses a revision owned by a department that does not exist', async () => {
    const body = recordOf('rule_revision', campaignId, 1, '2026-03-18');
    const res = await secretary.post('/api/records', {
      ...body,
      data: { ...body.data, departmentId: 99999 },
    });
    expect(errorCode(res)).toBe('VALIDATION_FAILED');
    expect(paths(res)).toEqual(['body.data.departmentId']);
  });
});

describe('evidence uploads are checked by content', () => {
  const upload = (name: string, content: Buffer, fields: Record<string, string> = { kind: 'photo' }) =>
    secretary.upload(`/api/records/${recordId}/evidence`, fields, name, content);

  const cases: [string, string, () => Buffer | Promise<Buffer>, string][] = [
    [
      'a renamed executable',
      'photo.jpg',
      () => Buffer.concat([Buffer.from('MZ\x90\x00'), Buffer.alloc(2000, 1)]),
      'FILE_TYPE_REJECTED',
    ],
    [
      'an ELF binary',
      'scan.png',
      () => Buffer.concat([Buffer.from('\x7fELF'), Buffer.alloc(500)]),
      'FILE_TYPE_REJECTED',
    ],
    [
      'an SVG with script',
      'logo.svg',
      () => Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
      'FILE_TYPE_REJECTED',
    ],
    [
      'an HTML page',
      'minutes.pdf',
      () => Buffer.from('<!DOCTYPE html><html><body>hi</body></html>'),
      'FILE_TYPE_REJECTED',
    ],
    [
      'a JPEG header on garbage',
      'fake.jpg',
      () => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(300, 7)]),
      'FILE_TYPE_REJECTED',
    ],
    [
      'a JPEG/HTML polyglot',
      'poly.jpg',
      async () =>
        Buffer.concat([
          Buffer.from([0xff, 0xd8, 0xff, 0xe0]),
          Buffer.from('<html><script>x</script>'),
          await jpeg(),
        ]),
      'FILE_TYPE_REJECTED',
    ],
    ['a path traversal name', '../../etc/passwd.jpg', jpeg, 'FILE_NAME_INVALID'],
    ['a backslash path', '..\\\\boot.jpg', jpeg, 'FILE_NAME_INVALID'],
    ['an empty file', 'empty.jpg', () => Buffer.alloc(0), 'FILE_TYPE_REJECTED'],
  ];

  it.each(cases)('refuses %s', async (_name, fileName, make, code) => {
    const evidenceBefore = await countRows('evidence');
    const blobsBefore = await countRows('blobs');
    const res = await upload(fileName, await make());
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
    expect(errorCode(res)).toBe(code);
    expect(await countRows('evidence')).toBe(evidenceBefore);
    expect(await countRows('blobs')).toBe(blobsBefore);
  });

  it('refuses an oversize file (limit from MAX_UPLOAD_MB)', async () => {
    const small = await createTestApp({ env: { MAX_UPLOAD_MB: '1' } });
    try {
      small.clock.set(new Date('2026-03-20T10:00:00+08:00'));
      const cid = (await startCampaign(await small.login('jiguan'))).id;
      const sec = await small.login('zhibu1');
      const rid = json<{ id: number }>(
        await sec.post('/api/records', recordOf('study', cid, 1, '2026-03-18')),
      ).id;
      const big = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(1_200_000, 32)]);
      const res = await sec.upload(`/api/records/${rid}/evidence`, { kind: 'document' }, 'big.pdf', big);
      expect(res.statusCode).toBe(413);
      expect(errorCode(res)).toBe('FILE_TOO_LARGE');
      expect(json<{ evidence: unknown[] }>(await sec.get(`/api/records/${rid}`)).evidence).toHaveLength(0);
    } finally {
      await small.close();
    }
    // Its own app (another upload limit) starts within the test: allow for a loaded machine.
  }, 120_000);

  it('rejects a bad evidence kind field', async () => {
    const res = await upload('photo.jpg', await jpeg(), { kind: 'selfie' });
    expect(errorCode(res)).toBe('VALIDATION_FAILED');
  });

  it('names a double-extension photo by its real type and serves it as an attachment with nosniff', async () => {
    const res = await upload('现场.jpg.exe', await jpeg());
    expect(res.statusCode, res.body).toBe(200);
    const { id } = json<{ id: number }>(res);
    const file = await secretary.get(`/api/evidence/${id}/file`);
    expect(file.headers['content-type']).toBe('image/jpeg');
    expect(file.headers['x-content-type-options']).toBe('nosniff');
    expect(String(file.headers['content-disposition'])).toMatch(/^attachment;/);
    expect(String(file.headers['content-disposition'])).toContain(encodeURIComponent('现场.jpg'));
    expect(String(file.headers['content-disposition'])).not.toContain('exe');
    expect(
      file.rawPayload.equals(await secretary.get(`/api/evidence/${id}/file`).then((r) => r.rawPayload)),
    ).toBe(true);
  });

  it('stores identical content once (content address) but lists it per upload', async () => {
    const photo = await sharp({
      create: { width: 30, height: 30, channels: 3, background: { r: 1, g: 99, b: 7 } },
    })
      .png()
      .toBuffer();
    const blobs = await countRows('blobs');
    const evidence = await countRows('evidence');
    expect((await upload('a.png', photo)).statusCode).toBe(200);
    expect((await upload('b.png', photo)).statusCode).toBe(200);
    expect(await countRows('blobs')).toBe(blobs + 1);
    expect(await countRows('evidence')).toBe(evidence + 2);
  });
});
