import { integer, pgTable } from 'drizzle-orm/pg-core';
import { records } from './campaigns.js';

/**
 * Each meeting record's attendance counted — 应到 (everyone on the list), present and on leave —
 * kept by triggers on `attendance` in the same statement as every change to the list (migration
 * 0023), so the indicators add up 50,000 meetings instead of joining 1.5 million attendance rows.
 * The triggers add and subtract what each statement changed, so concurrent changes to one
 * meeting's list (members signing in by QR code at once) never lose a count.
 * `npm run admin -- rebuild-statuses` recounts it from scratch along with the task statuses.
 */
export const attendanceTallies = pgTable('attendance_tallies', {
  recordId: integer('record_id')
    .primaryKey()
    .references(() => records.id, { onDelete: 'cascade' }),
  expected: integer('expected').notNull(),
  present: integer('present').notNull(),
  leave: integer('leave').notNull(),
});
