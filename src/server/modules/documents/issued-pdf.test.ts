import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IssuedDocument } from '../../../common/api/documents.js';
import { startCampaign } from '../../test/fixtures.js';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { json } from '../../test/test-client.js';
import { libreOfficePath } from './pdf.js';

/** An issued bulletin as PDF: converted from the stored Word file, so it reads as issued. */
const hasPdftotext = (() => {
  try {
    execFileSync('sh', ['-c', 'command -v pdftotext'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
const available = !!libreOfficePath() && hasPdftotext;
if (!available) console.warn('[issued-pdf] skipped: LibreOffice or pdftotext is not installed');

let t: TestApp;
let work: string;

describe.skipIf(!available)('issued documents as PDF', () => {
  beforeAll(async () => {
    t = await createTestApp();
    work = mkdtempSync(path.join(tmpdir(), 'duibiao-issued-pdf-'));
  });
  afterAll(async () => {
    await t?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('converts the stored file: its number, date and issuer, and no draft mark', async () => {
    t.clock.set(new Date('2026-04-06T09:00:00+08:00'));
    const committee = await t.login('jiguan');
    const campaign = await startCampaign(committee);
    const res = await committee.post('/api/documents/issued', {
      campaignId: campaign.id,
      kind: 'bulletin',
      periodKey: '2026-03',
    });
    expect(res.statusCode, res.body).toBe(200);
    const doc = json<IssuedDocument>(res);
    expect(doc.issuedOn).toBe('2026-04-06');
    const pdf = await committee.get(`/api/documents/issued/${doc.id}/file?format=pdf`);
    expect(pdf.statusCode, pdf.body.slice(0, 200)).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(decodeURIComponent(String(pdf.headers['content-disposition']))).toContain('（2026年第1期）.pdf');
    const file = path.join(work, 'issued.pdf');
    writeFileSync(file, pdf.rawPayload);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(text).toContain('2026年第1期');
    expect(text).toContain('中共华远工程有限公司机关委员会');
    expect(text).toContain('2026年4月6日');
    expect(text).not.toContain('草稿');
  });
});
