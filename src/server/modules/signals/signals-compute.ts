import type { Db } from '../../db/client.js';
import { cstDate } from '../../lib/dates.js';
import { getSetting } from '../settings/settings.service.js';
import { fileMatches, passageMatches, replaceSignals, type SignalInsert } from './signals.repo.js';

/** The thresholds of the signals, a setting (`integrity_thresholds`) over these defaults. */
export interface SignalThresholds {
  /** Bits of 64 two photos' hashes may differ by and still count as the same photo. */
  photoDistance: number;
  /** Trigram similarity (0–1) from which two passages count as the same text. */
  textSimilarity: number;
  /** Passages shorter than this are left out: dates, places and names repeat by nature. */
  minPassage: number;
  /** Days between the event and its entry from which a record counts as typed late. */
  lateDays: number;
}

/**
 * Defaults the tests justify: a resized, re-compressed or slightly trimmed copy differs by 0–4
 * bits and a different photo of the same room by 20 or more (image-hash.test.ts); a copied
 * paragraph with a few words changed reaches 0.6 and the minutes of another meeting on the same
 * topic do not (signals.test.ts).
 */
export const defaultThresholds: SignalThresholds = {
  photoDistance: 10,
  textSimilarity: 0.6,
  minPassage: 20,
  lateDays: 30,
};

export const THRESHOLDS_KEY = 'integrity_thresholds';

export async function thresholdsOf(db: Db): Promise<SignalThresholds> {
  return { ...defaultThresholds, ...(await getSetting<Partial<SignalThresholds>>(db, THRESHOLDS_KEY)) };
}

interface RecordFacts {
  id: number;
  occurredOn: string;
  createdAt: Date;
}

const days = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);

/**
 * Computes the record's signals and stores them, replacing the earlier ones (marks kept).
 * Runs in the submit transaction, so the reviewer never sees a submitted record without them;
 * running it twice gives the same rows.
 */
export async function computeSignals(db: Db, record: RecordFacts, now: Date): Promise<void> {
  const t = await thresholdsOf(db);
  const found: SignalInsert[] = [];
  for (const m of await fileMatches(db, record.id, t.photoDistance)) {
    found.push({
      kind: m.isImage ? 'same_photo' : 'same_file',
      key: `${m.evidenceId}:${m.otherEvidenceId}`,
      otherRecordId: m.otherRecordId,
      evidence: {
        evidenceId: m.evidenceId,
        name: m.name,
        otherEvidenceId: m.otherEvidenceId,
        otherName: m.otherName,
        sameBytes: m.sameBytes,
        distance: m.distance,
      },
    });
  }
  for (const m of await passageMatches(db, record.id, t.textSimilarity, t.minPassage)) {
    found.push({
      kind: 'similar_text',
      key: String(m.otherRecordId),
      otherRecordId: m.otherRecordId,
      evidence: { passage: m.passage, otherPassage: m.otherPassage, similarity: m.similarity },
    });
  }
  const typedOn = cstDate(record.createdAt);
  const late = days(record.occurredOn, typedOn);
  if (late > t.lateDays) {
    found.push({
      kind: 'late_entry',
      key: 'created',
      otherRecordId: null,
      evidence: { occurredOn: record.occurredOn, createdAt: record.createdAt.toISOString(), days: late },
    });
  }
  await replaceSignals(db, record.id, found, now);
}
