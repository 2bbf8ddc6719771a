import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';

export type CellValue = string | number | Date | null;

/** One column of a ledger: its Chinese header, width and how a row fills it. */
export interface Column<T> {
  header: string;
  width: number;
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
const headerFill = {
  type: 'pattern' as const,
  pattern: 'solid' as const,
  fgColor: { argb: 'FFF2DCDB' },
};

/**
 * A worksheet of the workbook with the title block, the header row and frozen panes; rows are
 * added with `add`, each committed (written out and released) at once.
 */
export function startSheet<T>(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  name: string,
  block: TitleBlock,
  columns: Column<T>[],
) {
  const headerRow = block.lines.length + 3;
  const lastColumn = columns.length;
  const sheet = workbook.addWorksheet(name, {
    views: [{ state: 'frozen', ySplit: headerRow }],
    pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9 },
  });
  sheet.columns = columns.map((c) => ({ width: c.width }));

  const title = sheet.getRow(1);
  title.getCell(1).value = block.title;
  title.getCell(1).font = { bold: true, size: 16 };
  title.getCell(1).alignment = { horizontal: 'center', vertical: 'middle' };
  title.height = 28;
  if (lastColumn > 1) sheet.mergeCells(1, 1, 1, lastColumn);
  title.commit();
  block.lines.forEach(([label, value], i) => {
    const row = sheet.getRow(i + 2);
    row.getCell(1).value = label;
    row.getCell(1).font = { bold: true };
    row.getCell(2).value = value;
    if (lastColumn > 2) sheet.mergeCells(i + 2, 2, i + 2, lastColumn);
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
  header.commit();
  sheet.autoFilter = {
    from: { row: headerRow, column: 1 },
    to: { row: headerRow, column: lastColumn },
  };

  // One style object per column, shared by its cells: exceljs caches a style by object identity,
  // so a 100,000-row ledger costs one style lookup per cell instead of building one each time
  // (this halved the time of the writer).
  const styles: Partial<ExcelJS.Style>[] = columns.map((c) => ({
    border,
    alignment: { vertical: 'top', wrapText: c.width >= 24 },
    ...(c.numFmt ? { numFmt: c.numFmt } : {}),
  }));
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
      for (let i = 0; i < columns.length; i++) {
        const cell = row.getCell(i + 1);
        const v = columns[i]!.value(item);
        if (v !== null && v !== '') cell.value = v;
        cell.style = styles[i]!;
      }
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
