import type ExcelJS from 'exceljs';

/**
 * How a ledger prints: the paper, the repeated rows and the column widths. A ledger is filed and
 * inspected on paper, so it prints on A4 landscape at full size (never shrunk to one page wide:
 * a 27-column ledger shrunk so came out at about 3 pt); a wide ledger runs over several pages,
 * across first, each page repeating the header row and the first two columns (序号, 党支部).
 */

/** Paper A4 (the code Excel uses). */
const A4 = 9;

/** Escapes text for an Excel header or footer, where `&` starts a code. */
const headerText = (s: string) => s.replace(/&/g, '&&');

export function pageSetup(headerRow: number, keyColumns: number): Partial<ExcelJS.PageSetup> {
  return {
    paperSize: A4,
    orientation: 'landscape',
    // Full size: with fitToPage off Excel and LibreOffice print at `scale` percent.
    fitToPage: false,
    scale: 100,
    fitToWidth: 0,
    fitToHeight: 0,
    pageOrder: 'overThenDown',
    margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    printTitlesRow: `${headerRow}:${headerRow}`,
    ...(keyColumns > 0 ? { printTitlesColumn: `A:${String.fromCharCode(64 + keyColumns)}` } : {}),
    horizontalCentered: false,
  };
}

/** The page header names the ledger (pages after the first have no title block); the footer numbers the pages. */
export function headerFooter(title: string, period: string): Partial<ExcelJS.HeaderFooter> {
  return {
    oddHeader: `&L${headerText(title)}&R${headerText(period)}`,
    oddFooter: '&C第 &P 页 共 &N 页',
  };
}

/**
 * The width of text in Excel's column units (the width of a digit in the default font): a Chinese
 * character or full-width sign takes two, other characters one. Multi-line text: its widest line.
 */
export function textWidth(s: string): number {
  let widest = 0;
  let w = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 10) {
      widest = Math.max(widest, w);
      w = 0;
    } else w += c >= 0x2e80 ? 2 : 1;
  }
  return Math.max(widest, w);
}

/** What a column's cells hold, as far as sizing and wrapping go. */
export interface Sizing {
  header: string;
  /** The widest the column may grow (column units); longer text wraps. */
  width: number;
  /** The narrowest it may be, for numbers that grow past what the sample shows (序号). */
  minWidth?: number;
  numFmt?: string;
}

/** Room for the cell's padding and the filter button of the header. */
const PAD = 2;
/** A header longer than this wraps onto two lines rather than widening its column. */
const HEADER_ONE_LINE = 10;

function displayedWidth(v: unknown, numFmt: string | undefined): number {
  if (v === null || v === undefined || v === '') return 0;
  if (v instanceof Date) return numFmt?.includes('hh') ? 16 : 10;
  if (typeof v === 'number') return numFmt?.includes('%') ? 6 : String(v).length;
  if (typeof v === 'object' && 'text' in v) return textWidth(String((v as { text: unknown }).text));
  return textWidth(String(v));
}

/**
 * The printable width of A4 landscape between the margins, in pixels at 96 dpi (276.7 mm), less
 * a little so a page's last column is never pushed over by rounding.
 */
const PAGE_PX = 1020;
/** A column's width in pixels as spreadsheet programs draw it (7 px a unit in the default font, plus padding). */
const px = (width: number) => Math.round(width * 7 + 5);

/**
 * Column widths sized to the content: as wide as the header (a long header wraps onto two lines)
 * and the widest value of the sample (the first rows of the ledger, which a streaming writer has
 * before it writes the first row), but no wider than the column's own limit, past which text wraps.
 * Then the columns are laid out on pages (each page repeats the first `keyColumns`), and the room
 * left at the right of a page goes to that page's wrapped columns, so rows are shorter and no page
 * ends in a blank strip.
 */
export function fitWidths<T>(
  columns: (Sizing & { value: (row: T) => unknown })[],
  sample: T[],
  keyColumns = 2,
): number[] {
  const needs = columns.map((c) => {
    const h = textWidth(c.header);
    let need = h <= HEADER_ONE_LINE ? h : Math.max(HEADER_ONE_LINE, Math.ceil(h / 2));
    for (const row of sample) need = Math.max(need, displayedWidth(c.value(row), c.numFmt));
    return Math.max(need + PAD, c.minWidth ?? 0);
  });
  const widths = needs.map((need, i) => Math.min(columns[i]!.width, need));
  const room = PAGE_PX - widths.slice(0, keyColumns).reduce((sum, w) => sum + px(w), 0);
  let page: number[] = [];
  let used = 0;
  const spread = () => {
    // Wrapped columns (their content is wider than they are) share what is left of the page.
    const wrapped = page.filter((i) => needs[i]! > widths[i]!);
    let left = (room - used) / 7;
    const total = wrapped.reduce((sum, i) => sum + widths[i]!, 0);
    for (const i of wrapped) {
      const extra = Math.min(
        Math.floor(((room - used) / 7) * (widths[i]! / total)),
        needs[i]! - widths[i]!,
        left,
      );
      widths[i] = widths[i]! + extra;
      left -= extra;
    }
  };
  for (let i = keyColumns; i < columns.length; i++) {
    const w = px(widths[i]!);
    if (page.length && used + w > room) {
      spread();
      page = [];
      used = 0;
    }
    page.push(i);
    used += w;
  }
  // The last page is spread too: the table ends at the page's edge rather than in the middle.
  if (page.length) spread();
  return widths;
}

/**
 * The most a printed cell shows: Excel cannot make a row taller than 409 points, so text beyond
 * about 25 lines would be cut off on paper without a word. Longer text is shortened here, saying
 * so and how long the whole is (the record itself keeps all of it).
 */
const MAX_LINES = 25;
/**
 * The height of a line of 11 pt text in points, with the line spacing of Chinese fonts (Noto CJK,
 * which LibreOffice falls back to, spaces lines at 1.45 em): at 15.5 the last line was cut off.
 */
export const LINE_HEIGHT = 16.5;

/** The characters (in column units) a line of a column of this width holds, with some room to spare. */
const perLine = (width: number) => Math.max(2, (width - PAD) * 0.92);

/** The lines `text` takes in a wrapping column of this width. */
export function lineCount(text: string, width: number): number {
  const room = perLine(width);
  // Cheap test first: most cells hold one short line.
  if (text.length * 2 <= room && !text.includes('\n')) return 1;
  let lines = 1;
  let w = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      lines++;
      w = 0;
      continue;
    }
    const cw = c >= 0x2e80 ? 2 : 1;
    if (w + cw > room) {
      lines++;
      w = cw;
    } else w += cw;
  }
  return lines;
}

/** The text as printed: whole if it fits in MAX_LINES lines of the column, else shortened, saying so. */
export function printable(text: string, width: number): string {
  const room = perLine(width);
  if (text.length * 2 <= room * (MAX_LINES - 2)) return text;
  let lines = 1;
  let w = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const cw = c === 10 ? 0 : c >= 0x2e80 ? 2 : 1;
    if (c === 10 || w + cw > room) {
      lines++;
      w = cw;
    } else w += cw;
    if (lines > MAX_LINES - 3) {
      return `${text.slice(0, i)}……\n(全文共 ${text.length} 字,此处列前 ${i} 字,全文见系统中的记录)`;
    }
  }
  return text;
}
