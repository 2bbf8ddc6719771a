import { and, asc, eq, inArray, notInArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { integritySignals, users } from '../../db/schema/index.js';
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
          oe.original_name as "otherName", o.id as "otherRecordId", e.sha256 = oe.sha256 as "sameBytes",
          coalesce(bit_count((b.image_hash # ob.image_hash)::bit(64)), 0)::int as "distance",
          b.image_hash is not null as "isImage"
        from evidence e
        join blobs b on b.sha256 = e.sha256
        join evidence oe on oe.record_id <> e.record_id and oe.removed_at is null
        join blobs ob on ob.sha256 = oe.sha256
        join records o on o.id = oe.record_id
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

/**
 * The closest passage pair per other record of the same kind: every text of the record's data
 * of at least `minLength` characters against those of the others, by trigram similarity (pg_trgm).
 */
export function passageMatches(
  db: Db,
  recordId: number,
  threshold: number,
  minLength: number,
): Promise<PassageMatch[]> {
  const texts = (alias: string) =>
    sql.raw(`jsonb_path_query(${alias}.data, 'strict $.** ? (@.type() == "string")')`);
  return rowsOf<PassageMatch>(
    db,
    sql`with mine as (
          select distinct r.kind, v #>> '{}' as p from records r, ${texts('r')} v
          where r.id = ${recordId} and length(v #>> '{}') >= ${minLength}
        ), theirs as (
          select distinct o.id, v #>> '{}' as p from records o, ${texts('o')} v
          where o.id <> ${recordId} and o.kind = (select kind from records where id = ${recordId})
            and ${compared} and length(v #>> '{}') >= ${minLength}
        ), pairs as (
          select t.id, m.p as passage, t.p as other, similarity(m.p, t.p) as s
          from mine m join theirs t on similarity(m.p, t.p) >= ${threshold}
        )
        select distinct on (id) id as "otherRecordId", passage, other as "otherPassage",
          round(s::numeric, 2)::float8 as "similarity"
        from pairs order by id, s desc`,
  );
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

/** Open signals per record, for the review queue. */
export async function openCounts(db: Db, recordIds: number[]): Promise<Map<number, number>> {
  if (!recordIds.length) return new Map();
  const rows = await db
    .select({ recordId: integritySignals.recordId, n: sql<number>`count(*)::int` })
    .from(integritySignals)
    .where(and(inArray(integritySignals.recordId, recordIds), eq(integritySignals.status, 'open')))
    .groupBy(integritySignals.recordId);
  return new Map(rows.map((r) => [r.recordId, r.n]));
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
