import type { Db } from '../../db/client.js';
import { cstDate } from '../../lib/dates.js';
import { thresholdsOf, type SignalThresholds } from './signals-thresholds.js';

import { repeatSignals, timingSignals } from './signals-kinds.js';
import { dependents, recordFacts, storeCampaignPassages } from './signals-match.repo.js';
import {
  closeSignalsOfEvidence,
  doubtfulOf,
  fileMatches,
  passageMatches,
  replaceSignals,
  storePassages,
  type FileMatch,
  type SignalInsert,
} from './signals.repo.js';

export {
  defaultThresholds,
  thresholdsOf,
  THRESHOLDS_KEY,
  type SignalThresholds,
} from './signals-thresholds.js';

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
  await computeOwn(db, record, t, now);
  // What the records that name this one compared may have changed with it: recomputed, each on
  // its own (the ones they name in turn are left as they are).
  for (const { id } of await dependents(db, record.id)) {
    const other = await recordFacts(db, id);
    if (other) await computeOwn(db, other, t, now);
  }
}

async function computeOwn(db: Db, record: RecordFacts, t: SignalThresholds, now: Date): Promise<void> {
  const facts = await recordFacts(db, record.id);
  if (!facts) return;
  const found: SignalInsert[] = [];
  found.push(...fileSignals(await fileMatches(db, record.id, t.photoDistance)));
  await storePassages(db, record.id, t.minPassage);
  for (const m of await passageMatches(db, record.id, t.textSimilarity)) {
    found.push({
      kind: 'similar_text',
      key: String(m.otherRecordId),
      otherRecordId: m.otherRecordId,
      evidence: { passage: m.passage, otherPassage: m.otherPassage, similarity: m.similarity },
    });
  }
  const typedOn = cstDate(facts.createdAt);
  const late = days(facts.occurredOn, typedOn);
  if (late > t.lateDays) {
    found.push({
      kind: 'late_entry',
      key: 'created',
      otherRecordId: null,
      evidence: { occurredOn: facts.occurredOn, createdAt: facts.createdAt.toISOString(), days: late },
    });
  }
  found.push(...(await repeatSignals(db, facts, t)), ...(await timingSignals(db, facts, t)));
  await replaceSignals(db, record.id, found, now);
}

/** Other records shown beside the closest match of one file; the rest are counted. */
const ALSO_SHOWN = 20;

/**
 * One signal per file of the record that others carry too, however many: the closest match as
 * the other record, the further ones listed under `also` (matches come closest first).
 */
function fileSignals(matches: FileMatch[]): SignalInsert[] {
  const byFile = new Map<number, FileMatch[]>();
  for (const m of matches) byFile.set(m.evidenceId, [...(byFile.get(m.evidenceId) ?? []), m]);
  return [...byFile.values()].map(([m, ...rest]) => ({
    kind: m!.isImage ? 'same_photo' : 'same_file',
    key: String(m!.evidenceId),
    otherRecordId: m!.otherRecordId,
    evidence: {
      evidenceId: m!.evidenceId,
      name: m!.name,
      otherEvidenceId: m!.otherEvidenceId,
      otherName: m!.otherName,
      sameBytes: m!.sameBytes,
      distance: m!.distance,
      matches: rest.length + 1,
      also: rest.slice(0, ALSO_SHOWN).map((x) => ({
        recordId: x.otherRecordId,
        evidenceId: x.otherEvidenceId,
        title: x.otherTitle,
        branchName: x.otherBranch,
        periodKey: x.otherPeriod,
        sameBytes: x.sameBytes,
        distance: x.distance,
      })),
    },
  }));
}

const kindNames: Record<SignalInsert['kind'], string> = {
  same_photo: '照片雷同',
  same_file: '文件相同',
  similar_text: '文字雷同',
  late_entry: '事后补录',
  repeat_problem: '问题重复报送',
  repeat_publicity: '宣传重复计分',
  overlapping_attendance: '同时段重复出席',
  sign_in_outside: '签到时间不符',
  deadline_rush: '截止前集中录入',
  same_attendance: '出席名单雷同',
};

/**
 * The return reason with the signals marked 存疑 listed under it, each by its kind and the
 * reviewer's note — never the other record or branch, which the branch is not to learn.
 */
export async function withDoubts(db: Db, recordId: number, comment: string): Promise<string> {
  const doubts = await doubtfulOf(db, recordId);
  if (!doubts.length) return comment;
  const lines = doubts.map((d) => `· ${kindNames[d.kind]}${d.note ? `:${d.note}` : ''}`);
  return `${comment}\n核查存疑:\n${lines.join('\n')}`;
}

/**
 * A file withdrawn from its record, in the withdrawal's transaction: its own open signals close,
 * and the records whose file signals name it are recomputed without it (a group of matches keeps
 * the others). Marked ones stay, as the reviewer's word on what they saw.
 */
export async function closeSignalsOfWithdrawnFile(db: Db, evidenceId: number, now: Date): Promise<void> {
  const t = await thresholdsOf(db);
  for (const id of await closeSignalsOfEvidence(db, evidenceId)) {
    const other = await recordFacts(db, id);
    if (other) await computeOwn(db, other, t, now);
  }
}

/**
 * Keeps the passages of a campaign's handed-in records at once, for records written without a
 * submit (the demo year's load), so later submits compare against them.
 */
export async function storePassagesOfCampaign(db: Db, campaignId: number): Promise<void> {
  await storeCampaignPassages(db, campaignId, (await thresholdsOf(db)).minPassage);
}
