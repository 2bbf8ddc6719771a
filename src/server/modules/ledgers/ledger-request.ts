import type { Campaign } from '../../../common/api/campaigns.js';
import type { TitleBlock } from './ledger-sheet.js';
import type { LedgerFilter } from './ledgers.repo.js';

// Its own file so that the service and the writers it calls (task-ledger.ts) can both name it
// without importing each other.
/** A ledger request, authorized and resolved: what the writers need. */
export interface Resolved {
  campaign: Campaign;
  filter: LedgerFilter;
  /** The branches the ledger covers, in ledger order. */
  branchOrder: number[];
  block: TitleBlock;
  label: string;
  /** The month range in words, e.g. 2020年3月至2020年12月. */
  period: string;
}
