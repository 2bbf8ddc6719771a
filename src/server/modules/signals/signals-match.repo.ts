import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { rowsOf } from '../../lib/backup-catalog.js';

/** Records another record is compared with: entered and handed in at least once (not drafts). */
const compared = sql`o.status <> 'draft' and o.first_submitted_at is not null`;

export interface RecordRowFacts {
  id: number;
  kind: string;
  title: string;
  branchId: number;
  campaignId: number;
  periodKey: string | null;
  taskId: number | null;
  occurredOn: string;
  createdAt: Date;
  data: Record<string, unknown>;
}

export async function recordFacts(db: Db, id: number): Promise<RecordRowFacts | undefined> {
  const [row] = await rowsOf<RecordRowFacts>(
    db,
    sql`select id, kind, title, branch_id as "branchId", campaign_id as "campaignId",
          period_key as "periodKey", task_id as "taskId", occurred_on::text as "occurredOn",
          created_at as "createdAt", data from records where id = ${id}`,
  );
  return row && { ...row, createdAt: new Date(row.createdAt) };
}

export interface ProblemRepeat {
  otherRecordId: number;
  otherDescription: string;
  similarity: number;
}

/**
 * Problems of the same grassroots unit reported solved in another record, whose description is
 * near-identical: found through the trigram index over the stored passages (`%` at the
 * threshold, set here for the transaction), so a submit reads only the near descriptions.
 */
export async function problemRepeats(
  db: Db,
  recordId: number,
  unitId: number,
  description: string,
  threshold: number,
): Promise<ProblemRepeat[]> {
  await db.execute(sql`select set_config('pg_trgm.similarity_threshold', ${String(threshold)}, true)`);
  return rowsOf<ProblemRepeat>(
    db,
    sql`select distinct on (o.id) o.id as "otherRecordId", o.data->>'description' as "otherDescription",
          round(similarity(${description}::text, o.data->>'description')::numeric, 2)::float8 as "similarity"
        from record_passages t join records o on o.id = t.record_id
        where t.kind = 'grassroots_problem' and t.passage % ${description}::text
          and t.passage = o.data->>'description' and o.id <> ${recordId}
          and o.data->>'unitId' = ${String(unitId)} and ${compared}
        order by o.id`,
  );
}

export interface PublicityRepeat {
  otherRecordId: number;
  otherTitle: string;
  link: string | null;
  similarity: number;
}

const normalLink = (expr: string) => sql.raw(`rtrim(lower(trim(${expr})), '/')`);

/**
 * Other publicity items carrying one of the same links, or the same or a near-identical title
 * (trigram similarity of at least `titleSimilarity`). Publicity items are few beside the other
 * kinds, and titles short, so the titles are compared directly.
 */
export function publicityRepeats(
  db: Db,
  recordId: number,
  title: string,
  links: string[],
  titleSimilarity: number,
): Promise<PublicityRepeat[]> {
  const mine = links.length
    ? sql.join(
        links.map((l) => sql`${l}`),
        sql`, `,
      )
    : sql`null`;
  return rowsOf<PublicityRepeat>(
    db,
    sql`select o.id as "otherRecordId", o.title as "otherTitle",
          (select ${normalLink("c->>'link'")} from jsonb_array_elements(o.data->'channels') c
            where ${normalLink("c->>'link'")} in (${mine}) limit 1) as "link",
          round(similarity(${title}::text, o.title)::numeric, 2)::float8 as "similarity"
        from records o
        where o.kind = 'publicity' and o.id <> ${recordId} and ${compared}
          and (similarity(${title}::text, o.title) >= ${titleSimilarity}
            or exists (select 1 from jsonb_array_elements(o.data->'channels') c
              where ${normalLink("c->>'link'")} in (${mine})))
        order by o.id`,
  );
}

export interface MeetingOverlap {
  otherRecordId: number;
  startTime: string;
  endTime: string;
  people: string[];
}

/**
 * Other meetings on the same day whose times overlap this one's, with the people marked present
 * at both. Times are 'HH:mm' strings, so they compare as text.
 */
