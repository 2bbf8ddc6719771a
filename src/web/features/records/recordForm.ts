import dayjs, { type Dayjs } from 'dayjs';
import { themeDayActivityLabels, themeDayThemeLabels, type ActionKind } from '../../../common/actions';
import { fieldsOf, recordFields, type FieldDef } from '../../../common/record-fields';
import type { RecordDetail } from '../../../common/api/records';
import type { AttendanceInput } from './records.api';
import type { BranchPost, MemberStatus } from '../../../common/enums';

/** What the entry form holds: the API body with dates as dayjs values for the pickers. */
export interface RecordFormValues {
  title?: string;
  occurredOn?: Dayjs | null;
  data: Record<string, unknown>;
}

/** One line of the attendance editor; the name comes along for display. */
export interface AttendanceRow extends AttendanceInput {
  name: string;
  reason?: string | null;
  /** Shown beside the name: 预备党员 are marked, a committee member's post named. */
  memberStatus?: MemberStatus | null;
  post?: BranchPost | null;
}

/**
 * The list of those expected, keeping what was already marked for each of them; anyone newly
 * expected starts as present, as on a new record.
 */
export function mergeExpected(
  expected: { personId: number; name: string; memberStatus: MemberStatus; post: BranchPost | null }[],
  rows: AttendanceRow[],
): AttendanceRow[] {
  const marked = new Map(rows.map((r) => [r.personId, r]));
  return expected.map((e) => ({
    status: 'present',
    reason: null,
    ...marked.get(e.personId),
    personId: e.personId,
    name: e.name,
    memberStatus: e.memberStatus,
    post: e.post,
  }));
}

export const kindsWithAttendance: ReadonlySet<ActionKind> = new Set(['study', 'theme_day']);

/** Date fields inside the rows of a list field: [list, field]. */
const dateListFields: Partial<Record<ActionKind, [string, string][]>> = {
  grassroots_problem: [['measures', 'date']],
  publicity: [['channels', 'publishedOn']],
};

const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');

/** The first clause of a description, short enough for a title. */
function firstClause(v: unknown, max = 40): string {
  const clause = text(v)
    .split(/[。;;\n]/)[0]!
    .trim();
  return clause.length > max ? `${clause.slice(0, max)}…` : clause;
}

/**
 * The title the facts already say, used when the title is left empty (never typed twice): the
 * study's topic, the revised rule's name, the theme day's theme and activity, the problem's
 * description. Publicity has none: its title is the headline itself. Stored in Chinese, as the
 * records' titles are.
 */
export function derivedTitle(kind: ActionKind, data: Record<string, unknown> | undefined): string {
  const d = data ?? {};
  switch (kind) {
    case 'study':
      return text(d.topic);
    case 'rule_revision':
      return text(d.ruleTitle);
    case 'theme_day': {
      const theme = themeDayThemeLabels[d.theme as keyof typeof themeDayThemeLabels]?.zh;
      const activity = themeDayActivityLabels[d.activity as keyof typeof themeDayActivityLabels]?.zh;
      if (!theme) return '';
      return activity ? `主题党日:${theme}(${activity})` : `主题党日:${theme}`;
    }
    case 'grassroots_problem':
      return firstClause(d.description);
    default:
      return '';
  }
}

/** Kinds whose record date is the day it was held; the others ask for the date they mean. */
export const kindsHeldOnADay: ReadonlySet<ActionKind> = new Set(['study', 'theme_day', 'optional']);

/** Kinds whose title may be left empty: the facts give it. */
export const kindsWithDerivedTitle: ReadonlySet<ActionKind> = new Set([
  'study',
  'rule_revision',
  'theme_day',
  'grassroots_problem',
]);

const toDay = (v: unknown) => (typeof v === 'string' && v ? dayjs(v) : null);
const fromDay = (v: unknown) => (dayjs.isDayjs(v) ? v.format('YYYY-MM-DD') : null);

