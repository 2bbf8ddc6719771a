/**
 * Geometry and colours of the completion matrix, shared by the heatmap, its table view and the
 * browser test (which clicks a cell of the canvas where this geometry puts it).
 */
export const MATRIX_GRID = {
  /** Room for the branch names, which are cut short with "…" beyond it. */
  left: 124,
  right: 8,
  /** Month labels sit above the cells, like a table's header. */
  top: 28,
  /** The legend under the cells (on a phone it is HTML under the scrolling chart instead). */
  bottom: 48,
  rowHeight: 46,
  /** Narrower than this per month, the chart stops shrinking and its card scrolls sideways. */
  minColWidth: 58,
} as const;

/** Space under the cells when the legend is not drawn in the chart. */
export const MATRIX_BOTTOM_BARE = 8;

export function matrixHeight(rows: number, legendInChart = true): number {
  const bottom = legendInChart ? MATRIX_GRID.bottom : MATRIX_BOTTOM_BARE;
  return MATRIX_GRID.top + Math.max(rows, 1) * MATRIX_GRID.rowHeight + bottom;
}

export function matrixMinWidth(cols: number): number {
  return MATRIX_GRID.left + Math.max(cols, 1) * MATRIX_GRID.minColWidth + MATRIX_GRID.right;
}

/** Where the centre of cell (row, col) lies inside a chart of the given width. */
export function matrixCellCentre(width: number, cols: number, row: number, col: number) {
  const colWidth = (width - MATRIX_GRID.left - MATRIX_GRID.right) / cols;
  return {
    x: MATRIX_GRID.left + (col + 0.5) * colWidth,
    y: MATRIX_GRID.top + (row + 0.5) * MATRIX_GRID.rowHeight,
  };
}

export interface CellCounts {
  total: number;
  done: number;
  doneLate: number;
  returned: number;
  overdue: number;
}

/** Colour class of a cell: a band of completion, or "open" while nothing in it is late yet. */
export type MatrixBand = 'all' | 'most' | 'half' | 'low' | 'open';

export const OPEN_VALUE = -1;

/**
 * The value a cell is coloured by: its completion (done / required), or OPEN_VALUE when what is
 * missing is only waiting (for review, or for its due date): neither overdue nor returned.
 */
export function cellValue(c: CellCounts): number {
  const completed = c.done + c.doneLate;
  if (c.total === 0) return 1;
  if (completed < c.total && c.overdue === 0 && c.returned === 0) return OPEN_VALUE;
  return completed / c.total;
}

export function bandOf(value: number): MatrixBand {
  if (value === OPEN_VALUE) return 'open';
  if (value >= 1) return 'all';
  if (value >= 0.8) return 'most';
  if (value >= 0.6) return 'half';
  return 'low';
}

/**
 * The symbol each band shows beside its colour, in the cells and the legend alike, so that colour
 * is never the only signal (WCAG 1.4.1): a reader who cannot tell green from red still reads ✓ or ✗.
 */
export const bandSymbols: Record<MatrixBand, string> = {
  all: '✓',
  most: '!',
  half: '!!',
  low: '✗',
  open: '○',
};

/** Text on a cell (counts, score, symbol) and the "late" note: dark enough on every band colour. */
export const cellTextColor = '#1f1f1f';
export const cellLateColor = '#3d1f00';

export const bandColors: Record<MatrixBand, string> = {
  all: '#73d13d',
  most: '#d3f261',
  half: '#ffd666',
  low: '#ff7875',
  open: '#91caff',
};
