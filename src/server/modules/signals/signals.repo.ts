import { and, asc, eq, inArray, notInArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { integritySignals, records, users } from '../../db/schema/index.js';
import { rowsOf } from '../../lib/backup-catalog.js';

export type SignalRow = typeof integritySignals.$inferSelect;
export type SignalInsert = Pick<SignalRow, 'kind' | 'key' | 'otherRecordId' | 'evidence'>;

/** Records another record is compared with: entered and handed in at least once (not drafts). */
const compared = sql`o.status <> 'draft' and o.first_submitted_at is not null`;

export interface FileMatch {
  evidenceId: number;
  name: string;
  otherEvidenceId: number;
  otherName: string;
  otherRecordId: number;
  otherTitle: string;
  otherBranch: string;
  otherPeriod: string | null;
  sameBytes: boolean;
  distance: number;
  isImage: boolean;
}

/**
 * Files of the record that another record already carries: the same bytes (SHA-256, any file) or,
 * for images, a perceptual hash within `maxDistance` bits. Withdrawn evidence is left out.
 */
export function fileMatches(db: Db, recordId: number, maxDistance: number): Promise<FileMatch[]> {
  return rowsOf<FileMatch>(
    db,
    sql`select e.id as "evidenceId", e.original_name as "name", oe.id as "otherEvidenceId",
          oe.original_name as "otherName", o.id as "otherRecordId", o.title as "otherTitle",
          br.name as "otherBranch", o.period_key as "otherPeriod", e.sha256 = oe.sha256 as "sameBytes",
          coalesce(bit_count((b.image_hash # ob.image_hash)::bit(64)), 0)::int as "distance",
          b.image_hash is not null as "isImage"
        from evidence e
        join blobs b on b.sha256 = e.sha256
        join evidence oe on oe.record_id <> e.record_id and oe.removed_at is null
        join blobs ob on ob.sha256 = oe.sha256
        join records o on o.id = oe.record_id
        join branches br on br.id = o.branch_id
        where e.record_id = ${recordId} and e.removed_at is null and ${compared}
          and (e.sha256 = oe.sha256
            or bit_count((b.image_hash # ob.image_hash)::bit(64)) <= ${maxDistance})
        order by e.id, "distance", oe.id`,
  );
}

export interface PassageMatch {
  otherRecordId: number;
  passage: string;
  otherPassage: string;
  similarity: number;
}

const texts = (alias: string) =>
  sql.raw(`jsonb_path_query(${alias}.data, 'strict $.** ? (@.type() == "string")')`);

/**
 * Keeps the record's passages (each text of its data of at least `minLength` characters) in
 * record_passages, where later submits compare against them through the trigram index.
 */
export async function storePassages(db: Db, recordId: number, minLength: number): Promise<void> {
  await db.execute(sql`delete from record_passages where record_id = ${recordId}`);
  await db.execute(
    sql`insert into record_passages (record_id, kind, passage)
        select distinct r.id, r.kind, v #>> '{}' from records r, ${texts('r')} v
        where r.id = ${recordId} and length(v #>> '{}') >= ${minLength}`,
  );
}

/**
 * The closest passage pair per other record of the same kind, by trigram similarity (pg_trgm).
 * Each of the record's stored passages is looked up on its own through the trigram GIN index
 * (`%` at the threshold), so a submit reads only the near candidates, not every record of its
 * kind. The planner prices `%` as cheap and would rather compare every row, which is the slow
 * path this avoids: for the lookup alone it is told to use bitmap (index) scans.
 */
export function passageMatches(db: Db, recordId: number, threshold: number): Promise<PassageMatch[]> {
  return db.transaction(async (tx) => {
    const [before] = await rowsOf<{ seq: string; idx: string }>(
      tx,
      sql`select current_setting('enable_seqscan') as seq, current_setting('enable_indexscan') as idx,
            set_config('pg_trgm.similarity_threshold', ${String(threshold)}, true),
            set_config('enable_seqscan', 'off', true), set_config('enable_indexscan', 'off', true)`,
    );
    const mine = await rowsOf<{ kind: string; passage: string }>(
      tx,
      sql`select kind, passage from record_passages where record_id = ${recordId}`,
    );
    const best = new Map<number, PassageMatch>();
    for (const { kind, passage } of mine) {
      const near = await rowsOf<PassageMatch>(
        tx,
        sql`select t.record_id as "otherRecordId", ${passage}::text as passage, t.passage as "otherPassage",
              round(similarity(${passage}::text, t.passage)::numeric, 2)::float8 as "similarity"
            from record_passages t join records o on o.id = t.record_id
            where t.passage % ${passage}::text and t.kind = ${kind} and t.record_id <> ${recordId}
              and ${compared}`,
      );
      for (const m of near) {
        const seen = best.get(m.otherRecordId);
        if (!seen || m.similarity > seen.similarity) best.set(m.otherRecordId, m);
      }
    }
    await tx.execute(
      sql`select set_config('enable_seqscan', ${before!.seq}, true),
            set_config('enable_indexscan', ${before!.idx}, true)`,
    );
    return [...best.values()].sort((a, b) => a.otherRecordId - b.otherRecordId);
  });
}

export async function listForRecord(db: Db, recordId: number): Promise<SignalRow[]> {
  return db
    .select()
    .from(integritySignals)
    .where(eq(integritySignals.recordId, recordId))
    .orderBy(asc(integritySignals.id));
}

export async function findSignal(db: Db, id: number): Promise<SignalRow | undefined> {
  const [row] = await db.select().from(integritySignals).where(eq(integritySignals.id, id));
  return row;
}

/**
 * Replaces the record's signals by `found`: a signal found again keeps its mark and gets the new
 * evidence; an unmarked one no longer found goes; a marked one stays, as the reviewer's word.
 */
export async function replaceSignals(db: Db, recordId: number, found: SignalInsert[], now: Date) {
  const keys = found.map((f) => `${f.kind}:${f.key}`);
  const stale = and(
    eq(integritySignals.recordId, recordId),
    eq(integritySignals.status, 'open'),
    keys.length
      ? notInArray(sql`${integritySignals.kind} || ':' || ${integritySignals.key}`, keys)
      : undefined,
  );
  await db.delete(integritySignals).where(stale);
  if (!found.length) return;
  await db
    .insert(integritySignals)
    .values(found.map((f) => ({ ...f, recordId, createdAt: now })))
    .onConflictDoUpdate({
      target: [integritySignals.recordId, integritySignals.kind, integritySignals.key],
      set: { evidence: sql`excluded.evidence`, otherRecordId: sql`excluded.other_record_id` },
    });
}

export async function markSignal(
  db: Db,
  id: number,
  values: Pick<SignalRow, 'status' | 'note' | 'markedBy' | 'markedAt'>,
): Promise<void> {
  await db.update(integritySignals).set(values).where(eq(integritySignals.id, id));
}

/**
 * What a withdrawn file was part of: its own record's open (unmarked) file signals on it go, and
 * the records whose open file signals name it among their matches are returned, to be
 * recomputed without it. Marked ones stay, as the reviewer's word on what they saw.
 */
export async function closeSignalsOfEvidence(db: Db, evidenceId: number): Promise<number[]> {
  await db.execute(
    sql`delete from integrity_signals
        where status = 'open' and kind in ('same_photo', 'same_file')
          and evidence->>'evidenceId' = ${String(evidenceId)}`,
  );
  const rows = await rowsOf<{ id: number }>(
    db,
    sql`select distinct record_id as id from integrity_signals
        where status = 'open' and kind in ('same_photo', 'same_file')
          and (evidence->>'otherEvidenceId' = ${String(evidenceId)}
            or evidence->'also' @> ${JSON.stringify([{ evidenceId }])}::jsonb)
        order by 1`,
  );
  return rows.map((r) => r.id);
}

/** The record's signals the reviewer marked 存疑, oldest first: they go back with a return. */
export async function doubtfulOf(db: Db, recordId: number): Promise<SignalRow[]> {
  return db
    .select()
    .from(integritySignals)
    .where(and(eq(integritySignals.recordId, recordId), eq(integritySignals.status, 'doubtful')))
    .orderBy(asc(integritySignals.id));
}

/** Open signals per record of the given branches ('all': any), for the review queue. */
export async function openCounts(
  db: Db,
  recordIds: number[],
  branchIds: 'all' | number[],
): Promise<Map<number, number>> {
  if (!recordIds.length || (branchIds !== 'all' && !branchIds.length)) return new Map();
  const rows = await db
    .select({ recordId: integritySignals.recordId, n: sql<number>`count(*)::int` })
    .from(integritySignals)
    .innerJoin(records, eq(records.id, integritySignals.recordId))
    .where(
      and(
        inArray(integritySignals.recordId, recordIds),
        eq(integritySignals.status, 'open'),
        branchIds === 'all' ? undefined : inArray(records.branchId, branchIds),
      ),
    )
    .groupBy(integritySignals.recordId);
  return new Map(rows.map((r) => [r.recordId, r.n]));
}

export interface BranchCountRow {
  kind: SignalRow['kind'];
  status: SignalRow['status'];
  n: number;
}

/** Signals of a branch's records in a campaign, by kind and status (records not withdrawn). */
export function branchCounts(db: Db, branchId: number, campaignId: number): Promise<BranchCountRow[]> {
  return rowsOf<BranchCountRow>(
    db,
    sql`select s.kind, s.status, count(*)::int as n
        from integrity_signals s join records r on r.id = s.record_id
        where r.branch_id = ${branchId} and r.campaign_id = ${campaignId} and r.status <> 'draft'
        group by s.kind, s.status`,
  );
}

export interface RecordBrief {
  id: number;
  branchId: number;
  title: string;
  kind: string;
  occurredOn: string;
  periodKey: string | null;
  createdAt: Date;
  branchName: string;
}

export async function recordBriefs(db: Db, ids: number[]): Promise<RecordBrief[]> {
  if (!ids.length) return [];
  return rowsOf<RecordBrief>(
    db,
    sql`select r.id, r.branch_id as "branchId", r.title, r.kind, r.occurred_on::text as "occurredOn",
          r.period_key as "periodKey", r.created_at as "createdAt", b.name as "branchName"
        from records r join branches b on b.id = r.branch_id
        where r.id in (${sql.join(
          ids.map((i) => sql`${i}`),
          sql`, `,
        )})`,
  );
}

export async function userNames(db: Db, ids: number[]): Promise<Map<number, string>> {
  if (!ids.length) return new Map();
  const rows = await db
    .select({ id: users.id, name: users.displayName })
    .from(users)
    .where(inArray(users.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r.name]));
}
