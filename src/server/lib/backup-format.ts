import type { DbKind } from '../db/client.js';

// The backup folder's format: the manifest's shape and the limits both directions share.

export const BACKUP_FORMAT = 'duibiao-backup';
export const BACKUP_FORMAT_VERSION = 1;
export const MANIFEST_FILE = 'manifest.json';
export const FETCH_ROWS = 1000;
export const INSERT_BATCH_ROWS = 500;
export const INSERT_BATCH_BYTES = 4 * 1024 * 1024;

export interface ManifestTable {
  name: string;
  /** Relative to the backup folder. */
  file: string;
  columns: string[];
  rows: number;
  sha256: string;
}

export interface ManifestSequence {
  table: string;
  column: string;
  sequence: string;
  /** As read in the snapshot (bigint, as text). */
  lastValue: string;
  isCalled: boolean;
}

export interface ManifestFile {
  /** Relative to the file store root, e.g. blobs/ab/cd/abcd…; the copy sits under files/ in the backup. */
  path: string;
  size: number;
  sha256: string;
}

export interface Manifest {
  format: typeof BACKUP_FORMAT;
  formatVersion: number;
  createdAt: string;
  engine: DbKind;
  serverVersion: string;
  /** drizzle migrations applied to the source (created_at is the migration's folder timestamp). */
  migrations: { hash: string; createdAt: string }[];
  tables: ManifestTable[];
  sequences: ManifestSequence[];
  files: ManifestFile[];
  /** Problems found in the source while backing up (e.g. an evidence file missing on disk). */
  warnings: string[];
}

export interface BackupSummary {
  tables: number;
  rows: number;
  files: number;
  bytes: number;
}

/** A backup or restore that cannot proceed; the message is Chinese and English. */
export class BackupError extends Error {
  constructor(
    message: string,
    readonly problems: string[] = [],
  ) {
    super(problems.length ? `${message}\n  - ${problems.join('\n  - ')}` : message);
  }
}

export function summarize(manifest: Manifest): BackupSummary {
  return {
    tables: manifest.tables.length,
    rows: manifest.tables.reduce((n, t) => n + t.rows, 0),
    files: manifest.files.length,
    bytes: manifest.files.reduce((n, f) => n + f.size, 0),
  };
}
