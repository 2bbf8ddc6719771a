import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { resultRows } from '../db/values.js';

// What the database holds, read from the PostgreSQL catalog: tables in foreign-key order,
// sequences, applied migrations. Shared by backup and restore so both see the same order.

export interface TableInfo {
  name: string;
  columns: string[];
  primaryKey: string[];
  /** Has a GENERATED ALWAYS identity column: inserts need OVERRIDING SYSTEM VALUE. */
  identityAlways: boolean;
}

export interface SequenceInfo {
  table: string;
  column: string;
  sequence: string;
}

/** Runs a raw statement and answers its rows. */
export async function rowsOf<T>(db: Db, query: SQL): Promise<T[]> {
  return resultRows<T>(await db.execute(query));
}

export const qualified = (table: string) => sql`${sql.identifier('public')}.${sql.identifier(table)}`;
export const columnList = (columns: string[]) =>
  sql.join(
    columns.map((c) => sql.identifier(c)),
    sql`, `,
  );

/**
 * Tables that are not backed up: their triggers write them again as the tables they are derived
 * from are restored (the kept task statuses, from tasks and records; the attendance tallies, from
 * the attendance lists).
 */
const derivedTables = ['task_statuses', 'attendance_tallies'];

/** Tables of the public schema, parents before children (foreign keys), ties by name. */
export async function readTables(db: Db): Promise<TableInfo[]> {
  const cols = await rowsOf<{ table: string; column: string; identity: string }>(
    db,
    sql`select c.relname as "table", a.attname as "column", a.attidentity::text as "identity"
        from pg_class c
        join pg_namespace n on n.oid = c.relnamespace
        join pg_attribute a on a.attrelid = c.oid
        where n.nspname = 'public' and c.relkind = 'r' and a.attnum > 0 and not a.attisdropped
          and a.attgenerated = '' and c.relname not in (${sql.join(
            derivedTables.map((t) => sql`${t}`),
            sql`, `,
          )})
        order by c.relname, a.attnum`,
  );
  const pks = await rowsOf<{ table: string; column: string; pos: number }>(
    db,
    sql`select c.relname as "table", a.attname as "column",
               array_position(i.indkey::int2[], a.attnum)::int as "pos"
        from pg_index i
        join pg_class c on c.oid = i.indrelid
        join pg_namespace n on n.oid = c.relnamespace
        join pg_attribute a on a.attrelid = c.oid and a.attnum = any(i.indkey::int2[])
        where i.indisprimary and n.nspname = 'public'`,
  );
  const fks = await rowsOf<{ child: string; parent: string }>(
    db,
    sql`select child.relname as "child", parent.relname as "parent"
        from pg_constraint k
        join pg_class child on child.oid = k.conrelid
        join pg_class parent on parent.oid = k.confrelid
        join pg_namespace n on n.oid = child.relnamespace
        where k.contype = 'f' and n.nspname = 'public'`,
  );

  const tables = new Map<string, TableInfo>();
  for (const c of cols) {
    let t = tables.get(c.table);
    if (!t) tables.set(c.table, (t = { name: c.table, columns: [], primaryKey: [], identityAlways: false }));
    t.columns.push(c.column);
    if (c.identity === 'a') t.identityAlways = true;
  }
  for (const p of [...pks].sort((a, b) => a.pos - b.pos)) tables.get(p.table)?.primaryKey.push(p.column);

  // Kahn's algorithm; a table referring to itself does not wait for itself.
  const parents = new Map<string, Set<string>>();
  for (const name of tables.keys()) parents.set(name, new Set());
  for (const fk of fks) {
    if (fk.child !== fk.parent && tables.has(fk.parent)) parents.get(fk.child)?.add(fk.parent);
  }
  const ordered: TableInfo[] = [];
  const done = new Set<string>();
  for (;;) {
    const ready = [...tables.keys()]
      .filter((n) => !done.has(n) && [...parents.get(n)!].every((p) => done.has(p)))
      .sort();
    if (ready.length === 0) break;
    for (const n of ready) {
      done.add(n);
      ordered.push(tables.get(n)!);
    }
  }
  // A cycle of foreign keys (none today) cannot be ordered: keep those tables last, by name.
  for (const n of [...tables.keys()].sort()) if (!done.has(n)) ordered.push(tables.get(n)!);
  return ordered;
}

/** Sequences owned by columns of public tables (serial, bigserial, identity). */
export async function readSequences(db: Db): Promise<SequenceInfo[]> {
  return rowsOf<SequenceInfo>(
    db,
    sql`select c.relname as "table", a.attname as "column", s.relname as "sequence"
        from pg_depend d
        join pg_class s on s.oid = d.objid and s.relkind = 'S'
        join pg_class c on c.oid = d.refobjid
        join pg_namespace n on n.oid = c.relnamespace
        join pg_attribute a on a.attrelid = c.oid and a.attnum = d.refobjsubid
        where d.classid = 'pg_class'::regclass and d.refclassid = 'pg_class'::regclass
          and d.deptype in ('a', 'i') and n.nspname = 'public'
        order by c.relname, a.attname`,
  );
}

export async function readMigrations(db: Db): Promise<{ hash: string; createdAt: string }[] | null> {
  const [present] = await rowsOf<{ present: boolean }>(
    db,
    sql`select to_regclass('drizzle.__drizzle_migrations') is not null as "present"`,
  );
  if (!present?.present) return null;
  const found = await rowsOf<{ hash: string; createdAt: string | number }>(
    db,
    sql`select hash as "hash", created_at::text as "createdAt" from drizzle.__drizzle_migrations order by id`,
  );
  return found.map((m) => ({ hash: m.hash, createdAt: String(m.createdAt) }));
}