function mapDates(kind: ActionKind, data: Record<string, unknown>, convert: (v: unknown) => unknown) {
  const out: Record<string, unknown> = { ...data };
  for (const [name, f] of fieldsOf(kind)) if (f.widget === 'date') out[name] = convert(data[name]);
  for (const [list, name] of dateListFields[kind] ?? []) {
    const rows = Array.isArray(data[list]) ? (data[list] as Record<string, unknown>[]) : [];
    out[list] = rows.map((row) => ({ ...row, [name]: convert(row?.[name]) }));
  }
  return out;
}

/**
 * Sensible starting values of a new record: the usual form and mode, and the one date each kind
 * means (solved on, published on) as the record's day; nothing invented.
 */
export function newRecordData(kind: ActionKind, day: Dayjs | null = dayjs()): Record<string, unknown> {
  switch (kind) {
    case 'study':
      return { mode: 'in_person', materialKinds: [] };
    case 'theme_day':
      return { mode: 'in_person' };
    case 'rule_revision':
      return { ruleType: 'rule' };
    case 'grassroots_problem':
      return { measures: [], resolvedOn: day };
    case 'publicity':
      // Every item goes out on at least one channel: its row is there to fill in.
      return { kind: 'news', channels: [{ publishedOn: day }] };
    default:
      return {};
  }
}

export function toFormValues(detail: RecordDetail): RecordFormValues {
  return {
    title: detail.title,
    occurredOn: dayjs(detail.occurredOn),
    // A theme day saved before it had a mode was held in person (the server's default too).
    data: {
      ...(detail.kind === 'theme_day' ? { mode: 'in_person' } : {}),
      ...mapDates(detail.kind, detail.data, toDay),
    },
  };
}

/** Template fields ("沿用上月") as form values. */
export const templateToForm = (kind: ActionKind, data: Record<string, unknown>) =>
  mapDates(kind, data, toDay);

/** The form's data as the API wants it: dates as YYYY-MM-DD, cleared selects as null. */
export function toApiData(kind: ActionKind, data: Record<string, unknown>): Record<string, unknown> {
  const out = mapDates(kind, data ?? {}, fromDay);
  for (const [key, value] of Object.entries(out)) {
    if (value !== undefined && value !== null) continue;
    // Empty text and lists are left out (the server makes them '' and []); an empty choice is sent
    // as null.
    if (defaultsWhenAbsent(kind, key)) delete out[key];
    else out[key] = null;
  }
  return out;
}

/** A field the server fills with its default ('' or []) when absent, and which refuses null. */
function defaultsWhenAbsent(kind: ActionKind, key: string): boolean {
  const schema = (recordFields[kind] as Record<string, FieldDef | undefined>)[key]?.schema;
  return !!schema && schema.safeParse(undefined).success && !schema.safeParse(null).success;
}

export function titleOf(kind: ActionKind, values: RecordFormValues): string {
  return values.title?.trim() || derivedTitle(kind, values.data);
}

export function attendanceBody(rows: AttendanceRow[]): AttendanceInput[] {
  return rows.map((r) => ({
    personId: r.personId,
    status: r.status,
    reason: r.status === 'present' ? null : r.reason?.trim() || null,
  }));
}

export function attendanceRowsOf(detail: RecordDetail): AttendanceRow[] {
  return detail.attendance.map((a) => ({
    personId: a.personId,
    name: a.name,
    status: a.status,
    reason: a.reason,
    memberStatus: a.memberStatus,
    post: a.post,
  }));
}

/** A day to propose for a new record: today within the month, else the month's last day if past. */
export function defaultDay(periodKey: string | undefined, today: Dayjs = dayjs()): Dayjs | null {
  if (!periodKey || !/^\d{4}-\d{2}$/.test(periodKey)) return today;
  const start = dayjs(`${periodKey}-01`);
  const end = start.endOf('month');
  if (today.isBefore(start, 'day')) return null;
  return today.isAfter(end, 'day') ? end.startOf('day') : today;
}
