/**
 * ECharts, reduced to what the dashboard draws: a tree-shaken core with the heatmap, pie, bar and
 * line charts, their components and the canvas renderer (which also makes the PNG for "保存图片").
 * Only the lazily loaded dashboard pages import this module, so the first page load stays light.
 */
import * as echarts from 'echarts/core';
import {
  BarChart,
  HeatmapChart,
  LineChart,
  PieChart,
  type BarSeriesOption,
  type HeatmapSeriesOption,
  type LineSeriesOption,
  type PieSeriesOption,
} from 'echarts/charts';
import {
  AriaComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
  VisualMapPiecewiseComponent,
  type AriaComponentOption,
  type GridComponentOption,
  type LegendComponentOption,
  type MarkLineComponentOption,
  type TooltipComponentOption,
  type VisualMapComponentOption,
} from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([
  BarChart,
  HeatmapChart,
  LineChart,
  PieChart,
  AriaComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
  VisualMapPiecewiseComponent,
  CanvasRenderer,
]);

export type ChartOption = echarts.ComposeOption<
  | BarSeriesOption
  | HeatmapSeriesOption
  | LineSeriesOption
  | PieSeriesOption
  | AriaComponentOption
  | GridComponentOption
  | LegendComponentOption
  | MarkLineComponentOption
  | TooltipComponentOption
  | VisualMapComponentOption
>;
export type ChartEvent = echarts.ECElementEvent;
export type ChartInstance = echarts.EChartsType;
export const initChart = (el: HTMLElement) => echarts.init(el, undefined, { renderer: 'canvas' });

/** The system font stack, so chart text matches the page (and has Chinese glyphs). */
export const chartFont =
  "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'WenQuanYi Micro Hei', sans-serif";

/** Grid margins are measured from the axis labels' outer edge, so no label is cut off. */
export const containLabels = { outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' } as const;
