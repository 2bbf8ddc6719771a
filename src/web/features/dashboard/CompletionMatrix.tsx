import { useCallback, useMemo, useState, type ReactNode } from 'react';
import { Grid, Segmented, Table, Typography, theme } from 'antd';
import { Link } from 'react-router';
import { taskStatusLabels } from '../../../common/actions';
import { ChartCard } from './ChartCard';
import type { ChartEvent, ChartOption } from './echarts';
import type { Matrix, MatrixCell } from './dashboard.api';
import { periodLabel, periodShort, points } from './format';
import { escapeHtml } from './html';
import {
  MATRIX_BOTTOM_BARE,
  MATRIX_GRID,
  OPEN_VALUE,
  bandColors,
  bandOf,
  bandSymbols,
  cellLateColor,
  cellTextColor,
  cellValue,
  matrixHeight,
  matrixMinWidth,
  type MatrixBand,
} from './matrixLayout';
import type { MessageKey } from '../../app/i18n/types';
import { useI18n } from '../../app/i18n/useI18n';

interface Props {
  matrix: Matrix;
  /** The months to show (the chosen range), in order. */
  periods: string[];
  profileHref: (branchId: number) => string;
  onOpenCell: (at: { branchId: number; periodKey: string }) => void;
  onOpenBranch: (branchId: number) => void;
  /** Search and pages over the chart (absent while every branch fits on one page). */
  toolbar?: ReactNode;
  /** Said instead of "no data" when there is nothing to show (e.g. a search found nothing). */
  emptyText?: string;
}

type View = 'chart' | 'table';

