import type { ActionKind } from '../../../common/actions.js';
import { fieldText, fieldsOf, headingOf, type FieldDef } from '../../../common/record-fields/index.js';
import { d, str, type LedgerRow, type Lookups } from './column-kit.js';
import { DATE_FMT, excelDate, type CellValue, type Column } from './ledger-sheet.js';

/** A field's cell: dates as dates and numbers as numbers, so Excel sorts them; the rest as text. */
function cellOf(f: FieldDef, v: unknown, look: Lookups): CellValue {
  if (f.widget === 'date') return excelDate(str(v));
  if (f.widget === 'number') return typeof v === 'number' ? v : null;
  return fieldText(f, v, look);
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
