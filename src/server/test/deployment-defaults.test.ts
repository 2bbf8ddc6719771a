import { crc32, deflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, createTestApp, DEMO_PASSWORD, type TestApp } from './harness.js';
import { errorCode, json } from './test-client.js';
import { recordOf, startCampaign } from './fixtures.js';

/**
 * What a real deployment gets without tuning anything: the published demo password must be
 * replaced, cookies follow HTTPS through a trusted proxy, zip bombs are not stored as evidence,
 * and the API description is not handed to anonymous visitors.
 */
let t: TestApp;
beforeAll(async () => {
  // The defaults, except a trusted proxy in front.
  t = await createTestApp({ env: { DEMO_PASSWORD_CHANGE: '1', TRUST_PROXY: '1' } });
});
afterAll(async () => t.close());

/** A zip of the given entries, as Office writes them (deflated, central directory at the end). */
function zip(entries: [string, Buffer][]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, data] of entries) {
    const packed = deflateRawSync(data);
    const nameBytes = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc32(data), 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(8, 10);
    dir.writeUInt32LE(crc32(data), 16);
    dir.writeUInt32LE(packed.length, 20);
    dir.writeUInt32LE(data.length, 24);
    dir.writeUInt16LE(nameBytes.length, 28);
    dir.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, packed);
    central.push(dir, nameBytes);
    offset += local.length + nameBytes.length + packed.length;
  }
  const dirBytes = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dirBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dirBytes, end]);
}

const docx = (body: Buffer) =>
  zip([
    ['[Content_Types].xml', Buffer.from('<?xml version="1.0"?><Types/>')],
    ['word/document.xml', body],
  ]);

describe('defaults a real deployment relies on', () => {
  it('makes a demo account replace the published password at first sign-in, and refuses it as a new one', async () => {
    const secretary = await t.login('zhibu1', DEMO_PASSWORD);
    expect(
      json<{ user: { mustChangePassword: boolean } }>(await secretary.get('/api/auth/me')).user,
    ).toMatchObject({ mustChangePassword: true });
    expect(errorCode(await secretary.get('/api/records'))).toBe('PASSWORD_CHANGE_REQUIRED');
    const same = await secretary.post('/api/auth/password', {
      currentPassword: DEMO_PASSWORD,
      newPassword: DEMO_PASSWORD,
    });
    expect(errorCode(same)).toBe('PASSWORD_PUBLISHED');
    expect(
      (
        await secretary.post('/api/auth/password', {
          currentPassword: DEMO_PASSWORD,
          newPassword: 'Zhibu1@own',
        })
      ).statusCode,
    ).toBe(200);
    const again = await t.login('zhibu1', 'Zhibu1@own');
    expect((await again.get('/api/records')).statusCode).toBe(200);
    // Nobody moves to the published password later either.
    const admin = await t.login('admin', ADMIN_PASSWORD);
    expect(
      errorCode(
        await admin.post('/api/auth/password', {
          currentPassword: ADMIN_PASSWORD,
          newPassword: DEMO_PASSWORD,
        }),
      ),
    ).toBe('PASSWORD_PUBLISHED');
  });

  it('marks the session cookie Secure when the trusted proxy says the request came over HTTPS', async () => {
    const login = async (headers: Record<string, string>) =>
      (await t.anonymous()).request(
        'POST',
        '/api/auth/login',
        { username: 'admin', password: ADMIN_PASSWORD },
        headers,
      );
    const overHttps = await login({ 'x-forwarded-proto': 'https' });
    expect(overHttps.statusCode).toBe(200);
    expect(overHttps.cookies.find((c) => c.name === 'duibiao_sid')!.secure).toBe(true);
    const overHttp = await login({});
    expect(overHttp.cookies.find((c) => c.name === 'duibiao_sid')!.secure).toBeFalsy();
  });

  it('refuses an Office file that declares far more unpacked content than it holds', async () => {
    const committee = await t.login('jiguan', DEMO_PASSWORD);
    await committee.post('/api/auth/password', {
      currentPassword: DEMO_PASSWORD,
      newPassword: 'Jiguan@own1',
    });
    t.clock.set(new Date('2026-03-20T09:00:00+08:00'));
    const campaignId = (await startCampaign(await t.login('jiguan', 'Jiguan@own1'), 2026, [2])).id;
    const secretary = await t.login('zhibu2', DEMO_PASSWORD);
    await secretary.post('/api/auth/password', { currentPassword: DEMO_PASSWORD, newPassword: 'Zhibu2@own' });
    const sec = await t.login('zhibu2', 'Zhibu2@own');
    const rec = json<{ id: number }>(
      await sec.post('/api/records', recordOf('study', campaignId, 2, '2026-03-18')),
    );
    const url = `/api/records/${rec.id}/evidence`;
    // 50 MB of zeros packs into about 50 KB: a thousand times its size.
    const bomb = docx(Buffer.alloc(50 * 1024 * 1024));
    expect(bomb.length).toBeLessThan(200 * 1024);
    const refused = await sec.upload(url, { kind: 'document' }, '会议材料.docx', bomb);
    expect(errorCode(refused)).toBe('FILE_TYPE_REJECTED');
    expect(json<{ error: { message: string } }>(refused).error.message).toContain('压缩炸弹');
    // A real document (text compresses a few times) is stored as before.
    const text = Buffer.from(
      `<w:document>${'学习贯彻重要讲话精神,结合本部门工作交流研讨。'.repeat(400)}</w:document>`,
    );
    const accepted = await sec.upload(url, { kind: 'document' }, '会议材料.docx', docx(text));
    expect(accepted.statusCode).toBe(200);
    const evidence = json<{ evidence: { originalName: string }[] }>(
      await sec.get(`/api/records/${rec.id}`),
    ).evidence;
    expect(evidence.map((e) => e.originalName)).toEqual(['会议材料.docx']);
  });

  it('shows the API description to signed-in users only', async () => {
    const anonymous = await t.anonymous();
    expect(errorCode(await anonymous.get('/api/docs/json'))).toBe('UNAUTHENTICATED');
    expect((await anonymous.get('/api/docs/')).statusCode).toBe(401);
    const admin = await t.login('admin', ADMIN_PASSWORD);
    const spec = await admin.get('/api/docs/json');
    expect(spec.statusCode).toBe(200);
    expect(json<{ openapi: string }>(spec).openapi).toMatch(/^3\./);
  });
});