/** Branches × months: the heatmap, or the same cells as a table of buttons (keyboard, screen readers). */
export function CompletionMatrix({
  matrix,
  periods,
  profileHref,
  onOpenCell,
  onOpenBranch,
  toolbar,
  emptyText,
}: Props) {
  const { t, lang, pick } = useI18n();
  const legendText = useCallback((band: MatrixBand) => `${bandSymbols[band]} ${t(legendKeys[band])}`, [t]);
  const [view, setView] = useState<View>('chart');
  const { colorLink } = theme.useToken().token;
  // On a phone the chart scrolls sideways: its legend would be cut, so the page shows it as HTML.
  const legendInChart = Grid.useBreakpoint().md ?? true;
  const { branches } = matrix;
  const cellAt = useMemo(() => {
    const map = new Map<string, MatrixCell>();
    for (const c of matrix.cells) map.set(`${c.branchId}|${c.periodKey}`, c);
    return (branchId: number, periodKey: string) => map.get(`${branchId}|${periodKey}`);
  }, [matrix.cells]);

  const option = useMemo<ChartOption>(() => {
    const data: { value: [number, number, number]; cell: MatrixCell }[] = [];
    branches.forEach((b, row) =>
      periods.forEach((p, col) => {
        const cell = cellAt(b.id, p);
        if (cell && cell.total > 0) data.push({ value: [col, row, cellValue(cell)], cell });
      }),
    );
    const cellOf = (dataIndex: number) => data[dataIndex]?.cell;
    const doneOf = (c: MatrixCell) => c.done + c.doneLate;
    return {
      animation: false,
      aria: { enabled: true },
      grid: {
        ...MATRIX_GRID,
        bottom: legendInChart ? MATRIX_GRID.bottom : MATRIX_BOTTOM_BARE,
        outerBoundsMode: 'none',
      },
      tooltip: {
        confine: true,
        formatter: (params) => {
          const one = Array.isArray(params) ? params[0] : params;
          const c = one ? cellOf(one.dataIndex) : undefined;
          if (!c) return '';
          const branch = branches.find((b) => b.id === c.branchId)?.name ?? '';
          const counts: [keyof typeof taskStatusLabels, number][] = [
            ['done', c.done],
            ['done_late', c.doneLate],
            ['submitted', c.submitted],
            ['returned', c.returned],
            ['in_progress', c.inProgress],
            ['overdue', c.overdue],
            ['not_started', c.notStarted],
          ];
          const lines = counts
            .filter(([, n]) => n > 0)
            .map(([status, n]) => `${escapeHtml(pick(taskStatusLabels[status]))}:${n}`);
          return [
            `<b>${escapeHtml(branch)} · ${escapeHtml(periodLabel(c.periodKey, lang))}</b>`,
            escapeHtml(t('dashboard.matrix.tipDone', { done: doneOf(c), total: c.total })),
            ...lines,
            escapeHtml(t('dashboard.matrix.tipScore', { score: points(c.score), max: points(c.max) })),
            `<span style="color:#888">${escapeHtml(t('dashboard.matrix.tipClick'))}</span>`,
          ].join('<br/>');
        },
      },
      xAxis: {
        type: 'category',
        position: 'top',
        data: periods.map((p) => periodShort(p, lang)),
        axisTick: { show: false },
        axisLine: { show: false },
        splitArea: { show: false },
      },
      yAxis: {
        type: 'category',
        inverse: true,
        data: branches.map((b) => b.name),
        triggerEvent: true,
        axisTick: { show: false },
        axisLine: { show: false },
        axisLabel: { width: MATRIX_GRID.left - 12, overflow: 'truncate', color: colorLink, fontSize: 13 },
      },
      visualMap: {
        type: 'piecewise',
        show: legendInChart,
        dimension: 2,
        // Listed as the pieces are written: all done first, then less and less.
        inverse: true,
        orient: 'horizontal',
        left: 'center',
        bottom: 6,
        itemWidth: 14,
        itemHeight: 14,
        itemGap: 10,
        textStyle: { fontSize: 12 },
        pieces: [
          { gte: 1, label: legendText('all'), color: bandColors.all },
          { gte: 0.8, lt: 1, label: legendText('most'), color: bandColors.most },
          { gte: 0.6, lt: 0.8, label: legendText('half'), color: bandColors.half },
          { gte: 0, lt: 0.6, label: legendText('low'), color: bandColors.low },
          { value: OPEN_VALUE, label: legendText('open'), color: bandColors.open },
        ],
      },
      series: [
        {
          type: 'heatmap',
          data,
          cursor: 'pointer',
          itemStyle: { borderColor: '#fff', borderWidth: 3, borderRadius: 6 },
          emphasis: { itemStyle: { borderColor: '#595959', borderWidth: 2 } },
          label: {
            show: true,
            color: cellTextColor,
            lineHeight: 16,
            formatter: (params) => {
              const c = cellOf(params.dataIndex);
              if (!c) return '';
              const late = c.doneLate > 0 ? ` {late|${t('dashboard.cell.late')}${c.doneLate}}` : '';
              const symbol = bandSymbols[bandOf(cellValue(c))];
              return `{symbol|${symbol}} {done|${doneOf(c)}/${c.total}}${late}\n${t('dashboard.matrix.cellScore', { score: points(c.score) })}`;
            },
            rich: {
              symbol: { fontWeight: 'bold', fontSize: 13 },
              done: { fontWeight: 'bold', fontSize: 14 },
              late: { fontSize: 10, color: cellLateColor },
            },
          },
        },
      ],
    };
  }, [branches, periods, cellAt, colorLink, legendInChart, lang, pick, t, legendText]);

  const onClick = useCallback(
    (event: ChartEvent) => {
      if (event.componentType === 'series') {
        const [col, row] = (event.value as number[]) ?? [];
        const branch = branches[row ?? -1];
        const periodKey = periods[col ?? -1];
        if (branch && periodKey) onOpenCell({ branchId: branch.id, periodKey });
      } else if (event.componentType === 'yAxis') {
        const name = (event as unknown as { value?: string }).value;
        const branch = branches.find((b) => b.name === name);
        if (branch) onOpenBranch(branch.id);
      }
    },
    [branches, periods, onOpenCell, onOpenBranch],
  );

  const empty = branches.length === 0 || periods.length === 0;
  const fileName = `${matrix.campaign.name}-${t('dashboard.matrix.title')}`;
  const toggle = (
    <Segmented<View>
      size="small"
      value={view}
      onChange={setView}
      options={[
        { value: 'chart', label: t('dashboard.matrix.viewChart') },
        { value: 'table', label: t('dashboard.matrix.viewTable') },
      ]}
    />
  );
  const hint = (
    <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0', fontSize: 12 }}>
      {t('dashboard.matrix.hint', { standard: points(matrix.standard) })}
    </Typography.Paragraph>
  );
  const htmlLegend = <MatrixLegend />;

  if (view === 'chart' || empty) {
    return (
      <ChartCard
        title={t('dashboard.matrix.title')}
        fileName={fileName}
        extra={toggle}
        toolbar={toolbar}
        empty={empty}
        emptyText={emptyText}
        option={option}
        height={matrixHeight(branches.length, legendInChart)}
        minWidth={matrixMinWidth(periods.length)}
        scrollX
        onClick={onClick}
        exportOption={legendInChart ? undefined : exportOption}
        testId="matrix-chart"
        footer={
          <>
            {!legendInChart && !empty && htmlLegend}
            {hint}
          </>
        }
      />
    );
  }

  return (
    <ChartCard
      title={t('dashboard.matrix.title')}
      fileName={fileName}
      extra={toggle}
      toolbar={toolbar}
      option={option}
      height={0}
      alternative={
        <MatrixTable
          branches={branches}
          periods={periods}
          cellAt={cellAt}
          profileHref={profileHref}
          onOpenCell={onOpenCell}
        />
      }
      footer={
        <>
          {htmlLegend}
          {hint}
        </>
      }
    />
  );
}

