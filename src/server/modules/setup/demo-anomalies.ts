import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import sharp from 'sharp';
import type { ServiceDeps } from '../../lib/service-deps.js';
import { addDays } from '../../lib/dates.js';
import { imageHash } from '../../lib/image-hash.js';
import { computeSignals, storePassagesOfCampaign } from '../signals/signals-compute.js';
import { insertDemoEvidence } from './demo-evidence.repo.js';
import {
  demoRecords,
  photoOf,
  setHistoryTime,
  setImageHash,
  setProblemOfRecord,
  setRecord,
  type DemoRecord,
} from './demo-anomalies.repo.js';

const at = (date: string, time: string) => new Date(`${date}T${time}:00+08:00`);

/**
 * A few deliberate anomalies in the demo year, so a new user sees the integrity signals on the
 * records waiting for review in December: a photo of another branch's meeting reused (trimmed
 * and re-compressed), a problem another branch already reported solved, another branch's article
 * credited again, and a meeting typed five weeks after it was held. The campaign's passages are
 * stored for later submits to compare with, and the anomalous records' signals computed, as a
 * submit would have; the rest of the year is loaded as it was handed in, without signals.
 */
export async function plantDemoAnomalies(
  deps: Pick<ServiceDeps, 'db' | 'files' | 'clock'>,
  campaignId: number,
) {
  const { db, files, clock } = deps;
  const all = await demoRecords(db, campaignId);
  const pick = (branch: number, kind: string, month: string, status?: string) =>
    all.find(
      (r) =>
        r.branchOrder === branch &&
        r.kind === kind &&
        r.periodKey === `2020-${month}` &&
        (!status || r.status === status),
    );
  const planted: DemoRecord[] = [];

  // A reused photo: the fourth branch's December theme day shows the first branch's earlier one.
  const target = pick(3, 'theme_day', '12', 'submitted');
  const source = await firstPhoto(
    db,
    all.filter((r) => r.branchOrder === 0 && r.kind === 'theme_day'),
  );
  if (target && source) {
    const original = await buffer(files.open(source.sha256));
    const copy = await sharp(original)
      .extract(trim(await sharp(original).metadata()))
      .jpeg({ quality: 60 })
      .toBuffer();
    const { tempPath, sha256 } = await files.ingest(Readable.from([copy]), copy.length + 1);
    await files.commit(tempPath, sha256);
    await files.putThumbnail(sha256, await sharp(copy).resize(320, 320, { fit: 'inside' }).jpeg().toBuffer());
    await setImageHash(db, source.sha256, await imageHash(original));
    await insertDemoEvidence(
      db,
      [
        {
          sha256,
          size: copy.length,
          mime: 'image/jpeg',
          hasThumbnail: true,
          imageHash: await imageHash(copy),
          createdAt: clock.now(),
        },
      ],
      [
        {
          recordId: target.id,
          sha256,
          kind: 'photo',
          originalName: '主题党日现场.jpg',
          caption: target.title,
          validOn: target.occurredOn,
          uploadedBy: target.createdBy,
          uploadedAt: target.createdAt,
        },
      ],
    );
    planted.push(target);
  }

  // A repeated problem: the fourth branch's December problem is the first branch's of April again.
  const solved = pick(0, 'grassroots_problem', '04');
  const again = pick(3, 'grassroots_problem', '12', 'submitted');
  if (solved && again) {
    const description = String(solved.data.description).replace('反映:', '再次反映:');
    const unitId = Number(solved.data.unitId);
    const title = `协调解决${String(solved.title).replace(/^帮助/, '')}`;
    await setRecord(db, again.id, { title, data: { ...again.data, unitId, description } });
    await setProblemOfRecord(db, again.id, { unitId, title, description });
    planted.push(again);
  }

  // A copied article: the third branch's December item is the second branch's October one.
  const article = pick(1, 'publicity', '10');
  const copied = pick(2, 'publicity', '12', 'submitted');
  if (article && copied) {
    const [website] = article.data.channels as { link: string }[];
    const channels = copied.data.channels as { channel: string; link: string }[];
    await setRecord(db, copied.id, {
      title: article.title.replace('》', '》(转发)'),
      data: {
        ...copied.data,
        channels: channels.map((c, i) => (i === 0 ? { ...c, link: website!.link } : c)),
      },
    });
    planted.push(copied);
  }

  // A back-dated record: the fifth branch's December theme day, typed and handed in five weeks later.
  const late = pick(4, 'theme_day', '12', 'submitted');
  if (late) {
    const typed = at(addDays(late.occurredOn, 36), '10:00');
    const handedIn = at(addDays(late.occurredOn, 36), '11:00');
    await setRecord(db, late.id, {
      createdAt: typed,
      submittedAt: handedIn,
      firstSubmittedAt: handedIn,
      updatedAt: handedIn,
    });
    await setHistoryTime(db, late.id, 'create', typed);
    await setHistoryTime(db, late.id, 'submit', handedIn);
    planted.push({ ...late, createdAt: typed });
  }

  await storePassagesOfCampaign(db, campaignId);
  for (const r of planted) await computeSignals(db, r, clock.now());
}

async function firstPhoto(db: Parameters<typeof photoOf>[0], candidates: DemoRecord[]) {
  for (const r of candidates) {
    const sha256 = await photoOf(db, r.id);
    if (sha256) return { record: r, sha256 };
  }
  return undefined;
}

/** Three per cent off each edge, as a copy cropped for another upload is. */
function trim(meta: { width?: number; height?: number }) {
  const width = meta.width ?? 800;
  const height = meta.height ?? 600;
  const left = Math.round(width * 0.03);
  const top = Math.round(height * 0.03);
  return { left, top, width: width - 2 * left, height: height - 2 * top };
}
