import { z } from 'zod';
import { id, isoDate, text } from '../api/shared.js';

/** A text in both languages, Chinese first. */
export interface Bilingual {
  zh: string;
  en: string;
}

/** The record's data as the form holds it or the server stored it: read field by field. */
export type FieldData = Record<string, unknown>;

/**
 * How the form asks for a field and the read-only view shows it.
 * - simple inputs, drawn by the web's generic field renderer: text, long (a text box), date, time,
 *   number, select (one of `options`), multi (several of `options`), radio, tags (free words);
 * - pickers over the branch's own lists: person (its roster), group (its Party groups), department,
 *   unit (the organisation's);
 * - editors of their own, components the renderer looks up by name: attendees, agenda, measures,
 *   channels;
 * - none: kept in the data but never typed (filled by the server or by another page).
 */
export type Widget =
  | 'text'
  | 'long'
  | 'date'
  | 'time'
  | 'number'
  | 'select'
  | 'multi'
  | 'radio'
  | 'tags'
  | 'person'
  | 'group'
  | 'department'
  | 'unit'
  | 'attendees'
  | 'agenda'
  | 'measures'
  | 'channels'
  | 'none';

/**
 * One field of a record kind. Key = the key in record.data; the list's order is the entry form's.
 *
 *   - schema: the zod type the API accepts (drafts may be incomplete, so most have defaults);
 *   - zh, en: the label the form and the read-only view show;
 *   - max:    the length limit of a text field: the schema's limit and the form's maxLength;
 *   - submit: true when the record cannot be submitted without it (the checklist says so);
 *   - widget: how it is typed and shown (see Widget);
 *   - options: the labels of a select's, multi-select's or radio's choices, by code;
 *   - hint, placeholder: a line under the input, a grey text inside it;
 *   - rows:   a text box's height in lines, [at least, at most];
 *   - span:   its width in the form on a wide screen, of 24 (default 24), and `phoneSpan` on a phone
 *             (default 24); a function where it depends on the record (the meeting's mode);
 *   - shownWhen: only this record's data asks for it (a 党小组会's group, a 党课's lecturer); the
 *             view also shows it when it holds a value and `viewWhenFilled` is set;
 *   - requiredWhenShown: the form asks for it whenever it is shown (a schema default allows it
 *             empty in drafts of other forms);
 *   - after:  a time that must be later than the named field's;
 *   - planned: a date that may lie ahead, as planned (a revision's publication, entered before the
 *             leader's approval); the record is submitted only once the day has come;
 *   - future: a date that lies ahead by nature (a day to measure an effect by), never holding the
 *             record back; dates neither planned nor future are never after today;
 *   - heading: the ledger's column heading where the paper ledger names it differently;
 *   - ledger: the column width (characters) when the kind's ledger shows it in a column of its own;
 *   - document: the heading of its row when the meeting record (会议记录) prints it on a row of its own.
 */
export interface FieldDef<S extends z.ZodType = z.ZodType> extends Bilingual {
  schema: S;
  widget: Widget;
  max?: number;
  submit?: boolean;
  options?: Readonly<Record<string, Bilingual>>;
  hint?: Bilingual;
  placeholder?: Bilingual;
  rows?: readonly [number, number];
  span?: number | ((data: FieldData) => number);
  phoneSpan?: number;
  shownWhen?: (data: FieldData) => boolean;
  viewWhenFilled?: boolean;
  requiredWhenShown?: boolean;
  after?: string;
  planned?: boolean;
  future?: boolean;
  heading?: string;
  ledger?: number;
  document?: string;
}

type Extra = Partial<Omit<FieldDef, 'schema' | 'zh' | 'en'>>;

const longText = (max: number) => z.string().trim().max(max).default('');
/** Text longer than this is typed in a text box, shorter in one line. */
const ONE_LINE_MAX = 200;
const textWidget = (max: number): Widget => (max > ONE_LINE_MAX ? 'long' : 'text');

/** Free text up to `max` characters, empty allowed in drafts. */
export const long = (zh: string, en: string, max: number, extra: Extra = {}) => ({
  schema: longText(max),
  zh,
  en,
  max,
  widget: textWidget(max),
  submit: false,
  ...extra,
});
/** Text that may never be empty, even in a draft. */
export const must = (zh: string, en: string, max: number, extra: Extra = {}) => ({
  schema: text(max),
  zh,
  en,
  max,
  widget: textWidget(max),
  submit: true,
  ...extra,
});
/** A row of another table (a person, a group, a department, a unit), picked from a list. */
export const ref = (zh: string, en: string, widget: Widget, extra: Extra = {}) => ({
  schema: id.nullable().default(null),
  zh,
  en,
  widget,
  submit: false,
  ...extra,
});
/** A day, never in the future. */
export const date = (zh: string, en: string, extra: Extra = {}) => ({
  schema: isoDate.nullable().default(null),
  zh,
  en,
  widget: 'date' as const,
  submit: false,
  ...extra,
});
/** One of a fixed list of codes, each with its label. */
export const choice = <T extends string>(
  zh: string,
  en: string,
  values: readonly [T, ...T[]],
  options: Readonly<Record<T, Bilingual>>,
  extra: Extra = {},
) => ({
  schema: z.enum(values),
  zh,
  en,
  options,
  widget: 'select' as const,
  submit: true,
  ...extra,
});

/** The field's label in the ledger: its heading where the paper ledger has one, else its label. */
export const headingOf = (f: FieldDef): string => f.heading ?? f.zh;

/** Whether the field applies to a record with this data (the form shows it, the view lists it). */
export const appliesTo = (f: FieldDef, data: FieldData): boolean => !f.shownWhen || f.shownWhen(data);

/** Whether even a draft needs it: the form marks it required (its schema takes no empty value). */
export const requiredInDraft = (f: FieldDef): boolean =>
  !!f.requiredWhenShown || !f.schema.safeParse(undefined).success;

/** Names for the ids a field may hold (people, groups, departments, units), '' when unknown. */
export interface NameLookups {
  person: (id: unknown) => string;
  group?: (id: unknown) => string;
  department?: (id: unknown) => string;
  unit?: (id: unknown) => string;
}

const optionText = (f: FieldDef, code: unknown) =>
  typeof code === 'string' ? (f.options?.[code]?.zh ?? '') : '';
const listOf = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/**
 * A field's value as Chinese text, for the documents and ledgers: choices by their label, ids by
 * name, several values joined by 、. The list editors' rows are written by their own columns.
 */
export function fieldText(f: FieldDef, v: unknown, names: NameLookups): string {
  switch (f.widget) {
    case 'select':
    case 'radio':
      return optionText(f, v);
    case 'multi':
      return listOf(v)
        .map((x) => optionText(f, x))
        .filter(Boolean)
        .join('、');
    case 'tags':
      return listOf(v).map(String).join('、');
    case 'number':
      return typeof v === 'number' ? String(v) : '';
    case 'person':
      return names.person(v);
    case 'group':
      return names.group?.(v) ?? '';
    case 'department':
      return names.department?.(v) ?? '';
    case 'unit':
      return names.unit?.(v) ?? '';
    default:
      return typeof v === 'string' ? v : '';
  }
}
