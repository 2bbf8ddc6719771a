import { describe, expect, it } from 'vitest';
import { chartTable } from './chartTable';

describe('chartTable: a chart’s figures as a table', () => {
  it('lines over months: one row a month, one column a series, with the axis’s unit', () => {
    const table = chartTable(
      {
        xAxis: { type: 'category', data: ['3月', '4月'] },
        yAxis: { type: 'value', axisLabel: { formatter: '{value}%' } },
        series: [
          { type: 'line', name: '完成率', data: [80, null] },
          { type: 'line', name: '得分率', data: [90.5, 70] },
        ],
      },
      '类别',
      '数值',
    );
    expect(table).toEqual({
      columns: ['类别', '完成率', '得分率'],
      rows: [
        ['3月', '80%', '90.5%'],
        ['4月', '—', '70%'],
      ],
    });
  });

  it('bars over a category y axis, and a pie', () => {
    expect(
      chartTable(
        {
          xAxis: { type: 'value' },
          yAxis: { type: 'category', data: ['网站', '公众号'] },
          series: [{ type: 'bar', name: '次数', data: [3, 0] }],
        },
        '类别',
        '数值',
      ),
    ).toEqual({
      columns: ['类别', '次数'],
      rows: [
        ['网站', '3'],
        ['公众号', '0'],
      ],
    });
    expect(
      chartTable({ series: [{ type: 'pie', data: [{ name: '党员大会', value: 2 }] }] }, '类别', '数值'),
    ).toEqual({ columns: ['类别', '数值'], rows: [['党员大会', '2']] });
  });

  it('says nothing for a chart it cannot read (the heatmap has its own table)', () => {
    expect(chartTable({ series: [{ type: 'heatmap', data: [] }] }, '类别', '数值')).toBeNull();
  });
});
