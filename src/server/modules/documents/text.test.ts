import { describe, expect, it } from 'vitest';
import { handTypedNumbers, proseWarnings, resolvePlaceholders } from '../../../common/summary-text.js';
import { cnPunctuation } from './docx-kit.js';
import { someOf, tally } from './format.js';

describe('document text', () => {
  it('gives Chinese its full-width punctuation, and leaves numbers and English alone', () => {
    expect(cnPunctuation('学习,研讨:内容;(现场会议) 1,000 10:30 a, b (a)')).toBe(
      '学习\uff0c研讨\uff1a内容\uff1b\uff08现场会议\uff09 1,000 10:30 a, b (a)',
    );
  });

  it('turns parentheses around parentheses too', () => {
    expect(cnPunctuation('9人(出勤率90.0%(实到9人/应到10人))')).toBe(
      '9人\uff08出勤率90.0%\uff08实到9人/应到10人\uff09\uff09',
    );
  });

  it('resolves placeholders, keeps unknown ones and reports them', () => {
    const values = { 学习次数: '48', 月数: '10' };
    expect(resolvePlaceholders('共{月数}个月,学习{学习次数}次{其他}', values)).toEqual({
      text: '共10个月,学习48次{其他}',
      unknown: ['其他'],
    });
    // An inherited property name is not a placeholder.
    expect(resolvePlaceholders('{constructor}', values).unknown).toEqual(['constructor']);
  });

  it('finds numbers typed by hand, not those behind placeholders', () => {
    expect(handTypedNumbers('共{学习次数}次,其中 12 次视频会议,出勤率 95.5%')).toEqual(['12 次', '95.5%']);
    expect(proseWarnings('共{学习次数}次', { 学习次数: '1' })).toEqual([]);
    expect(proseWarnings('共3项{无}', {})).toHaveLength(2);
  });

  it('tallies largest first and shortens long lists with 等', () => {
    expect(tally({ video: 2, dingtalk: 5, in_person: 0 }, { video: { zh: '视频会议' } }, '次')).toBe(
      'dingtalk5次、视频会议2次',
    );
    expect(someOf(['甲', '乙', '甲', '丙'], 2)).toBe('甲、乙等');
    expect(someOf(['甲', '乙', '甲'], 2)).toBe('甲、乙');
  });
});