export function overlappingMeetings(
  db: Db,
  recordId: number,
  occurredOn: string,
  start: string,
  end: string,
): Promise<MeetingOverlap[]> {
  return rowsOf<MeetingOverlap>(
    db,
    sql`select o.id as "otherRecordId", o.data->>'startTime' as "startTime", o.data->>'endTime' as "endTime",
          array_agg(p.name order by p.name) as "people"
        from attendance a
        join attendance oa on oa.person_id = a.person_id and oa.record_id <> a.record_id and oa.status = 'present'
        join records o on o.id = oa.record_id
        join people p on p.id = a.person_id
        where a.record_id = ${recordId} and a.status = 'present' and ${compared}
          and o.occurred_on = ${occurredOn}::date
          and o.data->>'startTime' < ${end} and ${start} < o.data->>'endTime'
        group by o.id
        order by o.id`,
  );
}

export interface SignIn {
  name: string;
  signedInAt: Date;
}

export async function signInsOf(db: Db, recordId: number): Promise<SignIn[]> {
  const rows = await rowsOf<SignIn>(
    db,
    sql`select p.name, a.signed_in_at as "signedInAt" from attendance a join people p on p.id = a.person_id
        where a.record_id = ${recordId} and a.signed_in_at is not null order by a.signed_in_at`,
  );
  return rows.map((r) => ({ ...r, signedInAt: new Date(r.signedInAt) }));
}

export interface MonthRecord {
  id: number;
  title: string;
  createdAt: Date;
}

/** The branch's handed-in records of a campaign's period, and the due date of the given task. */
export async function monthOf(
  db: Db,
  r: Pick<RecordRowFacts, 'branchId' | 'campaignId' | 'periodKey' | 'taskId'>,
): Promise<{ records: MonthRecord[]; dueDate: string | null }> {
  const records = await rowsOf<MonthRecord>(
    db,
    sql`select o.id, o.title, o.created_at as "createdAt" from records o
        where o.branch_id = ${r.branchId} and o.campaign_id = ${r.campaignId}
          and o.period_key = ${r.periodKey} and ${compared}
        order by o.created_at, o.id`,
  );
  const [task] = r.taskId
    ? await rowsOf<{ dueDate: string }>(
        db,
        sql`select due_date::text as "dueDate" from tasks where id = ${r.taskId}`,
      )
    : [];
  return {
    records: records.map((m) => ({ ...m, createdAt: new Date(m.createdAt) })),
    dueDate: task?.dueDate ?? null,
  };
}

export interface MeetingAttendance {
  id: number;
  occurredOn: string;
  present: number[];
  notPresent: number;
}

/**
 * The branch's meetings of the record's kind (and study form) up to and including the record, on
 * or before its date, latest first, with who was present: for the identical-lists signal.
 */
export async function recentMeetings(
  db: Db,
  r: Pick<RecordRowFacts, 'id' | 'kind' | 'branchId' | 'occurredOn' | 'data'>,
  count: number,
): Promise<MeetingAttendance[]> {
  const form = typeof r.data.form === 'string' ? r.data.form : null;
  return rowsOf<MeetingAttendance>(
    db,
    sql`select o.id, o.occurred_on::text as "occurredOn",
          coalesce(array_agg(a.person_id order by a.person_id) filter (where a.status = 'present'), '{}') as "present",
          (count(*) filter (where a.status <> 'present'))::int as "notPresent"
        from records o join attendance a on a.record_id = o.id
        where o.branch_id = ${r.branchId} and o.kind = ${r.kind}
          and (${form}::text is null or o.data->>'form' = ${form})
          and (o.id = ${r.id} or (${compared} and o.occurred_on <= ${r.occurredOn}::date))
        group by o.id
        order by o.occurred_on desc, o.id desc
        limit ${count}`,
  );
}

export interface DependentRecord {
  id: number;
}

/** Records whose open signals name `recordId` as the other record: recomputed when it changes. */
export function dependents(db: Db, recordId: number): Promise<DependentRecord[]> {
  return rowsOf<DependentRecord>(
    db,
    sql`select distinct s.record_id as id from integrity_signals s
        where s.other_record_id = ${recordId} and s.record_id <> ${recordId} and s.status = 'open'
        order by 1`,
  );
}

/** Stores the passages of every handed-in record of a campaign at once (the demo year's load). */
export async function storeCampaignPassages(db: Db, campaignId: number, minLength: number): Promise<void> {
  await db.execute(
    sql`insert into record_passages (record_id, kind, passage)
        select distinct r.id, r.kind, v #>> '{}'
        from records r, jsonb_path_query(r.data, 'strict $.** ? (@.type() == "string")') v
        where r.campaign_id = ${campaignId} and r.status <> 'draft' and length(v #>> '{}') >= ${minLength}
          and not exists (select 1 from record_passages x where x.record_id = r.id)`,
  );
}
