import type { CellValue, Column } from './ledger-sheet.js';
import type { EvidenceFile, LedgerRecord } from './ledgers.repo.js';
import type { Verdict } from '../../../common/record-fields/index.js';

// What the column lists of the ledgers share: the row types, lookups and small formatters.

/** A record with what the ledger adds from other tables: attendance, names, the unit's confirmation. */
export interface LedgerRow extends LedgerRecord {
  seq: number;
  attendance: { expected: number; present: number; leave: number; absent: number; absentees: string | null };
  problem?: {
    confirmation: 'solved' | 'partly' | null;
    confirmedOn: string | null;
    satisfaction: number | null;
    onBehalf: string | null;
  };
  /** The files attached to the record as its evidence. */
  evidence: EvidenceFile[];
  /** A revision's leader reviews and effect follow-ups (revision ledger only). */
  reviews?: { decision: 'approved' | 'returned'; comment: string; leader: string; at: Date }[];
  followups?: {
    dueOn: string;
    note: string | null;
    notedOn: string | null;
    notedBy: string | null;
    measuredValue: number | null;
    evidence: string | null;
    verdict: Verdict | null;
    nextStep: string | null;
  }[];
}

/** Names the columns look up: people, departments, units, publicity channels and file addresses. */
export interface Lookups {
  person: (id: unknown) => string;
  department: (id: unknown) => string;
  unit: (id: unknown) => string;
  channel: (code: string) => string;
  /** The download address of an evidence file (the reader must be signed in to follow it). */
  fileUrl: (evidenceId: number) => string;
}

/** The record's data, field by field. */
export const d = (r: LedgerRow) => r.data as Record<string, unknown>;

export const label = <T extends string>(labels: Record<T, { zh: string }>, value: unknown): string =>
  typeof value === 'string' && value in labels ? labels[value as T].zh : '';
export const str = (v: unknown): string => (typeof v === 'string' ? v : '');
export const yes = (b: boolean) => (b ? '是' : '');
export const rate = (present: number, expected: number): CellValue => (expected ? present / expected : null);
export const qualityLabels: Record<string, string> = { excellent: '优', good: '良', fair: '中', poor: '差' };

/** Wide enough for 6 digits: a group's ledger runs past 100,000 rows, and a number never wraps. */
export const seq: Column<{ seq: number }> = { header: '序号', width: 8, minWidth: 8, value: (r) => r.seq };
export const branch: Column<{ branchName: string }> = {
  header: '党支部',
  width: 18,
  value: (r) => r.branchName,
};
