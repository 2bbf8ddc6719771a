import { createHash } from 'node:crypto';
import { createReadStream, type Stats } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  MANIFEST_FILE,
  type Manifest,
  BackupError,
} from './backup-format.js';
import { hashFile, inside, storePath } from './backup-files.js';

// Checks a backup folder against its manifest before anything trusts it.

export async function readManifest(dir: string): Promise<Manifest> {
  let text: string;
  try {
    text = await readFile(path.join(dir, MANIFEST_FILE), 'utf8');
  } catch {
    throw new BackupError(
      `${dir} 中没有 ${MANIFEST_FILE}:这不是一个完整的备份。` +
        `${dir} has no ${MANIFEST_FILE}: not a complete backup.`,
    );
  }
  let manifest: Manifest;
  try {
    manifest = JSON.parse(text) as Manifest;
  } catch {
    throw new BackupError(`${MANIFEST_FILE} 已损坏 / ${MANIFEST_FILE} is not valid JSON`);
  }
  if (
    manifest.format !== BACKUP_FORMAT ||
    !Array.isArray(manifest.tables) ||
    !Array.isArray(manifest.files)
  ) {
    throw new BackupError(`${dir} 不是对标的备份 / ${dir} is not a Duibiao backup`);
  }
  if (manifest.formatVersion > BACKUP_FORMAT_VERSION) {
    throw new BackupError(
      `备份格式版本 ${manifest.formatVersion} 比本程序新,请升级后再恢复。` +
        `Backup format ${manifest.formatVersion} is newer than this program understands; upgrade first.`,
    );
  }
  return manifest;
}

export async function countLines(file: string): Promise<{ lines: number; sha256: string }> {
  const hash = createHash('sha256');
  let lines = 0;
  for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    for (const byte of chunk) if (byte === 10) lines++;
  }
  return { lines, sha256: hash.digest('hex') };
}

/**
 * Checks a backup against its manifest: every table dump's hash and row count, every file's size
 * and SHA-256 (and that each blob's content matches its name). Throws a BackupError listing every
 * problem; answers the manifest when all is well.
 */
export async function verifyBackup(dir: string): Promise<Manifest> {
  const manifest = await readManifest(dir);
  const problems: string[] = [];
  for (const t of manifest.tables) {
    const file = inside(dir, t.file);
    if (!file) {
      problems.push(`表 ${t.name} 的文件路径无效 / invalid path for table ${t.name}: ${t.file}`);
      continue;
    }
    try {
      const found = await countLines(file);
      if (found.sha256 !== t.sha256) problems.push(`表文件哈希不符 / table dump hash mismatch: ${t.file}`);
      if (found.lines !== t.rows) {
        problems.push(`表 ${t.name} 行数为 ${found.lines},应为 ${t.rows} / row count mismatch: ${t.file}`);
      }
    } catch {
      problems.push(`缺少表文件 / table dump missing: ${t.file}`);
    }
  }
  for (const f of manifest.files) {
    const match = storePath.exec(f.path);
    if (!match) {
      problems.push(`文件路径无效 / invalid file path: ${f.path}`);
      continue;
    }
    if (match[1] === 'blobs' && match[4] !== f.sha256) {
      problems.push(`证据文件哈希与名称不符 / blob hash does not match its name: ${f.path}`);
    }
    let st: Stats;
    try {
      st = await stat(path.join(dir, 'files', f.path));
    } catch {
      problems.push(`缺少文件 / file missing: files/${f.path}`);
      continue;
    }
    if (st.size !== f.size) {
      problems.push(`文件大小不符 / size mismatch: files/${f.path}`);
      continue;
    }
    const { sha256 } = await hashFile(path.join(dir, 'files', f.path));
    if (sha256 !== f.sha256) problems.push(`文件哈希不符 / SHA-256 mismatch: files/${f.path}`);
  }
  if (problems.length) {
    throw new BackupError(`备份校验失败 / the backup failed verification (${dir}):`, problems);
  }
  return manifest;
}
