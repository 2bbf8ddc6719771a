import { Readable } from 'node:stream';
import sharp from 'sharp';
import type { ServiceDeps } from '../../lib/service-deps.js';
import type { AuthedContext } from '../../lib/actor.js';
import { writeAudit } from '../../lib/audit.js';
import { meetingPhoto, signInSheetScan } from './demo-evidence.js';
import { demoMeetings, insertDemoEvidence } from './demo-evidence.repo.js';

const cn = (date: string) =>
  `${Number(date.slice(0, 4))}年${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;

/**
 * Attaches what branches upload to their meetings: a photo to about half, a sign-in sheet to about
 * a third of those held in person — some meetings have neither, as in a real year (and drawing
 * every picture would make the first start slow).
 * Files are stored (synced, at their content address) before the rows that name them commit.
 */
export async function attachDemoEvidence(
  deps: Pick<ServiceDeps, 'db' | 'files' | 'clock'>,
  ctx: AuthedContext,
  campaignId: number,
) {
  const { db, files, clock } = deps;
  const meetings = await demoMeetings(db, campaignId);
  const blobRows: Parameters<typeof insertDemoEvidence>[1] = [];
  const evidenceRows: Parameters<typeof insertDemoEvidence>[2] = [];
  /** Stores a picture (synced, at its content address) with its thumbnail, as an upload would be. */
  const store = async (bytes: Buffer) => {
    const { tempPath, sha256 } = await files.ingest(Readable.from([bytes]), bytes.length + 1);
    await files.commit(tempPath, sha256);
    await files.putThumbnail(
      sha256,
      await sharp(bytes).resize(320, 320, { fit: 'inside' }).jpeg({ quality: 75 }).toBuffer(),
    );
    blobRows.push({
      sha256,
      size: bytes.length,
      mime: 'image/jpeg',
      hasThumbnail: true,
      createdAt: clock.now(),
    });
    return sha256;
  };
  for (const m of meetings) {
    const data = m.data as {
      place?: string;
      platform?: string;
      startTime?: string;
      endTime?: string;
      mode?: string;
    };
    const present = m.attendance.filter((a) => a.status === 'present').length;
    const common = {
      recordId: m.id,
      validOn: m.occurredOn,
      uploadedBy: m.createdBy,
      uploadedAt: m.createdAt,
    };
    if (m.id % 2 === 0) {
      evidenceRows.push({
        ...common,
        sha256: await store(await meetingPhoto(m.id, present)),
        kind: 'photo',
        originalName: `${m.kind === 'study' ? '学习研讨' : '主题党日'}现场.jpg`,
        caption: m.title,
      });
    }
    const inPerson = !data.mode || data.mode === 'in_person';
    if (inPerson && m.id % 3 === 0 && m.attendance.length) {
      const time = data.startTime && data.endTime ? ` ${data.startTime}—${data.endTime}` : '';
      const sheet = await signInSheetScan(
        {
          title: `${m.branchName}${Number(m.occurredOn.slice(0, 4))}年${Number(m.occurredOn.slice(5, 7))}月${m.kind === 'study' ? '学习研讨' : '主题党日'}`,
          date: `${cn(m.occurredOn)}${time}`,
          place: data.place || '',
          people: m.attendance.map((a) => ({ name: a.name, status: a.status })),
        },
        m.id,
      );
      evidenceRows.push({
        ...common,
        sha256: await store(sheet),
        kind: 'sign_in_sheet',
        originalName: '签到表.jpg',
        caption: null,
      });
    }
  }
  await db.transaction(async (tx) => {
    await insertDemoEvidence(tx, blobRows, evidenceRows);
    await writeAudit(tx, ctx, clock, {
      action: 'demo.evidence_attached',
      entityType: 'campaign',
      entityId: campaignId,
      after: { files: evidenceRows.length },
    });
  });
}
