import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestDatabase, testEngine } from '../test/test-db.js';
import type { Database } from './client.js';
import { auditLog } from './schema/index.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.close());

async function rows<T>(query: ReturnType<typeof sql>): Promise<T[]> {
  const res = (await database.db.execute(query)) as unknown as { rows: T[] };
  return res.rows;
}

describe(`migrations on ${testEngine}`, () => {
  it('create every table from an empty database, with the trigram extension first', async () => {
    const tables = await rows<{ table_name: string }>(
      sql`select table_name from information_schema.tables where table_schema = 'public' order by 1`,
    );
    expect(tables.map((t) => t.table_name)).toEqual(
      expect.arrayContaining([
        'audit_log',
        'branches',
        'departments',
        'grassroots_units',
        'login_throttle',
        'organisation',
        'party_groups',
        'people',
        'role_grants',
        'sessions',
        'settings',
        'users',
      ]),
    );
    const ext = await rows<{ extname: string }>(
      sql`select extname from pg_extension where extname = 'pg_trgm'`,
    );
    expect(ext).toHaveLength(1);
  });

  it('keep the audit log append-only: UPDATE, DELETE and TRUNCATE fail', async () => {
    await database.db.insert(auditLog).values({ at: new Date(), action: 'test', entityType: 'test' });
    await expect(database.db.execute(sql`update audit_log set action = 'forged'`)).rejects.toThrow();
    await expect(database.db.execute(sql`delete from audit_log`)).rejects.toThrow();
    await expect(database.db.execute(sql`truncate audit_log`)).rejects.toThrow();
    const left = await rows<{ action: string }>(sql`select action from audit_log`);
    expect(left).toEqual([{ action: 'test' }]);
  });
});
