import { useEffect, useImperativeHandle, useMemo, useRef, useState, type ReactNode, type Ref } from 'react';
import { Button, Card, Empty, Segmented, Space, Table } from 'antd';
import { chartTable, type ChartTable } from './chartTable';
import { chartFont, initChart, type ChartEvent, type ChartInstance, type ChartOption } from './echarts';
import { useI18n } from '../../app/i18n/useI18n';

export interface EChartHandle {
  /** The chart as a PNG data URL, on a white ground (a saved image has no page behind it). */
  toDataURL(): string | undefined;
}

interface EChartProps {
  option: ChartOption;
  height: number;
  /** Below this width the chart keeps its size and its card scrolls sideways (the matrix). */
  minWidth?: number;
  onClick?: (event: ChartEvent) => void;
  /** Merged into the option for the saved image only (e.g. a legend the page shows as HTML). */
  exportOption?: ChartOption;
  ariaLabel: string;
  testId?: string;
  ref?: Ref<EChartHandle>;
}

/**
 * One ECharts instance in a div. A ResizeObserver keeps the chart at its container's width, so a
 * phone turned sideways, a collapsing sider or a drawer all redraw it to fit.
 */
export function EChart({
  option,
  height,
  minWidth,
  onClick,
  exportOption,
  ariaLabel,
  testId,
  ref,
}: EChartProps) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<ChartInstance | null>(null);

  useEffect(() => {
    const node = el.current;
    if (!node) return;
    const instance = initChart(node);
    chart.current = instance;
    let frame = 0;
    const observer = new ResizeObserver(() => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => instance.resize());
    });
    observer.observe(node);
    return () => {
      cancelAnimationFrame(frame);
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption({ textStyle: { fontFamily: chartFont }, ...option }, { notMerge: true });
  }, [option]);

  useEffect(() => {
    const instance = chart.current;
    if (!instance || !onClick) return;
    instance.on('click', onClick);
    return () => {
      // On unmount the chart may already be disposed (effects clean up in order).
      if (!instance.isDisposed()) instance.off('click', onClick);
    };
  }, [onClick]);

  useImperativeHandle(ref, () => ({
    toDataURL: () => {
      const instance = chart.current;
      if (!instance) return undefined;
      // setOption re-renders at once; the image is taken before the page paints again.
      if (exportOption) instance.setOption(exportOption);
      const url = instance.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' });
      if (exportOption)
        instance.setOption({ textStyle: { fontFamily: chartFont }, ...option }, { notMerge: true });
      return url;
    },
  }));

  return (
    <div
      ref={el}
      role="img"
      aria-label={ariaLabel}
      data-testid={testId}
      style={{ width: '100%', minWidth, height }}
    />
  );
}

export function downloadDataUrl(url: string, fileName: string): void {
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
}

interface ChartCardProps extends Omit<EChartProps, 'ref' | 'ariaLabel'> {
  title: string;
  /** Name of the saved PNG, without extension; the card's title if absent. */
  fileName?: string;
  /** Controls shown before the save button in the card's header. */
  extra?: ReactNode;
  /** Nothing to draw: an empty notice instead of an empty chart. */
  empty?: boolean;
  /** What the empty notice says, where "no data" would mislead (a search that found nothing). */
  emptyText?: string;
  /** Controls between the header and the chart (the matrix's search and pages). */
  toolbar?: ReactNode;
  /** Text under the chart (a hint, a note on the figures). */
  footer?: ReactNode;
  /** Whether the chart scrolls sideways inside the card (a wide matrix on a phone). */
  scrollX?: boolean;
  /** Shown instead of the chart (e.g. the same figures as a table); there is no image to save then. */
  alternative?: ReactNode;
}

/** A card with one chart and a "保存图片" button that downloads it as a PNG. */
export function ChartCard({
  title,
  fileName,
  extra,
  empty,
  emptyText,
  toolbar,
  footer,
  scrollX,
  alternative,
  ...chart
}: ChartCardProps) {
  const { t } = useI18n();
  const handle = useRef<EChartHandle>(null);
  const [asTable, setAsTable] = useState(false);
  const table = useMemo(
    () =>
      alternative || empty
        ? null
        : chartTable(chart.option, t('dashboard.table.category'), t('dashboard.table.value')),
    [alternative, empty, chart.option, t],
  );
  const showTable = asTable && table !== null;
  const save = () => {
    const url = handle.current?.toDataURL();
    if (url) downloadDataUrl(url, `${fileName ?? title}.png`);
  };
  return (
    <Card
      title={title}
      size="small"
      style={{ height: '100%' }}
      extra={
        <Space size={8} wrap>
          {extra}
          {table && (
            <Segmented<boolean>
              size="small"
              value={asTable}
              onChange={setAsTable}
              aria-label={t('dashboard.table.toggle', { title })}
              options={[
                { value: false, label: t('dashboard.table.chart') },
                { value: true, label: t('dashboard.table.table') },
              ]}
            />
          )}
          {!alternative && !showTable && (
            <Button size="small" onClick={save} disabled={empty}>
              {t('dashboard.saveImage')}
            </Button>
          )}
        </Space>
      }
    >
      {toolbar}
      {alternative ??
        (showTable ? (
          <FiguresTable table={table} title={title} />
        ) : empty ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText ?? t('dashboard.noData')} />
        ) : (
          <div
            className={scrollX ? 'dashboard-scroll-x' : undefined}
            // A chart wider than the phone scrolls sideways: the keyboard can reach and scroll it.
            tabIndex={scrollX ? 0 : undefined}
            role={scrollX ? 'group' : undefined}
            aria-label={scrollX ? title : undefined}
          >
            <EChart ref={handle} ariaLabel={title} {...chart} />
          </div>
        ))}
      {footer}
    </Card>
  );
}

/** A chart's figures, the chart's text alternative for keyboard and screen-reader users. */
function FiguresTable({ table, title }: { table: ChartTable; title: string }) {
  const rows = table.rows.map((cells, key) => ({ key, cells }));
  return (
    <Table
      size="small"
      pagination={false}
      scroll={{ x: 'max-content' }}
      aria-label={title}
      dataSource={rows}
      columns={table.columns.map((heading, i) => ({
        key: i,
        title: heading,
        align: i === 0 ? ('start' as const) : ('end' as const),
        render: (_: unknown, row: (typeof rows)[number]) => row.cells[i],
      }))}
    />
  );
}