/** The exported image always carries its legend, even where the page shows it as HTML. */
const exportOption: ChartOption = {
  grid: { bottom: MATRIX_GRID.bottom },
  visualMap: { show: true },
};

const legendKeys: Record<MatrixBand, MessageKey> = {
  all: 'dashboard.matrix.legendAll',
  most: 'dashboard.matrix.legendMost',
  half: 'dashboard.matrix.legendHalf',
  low: 'dashboard.matrix.legendLow',
  open: 'dashboard.matrix.legendOpen',
};

function MatrixLegend() {
  const { t } = useI18n();
  return (
    <ul className="dashboard-legend">
      {(Object.keys(legendKeys) as MatrixBand[]).map((band) => (
        <li key={band}>
          <span
            className="dashboard-legend-swatch"
            style={{ background: bandColors[band], color: cellTextColor }}
            aria-hidden
          >
            {bandSymbols[band]}
          </span>
          {t(legendKeys[band])}
        </li>
      ))}
    </ul>
  );
}

function MatrixTable({
  branches,
  periods,
  cellAt,
  profileHref,
  onOpenCell,
}: {
  branches: Matrix['branches'];
  periods: string[];
  cellAt: (branchId: number, periodKey: string) => MatrixCell | undefined;
  profileHref: (branchId: number) => string;
  onOpenCell: Props['onOpenCell'];
}) {
  const { t, lang } = useI18n();
  return (
    <Table<Matrix['branches'][number]>
      rowKey="id"
      size="small"
      pagination={false}
      scroll={{ x: 'max-content' }}
      dataSource={branches}
      aria-label={t('dashboard.matrix.title')}
      columns={[
        {
          key: 'branch',
          title: t('dashboard.matrix.branch'),
          fixed: 'start',
          render: (_, b) => <Link to={profileHref(b.id)}>{b.name}</Link>,
        },
        ...periods.map((p) => ({
          key: p,
          title: periodShort(p, lang),
          align: 'center' as const,
          render: (_: unknown, b: Matrix['branches'][number]) => {
            const c = cellAt(b.id, p);
            if (!c || c.total === 0) return '—';
            const done = c.done + c.doneLate;
            const band = bandOf(cellValue(c));
            return (
              <button
                type="button"
                className="dashboard-cell-button"
                style={{ background: bandColors[band] }}
                aria-label={t('dashboard.matrix.cellAria', {
                  band: t(legendKeys[band]),
                  branch: b.name,
                  month: periodLabel(p, lang),
                  done,
                  total: c.total,
                  score: points(c.score),
                })}
                onClick={() => onOpenCell({ branchId: b.id, periodKey: p })}
              >
                <strong>
                  <span aria-hidden>{bandSymbols[band]} </span>
                  {done}/{c.total}
                </strong>
                <span>{t('dashboard.matrix.cellScore', { score: points(c.score) })}</span>
              </button>
            );
          },
        })),
      ]}
    />
  );
}
