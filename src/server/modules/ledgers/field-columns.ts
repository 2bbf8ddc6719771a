import type { ActionKind } from '../../../common/actions.js';
import { fieldsOf, headingOf, type FieldDef } from '../../../common/record-fields/index.js';
import { d, str, type LedgerRow, type Lookups } from './column-kit.js';
import { DATE_FMT, excelDate, type CellValue, type Column } from './ledger-sheet.js';

const optionLabel = (f: FieldDef, code: unknown) =>
  typeof code === 'string' ? (f.options?.[code]?.zh ?? '') : '';
const listOf = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** A field's cell, as the form's widget shows it: labels for codes, names for ids, dates as dates. */
function cellOf(f: FieldDef, v: unknown, look: Lookups): CellValue {
  switch (f.widget) {
    case 'select':
    case 'radio':
      return optionLabel(f, v);
    case 'multi':
      return listOf(v)
        .map((x) => optionLabel(f, x))
        .join('、');
    case 'tags':
      return listOf(v).map(String).join('、');
    case 'date':
      return excelDate(str(v));
    case 'number':
      return typeof v === 'number' ? v : null;
    case 'person':
      return look.person(v);
    case 'department':
      return look.department(v);
    case 'unit':
      return look.unit(v);
    default:
      return str(v);
  }
}

/**
 * The columns of a kind's fields that its ledger shows (those with a `ledger` width in the field
 * list), headed by the field's heading. A kind's column list places the ones the paper ledger puts
 * somewhere in particular (`columns`), writes composite ones by hand (`custom`), and takes the
 * others with `rest`, in the field list's order: a field added to the list with a width appears
 * without another edit.
 */
export function fieldColumns(kind: ActionKind, look: Lookups) {
  const fields = new Map(fieldsOf(kind));
  const placed = new Set<string>();
  const def = (key: string) => {
    const f = fields.get(key);
    if (!f) throw new Error(`${kind} has no field ${key}`);
    placed.add(key);
    return f;
  };
  const column = (key: string, f: FieldDef): Column<LedgerRow> => ({
    header: headingOf(f),
    width: f.ledger ?? 12,
    value: (r) => cellOf(f, d(r)[key], look),
    ...(f.widget === 'date' ? { numFmt: DATE_FMT } : {}),
  });
  return {
    columns: (...keys: string[]) => keys.map((key) => column(key, def(key))),
    custom: (key: string, width: number, value: Column<LedgerRow>['value']): Column<LedgerRow> => ({
      header: headingOf(def(key)),
      width,
      value,
    }),
    rest: () =>
      [...fields]
        .filter(([key, f]) => f.ledger !== undefined && !placed.has(key))
        .map(([key]) => column(key, def(key))),
  };
}
