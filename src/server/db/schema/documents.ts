import { date, integer, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { users } from './auth.js';
import { blobs, campaigns } from './campaigns.js';

/**
 * Issued documents (印发的通报、年度总结): documents of record. The Word file as issued is kept in
 * the file store by SHA-256 and never regenerated, so what was sent stays readable as sent. Rows
 * are never changed: issuing again makes a new row with the next number.
 */
export const issuedDocuments = pgTable(
  'issued_documents',
  {
    id: serial('id').primaryKey(),
    campaignId: integer('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    kind: text('kind', { enum: ['bulletin', 'summary'] }).notNull(),
    /** The issue number's place in its series (campaign × kind): 3 in “2020年第3期”. */
    seq: integer('seq').notNull(),
    /** The issue number as printed. */
    issueNumber: text('issue_number').notNull(),
    title: text('title').notNull(),
    /** Months covered (YYYY-MM), and how they were chosen: month, quarter, half-year or range. */
    periodKind: text('period_kind', { enum: ['month', 'quarter', 'half', 'range', 'year'] }).notNull(),
    periodFrom: text('period_from').notNull(),
    periodTo: text('period_to').notNull(),
    issuedOn: date('issued_on', { mode: 'string' }).notNull(),
    /** The issuing body's full name as printed (中共××公司机关委员会). */
    issuer: text('issuer').notNull(),
    /** 文号, where the document carries one. */
    docNumber: text('doc_number'),
    sha256: text('sha256')
      .notNull()
      .references(() => blobs.sha256),
    fileName: text('file_name').notNull(),
    size: integer('size').notNull(),
    issuedBy: integer('issued_by').references(() => users.id),
    issuedByName: text('issued_by_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  // Numbers are unique per series even when two people issue at once (the service also takes a
  // lock, so the second waits and gets the next number instead of an error).
  (t) => [uniqueIndex('issued_documents_number').on(t.campaignId, t.kind, t.seq)],
);
