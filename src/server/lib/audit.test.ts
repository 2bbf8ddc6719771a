import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../test/harness.js';
import { errorCode } from '../test/test-client.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

async function count(table: string, where = sql`true`): Promise<number> {
  const res = (await t.database.db.execute(
    sql`select count(*)::int as n from ${sql.identifier(table)} where ${where}`,
  )) as unknown as {
    rows: { n: number }[];
  };
  return res.rows[0]!.n;
}

describe('audit log', () => {
  it('records every change with actor, before and after', async () => {
    const admin = await t.login('admin');
    const res = await admin.patch('/api/org/branches/1', { shortName: '第一支部' });
    expect(res.statusCode).toBe(200);
    const log = await admin.get('/api/audit?entityType=branch&entityId=1');
    const entry = (
      log.json() as {
        items: {
          action: string;
          actorName: string;
          before: { shortName: string };
          after: { shortName: string };
        }[];
      }
    ).items[0]!;
    expect(entry.action).toBe('branch.update');
    expect(entry.actorName).toBe('系统管理员');
    expect(entry.before.shortName).toBe('一支部');
    expect(entry.after.shortName).toBe('第一支部');
  });

  it('writes the audit row in the same transaction: when the audit write fails, the change is rolled back', async () => {
    // Make audit inserts for this one action fail, as a disk or constraint failure would.
    await t.database.db.execute(sql`
      create function fail_person_audit() returns trigger language plpgsql as $$
      begin
        if new.action = 'person.create' then raise exception 'audit write failed'; end if;
        return new;
      end $$`);
    await t.database.db.execute(
      sql`create trigger fail_person_audit before insert on audit_log for each row execute function fail_person_audit()`,
    );
    try {
      const admin = await t.login('admin');
      const before = await count('people');
      const res = await admin.post('/api/people', { name: '事务测试', branchId: 1, memberStatus: 'full' });
      expect(res.statusCode).toBe(500);
      expect(errorCode(res)).toBe('INTERNAL');
      expect(await count('people')).toBe(before);
      expect(await count('people', sql`name = '事务测试'`)).toBe(0);
    } finally {
      await t.database.db.execute(sql`drop trigger fail_person_audit on audit_log`);
    }
  });

  it('leaves neither change nor audit row when the change itself fails', async () => {
    const admin = await t.login('admin');
    const auditBefore = await count('audit_log', sql`action = 'person.create'`);
    const first = await admin.post('/api/people', {
      name: '甲',
      employeeNo: 'DUP-1',
      branchId: 1,
      memberStatus: 'full',
    });
    expect(first.statusCode).toBe(200);
    const dup = await admin.post('/api/people', {
      name: '乙',
      employeeNo: 'DUP-1',
      branchId: 1,
      memberStatus: 'full',
    });
    expect(dup.statusCode).toBe(409);
    expect(errorCode(dup)).toBe('EMPLOYEE_NO_TAKEN');
    expect(await count('people', sql`name = '乙'`)).toBe(0);
    expect(await count('audit_log', sql`action = 'person.create'`)).toBe(auditBefore + 1);
  });

  it('offers no endpoint that changes it', () => {
    const writes = t.app.apiRoutes.filter((r) => r.includes('/api/audit') && !r.startsWith('GET '));
    expect(writes).toEqual([]);
  });
});
