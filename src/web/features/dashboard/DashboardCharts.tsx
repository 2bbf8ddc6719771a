import { useMemo } from 'react';
import { Grid } from 'antd';
import {
  publicityChannelLabels,
  publicityChannels,
  studyFormLabels,
  studyForms,
} from '../../../common/actions';
import { useI18n } from '../../app/i18n/useI18n';
import { ChartCard } from './ChartCard';
import { containLabels, type ChartOption } from './echarts';
import type { Indicators } from './dashboard.api';
import { periodLabel, periodShort } from './format';
import { escapeHtml } from './html';

const red = '#c8161d';
const gold = '#d48806';
const percentAxis = {
  type: 'value' as const,
  min: 0,
  max: 100,
  axisLabel: { formatter: '{value}%' },
};

/**
 * Month by month, over every branch in scope (summed by the server): share of the due required
 * actions done, and score against the standard.
 */
export function TrendChart({ trend, campaignName }: { trend: Indicators['trend']; campaignName: string }) {
  const { t, lang } = useI18n();
  const title = t('dashboard.chart.trend');
  const periods = trend.map((m) => m.periodKey);
  const option = useMemo<ChartOption>(() => {
    const sums = trend.map((m) => ({
      completion: m.completionRate === null ? null : Math.round(m.completionRate * 1000) / 10,
      score: m.max ? Math.round((m.score / m.max) * 1000) / 10 : null,
    }));
    return {
      aria: { enabled: true },
      color: [red, gold],
      grid: { left: 8, right: 12, top: 36, bottom: 8, ...containLabels },
      legend: { top: 0, data: [t('dashboard.chart.trendCompletion'), t('dashboard.chart.trendScore')] },
      tooltip: {
        trigger: 'axis',
        valueFormatter: (v) => (typeof v === 'number' ? `${v}%` : '—'),
      },
      xAxis: {
        type: 'category',
        data: trend.map((m) => periodShort(m.periodKey, lang)),
        boundaryGap: false,
      },
      yAxis: { ...percentAxis, max: (v: { max: number }) => Math.max(100, Math.ceil(v.max / 10) * 10) },
      series: [
        {
          type: 'line',
          name: t('dashboard.chart.trendCompletion'),
          data: sums.map((s) => s.completion),
          symbolSize: 7,
          connectNulls: true,
        },
        {
          type: 'line',
          name: t('dashboard.chart.trendScore'),
          data: sums.map((s) => s.score),
          symbolSize: 7,
          lineStyle: { type: 'dashed' },
          connectNulls: true,
        },
      ],
    };
  }, [trend, lang, t]);
  const range = periods.length
    ? `${periodLabel(periods[0]!, lang)}–${periodLabel(periods.at(-1)!, lang)}`
    : '';
  return (
    <ChartCard
      title={title}
      fileName={`${campaignName}-${title}-${range}`}
      empty={!trend.some((m) => m.total > 0)}
      option={option}
      height={300}
    />
  );
}

/** 三会一课: how the study sessions were held. */
export function StudyFormsChart({ data, campaignName }: { data: Indicators; campaignName: string }) {
  const { t, pick } = useI18n();
  const phone = !(Grid.useBreakpoint().sm ?? true);
  const title = t('dashboard.chart.studyForms');
  const values = useMemo(
    () => studyForms.map((f) => ({ name: pick(studyFormLabels[f]), value: data.studyForms[f] ?? 0 })),
    [data.studyForms, pick],
  );
  const option = useMemo<ChartOption>(
    () => ({
      aria: { enabled: true },
      color: [red, '#fa8c16', '#fadb14', '#1677ff'],
      tooltip: {
        trigger: 'item',
        formatter: (p) => {
          const one = Array.isArray(p) ? p[0] : p;
          return one ? `${escapeHtml(one.name)}:${one.value}(${Math.round(one.percent ?? 0)}%)` : '';
        },
      },
      legend: { bottom: 0, itemWidth: 12, itemHeight: 12 },
      series: [
        {
          type: 'pie',
          radius: phone ? ['30%', '58%'] : ['35%', '62%'],
          center: ['50%', '44%'],
          data: values,
          label: { formatter: (p) => `${Math.round(p.percent ?? 0)}%` },
          itemStyle: { borderColor: '#fff', borderWidth: 2 },
        },
      ],
    }),
    [values, phone],
  );
  return (
    <ChartCard
      title={title}
      fileName={`${campaignName}-${title}`}
      empty={values.every((v) => v.value === 0)}
      option={option}
      height={280}
    />
  );
}

/** Where the branches' news went out: website, WeChat, the newsletter, outside media. */
export function PublicityChart({ data, campaignName }: { data: Indicators; campaignName: string }) {
  const { t, pick } = useI18n();
  const title = t('dashboard.chart.publicity');
  const option = useMemo<ChartOption>(() => {
    const values = publicityChannels.map((c) => data.publicityByChannel[c] ?? 0);
    return {
      aria: { enabled: true },
      color: [red],
      grid: { left: 8, right: 36, top: 8, bottom: 8, ...containLabels },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'value', minInterval: 1, name: '' },
      yAxis: {
        type: 'category',
        inverse: true,
        data: publicityChannels.map((c) => pick(publicityChannelLabels[c])),
        axisLabel: { width: 110, overflow: 'truncate' },
      },
      series: [
        {
          type: 'bar',
          name: t('dashboard.chart.times'),
          data: values,
          barMaxWidth: 24,
          label: { show: true, position: 'right' },
        },
      ],
    };
  }, [data.publicityByChannel, pick, t]);
  return (
    <ChartCard
      title={title}
      fileName={`${campaignName}-${title}`}
      empty={Object.values(data.publicityByChannel).every((n) => !n)}
      option={option}
      height={280}
    />
  );
}
