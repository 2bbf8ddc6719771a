import { mkdtemp, mkdir, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LocalFileStore } from './storage.js';

let root: string | null = null;
afterEach(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

describe('upload leftovers', () => {
  it('removes .part files older than the limit and keeps younger ones and other files', async () => {
    root = await mkdtemp(path.join(tmpdir(), 'duibiao-store-'));
    const tmp = path.join(root, 'tmp');
    await mkdir(tmp, { recursive: true });
    const now = new Date('2026-03-02T10:00:00Z');
    const twoHoursAgo = new Date(now.getTime() - 2 * 60 * 60 * 1000);
    await writeFile(path.join(tmp, 'crashed.part'), 'x');
    await utimes(path.join(tmp, 'crashed.part'), twoHoursAgo, twoHoursAgo);
    await writeFile(path.join(tmp, 'running.part'), 'y');
    await utimes(path.join(tmp, 'running.part'), now, now);
    await writeFile(path.join(tmp, 'notes.txt'), 'z');
    await utimes(path.join(tmp, 'notes.txt'), twoHoursAgo, twoHoursAgo);

    const removed = await new LocalFileStore(root).sweepTemporary(60 * 60 * 1000, now);

    expect(removed).toBe(1);
    expect((await readdir(tmp)).sort()).toEqual(['notes.txt', 'running.part']);
  });

  it('does nothing when no upload ever ran', async () => {
    root = await mkdtemp(path.join(tmpdir(), 'duibiao-store-'));
    expect(await new LocalFileStore(root).sweepTemporary(1000, new Date())).toBe(0);
  });
});
