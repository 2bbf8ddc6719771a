import type { Db } from '../../db/client.js';
import { getSetting } from '../settings/settings.service.js';

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
  /** Trigram similarity (0–1) from which two publicity titles count as the same item. */
  titleSimilarity: number;
  /** Minutes before the start and after the end of a meeting in which a sign-in still fits. */
  signInGraceMinutes: number;
  /** A branch's month typed within this many minutes, first record to last, is one burst… */
  rushMinutes: number;
  /** …a signal when it starts within this many hours before the end of the due date… */
  rushHours: number;
  /** …and holds at least this many records. */
  rushMinRecords: number;
  /** Consecutive meetings (of one kind and form) with the same people present, the same absent. */
  sameAttendanceRun: number;
}

/**
 * Defaults the tests justify: a resized, re-compressed or slightly trimmed copy differs by 0–4
 * bits and a different photo of the same room by 20 or more (image-hash.test.ts); a copied
 * paragraph with a few words changed reaches 0.6 and the minutes of another meeting on the same
 * topic do not (signals.test.ts). A publicity title with only the branch's name changed reaches
 * 0.7 and another item on the same activity does not; a sign-in 20 minutes early fits and one
 * the evening after does not; a month typed in 40 minutes on its last afternoon is a burst and a
 * month typed over its days is not; three meetings leaving out the same people look copied and
 * three with everyone present do not (signals-kinds.test.ts).
 */
export const defaultThresholds: SignalThresholds = {
  photoDistance: 10,
  textSimilarity: 0.6,
  minPassage: 20,
  lateDays: 30,
  titleSimilarity: 0.7,
  signInGraceMinutes: 30,
  rushMinutes: 60,
  rushHours: 24,
  rushMinRecords: 3,
  sameAttendanceRun: 3,
};

export const THRESHOLDS_KEY = 'integrity_thresholds';

export async function thresholdsOf(db: Db): Promise<SignalThresholds> {
  return { ...defaultThresholds, ...(await getSetting<Partial<SignalThresholds>>(db, THRESHOLDS_KEY)) };
}
