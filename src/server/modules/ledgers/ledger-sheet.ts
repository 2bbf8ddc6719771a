import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { LINE_HEIGHT, fitWidths, headerFooter, lineCount, pageSetup, printable } from './ledger-print.js';

/** A cell: text, a number, a date, or a link (text shown, address followed). */
export type CellValue = string | number | Date | ExcelJS.CellHyperlinkValue | null;

/** One column of a ledger: its Chinese header, width and how a row fills it. */
export interface Column<T> {
  header: string;
  /** The widest the column grows (Excel's column units); longer text wraps. */
  width: number;
  /** The narrowest it may be when sized to the content (see fitWidths). */
  minWidth?: number;
  value: (row: T) => CellValue;
  /** Excel number format, e.g. dates or percentages. */
  numFmt?: string;
}

/** The block above the table: the ledger's title and its labelled facts (organisation, campaign…). */
export interface TitleBlock {
  title: string;
  lines: [label: string, value: string][];
}

export const DATE_FMT = 'yyyy-mm-dd';
export const DATETIME_FMT = 'yyyy-mm-dd hh:mm';
export const PERCENT_FMT = '0.0%';

/** A calendar date (YYYY-MM-DD) as an Excel date: UTC midnight, so every reader shows that day. */
export function excelDate(date: string | null | undefined): Date | null {
  return date ? new Date(`${date.slice(0, 10)}T00:00:00Z`) : null;
}

/** An instant as an Excel date-time in China Standard Time, the users' wall clock. */
export function excelDateTime(at: Date | string | null | undefined): Date | null {
  if (!at) return null;
  const t = typeof at === 'string' ? Date.parse(at) : at.getTime();
  return Number.isNaN(t) ? null : new Date(t + 8 * 3600_000);
}

/** Opens an xlsx written straight into `stream` (exceljs streaming writer: rows are flushed as committed). */
export function openWorkbook(stream: Writable, creator: string): ExcelJS.stream.xlsx.WorkbookWriter {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream,
    useStyles: true,
    // Inline strings: shared strings would be held in memory until the end.
    useSharedStrings: false,
  });
  workbook.creator = creator;
  return workbook;
}

const thin = { style: 'thin' as const, color: { argb: 'FFBFBFBF' } };
const border = { top: thin, left: thin, bottom: thin, right: thin };
const fill = (argb: string) => ({ type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb } });
const headerFill = fill('FFF2DCDB');
/** The shade of a row that is not (yet) approved, in a ledger that includes such records. */
const markedFill = fill('FFFFF2CC');

/** How a sheet is started: the rows it is sized by and the rows it marks. */
export interface SheetOptions<T> {
  /** The first rows of the sheet, which the column widths are sized to (see fitWidths). */
  sample?: T[];
  /** Rows shaded as not approved (their status column says which state they are in). */
  marked?: (row: T) => boolean;
  /** The period in words, for the page header. */
  period?: string;
}

/**
 * A worksheet of the workbook with the title block, the header row, frozen panes and its print
 * setup (see ledger-print.ts); rows are added with `add`, each committed (written out and
 * released) at once. Every ledger starts with 序号 and 党支部, the columns repeated on each page.
 */
export function startSheet<T>(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  name: string,
  block: TitleBlock,
  columns: Column<T>[],
  options: SheetOptions<T> = {},
) {
  const headerRow = block.lines.length + 3;
  const keyColumns = Math.min(2, columns.length);
  const sheet = workbook.addWorksheet(name, {
    views: [{ state: 'frozen', ySplit: headerRow, xSplit: keyColumns }],
    pageSetup: pageSetup(headerRow, keyColumns),
    headerFooter: headerFooter(block.title, options.period ?? ''),
  });
  const widths = options.sample
    ? fitWidths(columns, options.sample, keyColumns)
    : columns.map((c) => c.width);
  sheet.columns = widths.map((width) => ({ width }));

  // The title and its facts are left-aligned single cells that run on to the right, so a ledger
  // several pages wide has them on its first page, and no label is cut by a narrow first column.
  const title = sheet.getRow(1);
  title.getCell(1).value = block.title;
  title.getCell(1).font = { bold: true, size: 16 };
  title.getCell(1).alignment = { vertical: 'middle' };
  title.height = 28;
  title.commit();
  block.lines.forEach(([label, value], i) => {
    const row = sheet.getRow(i + 2);
    row.getCell(1).value = `${label}:${value}`;
    row.commit();
  });
  const header = sheet.getRow(headerRow);
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { bold: true };
    cell.fill = headerFill;
    cell.border = border;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });
  const headerLines = Math.max(...columns.map((c, i) => lineCount(c.header, widths[i]!)));
  if (headerLines > 1) header.height = headerLines * LINE_HEIGHT;
  header.commit();
  sheet.autoFilter = {
    from: { row: headerRow, column: 1 },
    to: { row: headerRow, column: columns.length },
  };

  // One style object per column, shared by its cells: exceljs caches a style by object identity,
  // so a 100,000-row ledger costs one style lookup per cell instead of building one each time
  // (this halved the time of the writer). Text wraps in every column, so nothing is cut off.
  const style = (c: Column<T>, shade: boolean): Partial<ExcelJS.Style> => ({
    border,
    alignment: { vertical: 'top', wrapText: !c.numFmt },
    ...(c.numFmt ? { numFmt: c.numFmt } : {}),
    ...(shade ? { fill: markedFill } : {}),
  });
  const plain = columns.map((c) => style(c, false));
  const shaded = columns.map((c) => style(c, true));
  const { marked } = options;
  let next = headerRow + 1;
  let count = 0;
  return {
    sheet,
    headerRow,
    get count() {
      return count;
    },
    add(item: T) {
      const row = sheet.getRow(next++);
      const styles = marked?.(item) ? shaded : plain;
      let lines = 1;
      for (let i = 0; i < columns.length; i++) {
        const cell = row.getCell(i + 1);
        const v = columns[i]!.value(item);
        if (typeof v === 'string') {
          if (v !== '') {
            const text = printable(v, widths[i]!);
            lines = Math.max(lines, lineCount(text, widths[i]!));
            cell.value = text;
          }
        } else if (v !== null) {
          if (typeof v === 'object' && 'hyperlink' in v)
            lines = Math.max(lines, lineCount(v.text, widths[i]!));
          cell.value = v;
        }
        cell.style = styles[i]!;
      }
      // The row is as tall as its longest wrapped text: LibreOffice keeps the default height of a
      // row written without one, which cut wrapped text to its first line.
      if (lines > 1) row.height = Math.min(409, lines * LINE_HEIGHT + 3);
      row.commit();
      count++;
    },
    /** A closing line under the table (totals, or a note that nothing matched). */
    note(text: string) {
      const row = sheet.getRow(next + 1);
      row.getCell(1).value = text;
      row.getCell(1).font = { italic: true };
      row.commit();
    },
    commit() {
      sheet.commit();
    },
  };
}
