import { index, integer, jsonb, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { signalKinds } from '../../../common/api/signals.js';
import { users } from './auth.js';
import { records } from './campaigns.js';

/**
 * Integrity signals (核查提示) of a submitted record: something a reviewer should look at — a photo
 * or a passage used before, a record typed long after its event. A signal never rejects anything;
 * the reviewer marks it 已核实 (explained, with a note) or 存疑. `key` tells two signals of the same
 * kind apart (the other record and the matched file or field), so a recomputation keeps the marks.
 */
export const integritySignals = pgTable(
  'integrity_signals',
  {
    id: serial('id').primaryKey(),
    recordId: integer('record_id')
      .notNull()
      .references(() => records.id),
    kind: text('kind', { enum: signalKinds }).notNull(),
    key: text('key').notNull(),
    otherRecordId: integer('other_record_id').references(() => records.id),
    /** What the reviewer sees: the matched files, passages, similarity or distance, the times. */
    evidence: jsonb('evidence').notNull(),
    status: text('status', { enum: ['open', 'verified', 'doubtful'] })
      .notNull()
      .default('open'),
    note: text('note'),
    markedBy: integer('marked_by').references(() => users.id),
    markedAt: timestamp('marked_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('integrity_signals_record_key').on(t.recordId, t.kind, t.key),
    index('integrity_signals_other').on(t.otherRecordId),
  ],
);

/**
 * The passages of handed-in records the text comparison reads: each text of a record's data long
 * enough to compare, kept beside the record when its signals are computed, under a trigram GIN
 * index so a submit finds similar passages by `%` without reading every record of its kind.
 */
export const recordPassages = pgTable(
  'record_passages',
  {
    recordId: integer('record_id')
      .notNull()
      .references(() => records.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    passage: text('passage').notNull(),
  },
  (t) => [
    index('record_passages_record').on(t.recordId),
    index('record_passages_trgm').using('gin', t.passage.op('gin_trgm_ops')),
  ],
);
