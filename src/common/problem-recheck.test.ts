import { describe, expect, it } from 'vitest';
import { addMonthsIso, rechecksDue } from './problem-recheck.js';

describe('problem rechecks', () => {
  it('fall 3 and 6 months after confirmation, at the end of a shorter month', () => {
    expect(addMonthsIso('2020-05-31', 3)).toBe('2020-08-31');
    expect(addMonthsIso('2020-11-30', 3)).toBe('2021-02-28');
    expect(addMonthsIso('2020-08-31', 6)).toBe('2021-02-28');
    expect(addMonthsIso('2020-12-15', 6)).toBe('2021-06-15');
  });

  it('are due from their day on until recorded', () => {
    expect(rechecksDue('2020-05-10', '2020-08-09', [])).toEqual([]);
    expect(rechecksDue('2020-05-10', '2020-08-10', [])).toEqual([3]);
    expect(rechecksDue('2020-05-10', '2020-11-10', [])).toEqual([3, 6]);
    expect(rechecksDue('2020-05-10', '2020-11-10', [3])).toEqual([6]);
    expect(rechecksDue(null, '2020-11-10', [])).toEqual([]);
  });
});
