import { describe, expect, it } from 'vitest';
import { columnWidths, textWidth, titleLines, TITLE_EMS } from './typeset.js';

describe('titles', () => {
  it('break at the seams of their words, never inside one, with the longer line first', () => {
    expect(titleLines('关于2020年10月机关党支部“五个一”对标活动开展情况的通报')).toEqual([
      '关于2020年10月机关党支部“五个一”',
      '对标活动开展情况的通报',
    ]);
    expect(titleLines('关于2020年6月机关党支部“五个一”对标活动开展情况的通报')).toEqual([
      '关于2020年6月机关党支部“五个一”',
      '对标活动开展情况的通报',
    ]);
    expect(titleLines('机关第一党支部党员大会会议记录')).toEqual(['机关第一党支部党员大会会议记录']);
  });

  it('fit the type area on every line, and keep breaks written by hand', () => {
    const long = '中共华远工程有限公司机关委员会关于2020年机关党支部“五个一”对标活动开展情况的总结';
    const lines = titleLines(long);
    expect(lines.join('')).toBe(long);
    for (const l of lines) expect(textWidth(l)).toBeLessThanOrEqual(TITLE_EMS);
    expect(lines.some((l) => l.endsWith('对'))).toBe(false);
    expect(titleLines('第一行\n第二行')).toEqual(['第一行', '第二行']);
  });
});

describe('table columns', () => {
  it('are as wide as what they hold: a short column keeps its entries on one line', () => {
    const w = columnWidths(
      ['名次', '支部', '得分'],
      [
        ['1', '机关第一党支部', '98.5/100'],
        ['2', '机关第二党支部', '97/100'],
      ],
      40,
    );
    expect(w.reduce((s, x) => s + x, 0)).toBeLessThanOrEqual(40);
    expect(w[1]!).toBeGreaterThanOrEqual(textWidth('机关第一党支部'));
    expect(w[2]!).toBeGreaterThanOrEqual(textWidth('98.5/100'));
  });

  it('give the room that is left to long text, not to short codes', () => {
    const w = columnWidths(
      ['支部', '稿件标题', '发布渠道'],
      [
        [
          '机关第五党支部',
          '《纪检法务党支部开展合规风险排查，筑牢廉洁防线，护航项目建设》',
          '公司网站（6月6日）',
        ],
      ],
      42,
    );
    expect(w[0]!).toBeGreaterThanOrEqual(8);
    expect(w[1]!).toBeGreaterThan(w[2]!);
  });
});
