/**
 * The figures of a chart as a table (WCAG 1.1.1: a chart's text alternative), read from the same
 * option that draws it, so the table can never say something the chart does not. Covers what the
 * dashboard draws besides the matrix (which has its own table of cells): lines and bars over a
 * category axis, and pies.
 */
export interface ChartTable {
  /** Header row: what the categories are, then one column per series. */
  columns: string[];
  rows: string[][];
}

type Value = number | string | null | undefined | { value?: unknown; name?: string };
interface SeriesLike {
  type?: string;
  name?: string;
  data?: Value[];
}
interface AxisLike {
  type?: string;
  name?: string;
  data?: unknown[];
  axisLabel?: { formatter?: unknown };
}
interface OptionLike {
  series?: SeriesLike | SeriesLike[];
  xAxis?: AxisLike | AxisLike[];
  yAxis?: AxisLike | AxisLike[];
}

const first = <T>(v: T | T[] | undefined): T | undefined => (Array.isArray(v) ? v[0] : v);

function cell(value: Value, template: unknown): string {
  const raw = value !== null && typeof value === 'object' ? value.value : value;
  if (raw === null || raw === undefined || raw === '') return '—';
  const text = String(raw as string | number);
  // A value axis labelled '{value}%' shows percentages: the table says so too.
  return typeof template === 'string' ? template.replace('{value}', text) : text;
}

/** `categoryHeading` names the first column (e.g. 月份); null for a chart it cannot tabulate. */
export function chartTable(
  option: unknown,
  categoryHeading: string,
  valueHeading: string,
): ChartTable | null {
  const o = option as OptionLike;
  const series = (Array.isArray(o.series) ? o.series : o.series ? [o.series] : []).filter(
    (s) => s.type === 'line' || s.type === 'bar' || s.type === 'pie',
  );
  if (!series.length) return null;
  const pie = series.find((s) => s.type === 'pie');
  if (pie)
    return {
      columns: [categoryHeading, pie.name ?? valueHeading],
      rows: (pie.data ?? []).map((d) => {
        const name = d !== null && typeof d === 'object' ? (d.name ?? '') : '';
        return [name, cell(d, undefined)];
      }),
    };
  const x = first(o.xAxis);
  const y = first(o.yAxis);
  const category = x?.type === 'category' ? x : y?.type === 'category' ? y : undefined;
  if (!category?.data) return null;
  const valueAxis = category === x ? y : x;
  const template = valueAxis?.axisLabel?.formatter;
  return {
    columns: [categoryHeading, ...series.map((s) => s.name ?? valueHeading)],
    rows: category.data.map((c, i) => [
      String(c as string),
      ...series.map((s) => cell(s.data?.[i], template)),
    ]),
  };
}
