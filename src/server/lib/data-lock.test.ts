import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { lockDataDir, DataDirLockedError } from './data-lock.js';
import { openPglite } from '../db/client.js';
import { sql } from 'drizzle-orm';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'duibiao-lock-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('data directory lock', () => {
  it('refuses a second server process on the same DATA_DIR with a clear message, and leaves the data intact', async () => {
    const dir = tempDir();
    const release = lockDataDir(dir);
    const database = await openPglite(path.join(dir, 'pgdata'));
    await database.db.execute(sql`create table probe (n int)`);
    await database.db.execute(sql`insert into probe values (42)`);

    const second = spawnSync(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
      env: { ...process.env, DATA_DIR: dir, PORT: '0' },
      encoding: 'utf8',
      timeout: 110_000,
    });
    expect(second.status).toBe(2);
    expect(second.stderr).toContain('正被另一个进程');
    expect(second.stderr).toContain(String(process.pid));

    const res = (await database.db.execute(sql`select n from probe`)) as unknown as { rows: { n: number }[] };
    expect(res.rows).toEqual([{ n: 42 }]);
    await database.close();
    release();
    expect(existsSync(path.join(dir, 'duibiao.lock'))).toBe(false);
    // The refusal comes before the app is loaded (about a second), but starting Node and tsx at
    // all can take long on a busy 2-core machine.
  }, 120_000);

  it('refuses a second lock in the same process tree while the holder lives', () => {
    const dir = tempDir();
    // A lock held by our parent process (alive) must be respected.
    writeFileSync(path.join(dir, 'duibiao.lock'), String(process.ppid));
    expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
  });

  it('takes over the lock of a process that died', () => {
    const dir = tempDir();
    const lockPath = path.join(dir, 'duibiao.lock');
    writeFileSync(lockPath, '999999');
    const release = lockDataDir(dir);
    expect(readFileSync(lockPath, 'utf8')).toBe(String(process.pid));
    release();
    expect(existsSync(lockPath)).toBe(false);
  });
});
