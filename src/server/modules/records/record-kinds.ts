import type { z } from 'zod';
import type { ActionKind } from '../../../common/actions.js';
import { recordDataByKind } from '../../../common/api/records.js';
import { AppError } from '../../lib/errors.js';

export type RecordData = Record<string, unknown>;

/** Kinds whose records carry attendance (应到 / 实到). */
export const kindsWithAttendance: ReadonlySet<ActionKind> = new Set(['study', 'theme_day']);

/** Validates the kind-specific fields; problems are reported under body.data.<field>. */
export function parseRecordData(kind: ActionKind, data: unknown): RecordData {
  const parsed = (recordDataByKind[kind] as z.ZodType).safeParse(data);
  if (!parsed.success) {
    throw new AppError(
      'VALIDATION_FAILED',
      parsed.error.issues.map((i) => ({ path: ['body', 'data', ...i.path].join('.'), message: i.message })),
    );
  }
  return parsed.data as RecordData;
}

/**
 * The date that decides which period a record counts for: the activity date, except a revision
 * (the day it was published), a problem (the day it was solved) and publicity (first release).
 * Until that date exists the activity date stands in, so a draft shows under its task.
 */
export function countsOnOf(kind: ActionKind, occurredOn: string, data: RecordData): string {
  if (kind === 'rule_revision') return (data.publishedOn as string | null) ?? occurredOn;
  if (kind === 'grassroots_problem') {
    return (data.confirmedOn as string | null) ?? (data.resolvedOn as string | null) ?? occurredOn;
  }
  if (kind === 'publicity') {
    const dates = ((data.channels as { publishedOn: string }[]) ?? []).map((c) => c.publishedOn).sort();
    return dates[0] ?? occurredOn;
  }
  return occurredOn;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Every date in a record's fields, with its request path: measures and channels included. */
export function datesIn(data: unknown, path = 'body.data'): { path: string; date: string }[] {
  if (typeof data === 'string') return ISO_DATE.test(data) ? [{ path, date: data }] : [];
  if (!data || typeof data !== 'object') return [];
  return Object.entries(data).flatMap(([k, v]) => datesIn(v, `${path}.${k}`));
}

/**
 * Dates that must follow one another within a record: a problem is resolved no earlier than the
 * measures taken for it.
 */
export function checkDateOrder(kind: ActionKind, data: RecordData): void {
  if (kind !== 'grassroots_problem' || !data.resolvedOn) return;
  const measures = (data.measures as { date: string }[]) ?? [];
  const late = measures.findIndex((m) => m.date > (data.resolvedOn as string));
  if (late >= 0) {
    throw new AppError(
      'DATE_OUT_OF_ORDER',
      [{ path: 'body.data.resolvedOn', message: '解决日期不能早于解决措施的日期' }],
      '解决日期不能早于解决措施的日期',
    );
  }
}

// The checklist is shared with the web form: one definition in src/common.
export { checklistOf } from '../../../common/checklist.js';

/** Fields that usually repeat month to month, offered by “start from last month's”. */
export const repeatableFields: Record<ActionKind, string[]> = {
  study: [
    'form',
    'mode',
    'place',
    'platform',
    'meetingNo',
    'materialKinds',
    'hostPersonId',
    'recorderPersonId',
  ],
  // A theme day's theme and activity are chosen anew each month: carried over they would only
  // have to be overwritten (or, missed, report last month's theme). Only the place repeats.
  theme_day: ['mode', 'place', 'platform', 'meetingNo'],
  rule_revision: ['ruleType', 'departmentId', 'releaseForm'],
  grassroots_problem: ['unitId', 'category'],
  publicity: ['kind', 'author'],
  optional: ['category'],
};
