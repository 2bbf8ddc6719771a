import { describe, expect, it } from 'vitest';
import { fusionFiguresOf } from './fusion-figures.js';
import { periodsBefore } from './fusion.service.js';

const revision = (id: number, branchId: number, ind: Record<string, unknown>) => ({
  id,
  branchId,
  branchName: `第${branchId}支部`,
  title: `修订${id}`,
  data: { indicatorName: '审批环节', indicatorUnit: '个', indicatorDirection: 'lower', ...ind },
});
const problem = (id: number, confirmedOn: string | null, data: Record<string, unknown> = {}) => ({
  id: 100 + id,
  branchId: 1,
  branchName: '第1支部',
  title: `问题${id}`,
  data,
  problemId: id,
  state: confirmedOn ? 'confirmed' : 'solved',
  confirmedOn,
});

describe('融合成效 figures', () => {
  it('count a revision met by its latest measurement and sum improvements per indicator and unit', () => {
    const f = fusionFiguresOf(
      [
        revision(1, 1, { indicatorBaseline: 7, indicatorTarget: 4 }),
        revision(2, 2, { indicatorBaseline: 8, indicatorTarget: 4 }),
        revision(3, 2, {
          indicatorName: '线上办结率',
          indicatorUnit: '%',
          indicatorDirection: 'higher',
          indicatorBaseline: 60,
          indicatorTarget: 90,
        }),
        revision(4, 1, { indicatorBaseline: 6, indicatorTarget: 3 }),
        revision(5, 1, { indicatorName: '' }),
      ],
      [
        // Revision 1: halfway first, then the target; revision 2 falls short; 4 is not measured yet.
        { recordId: 1, notedOn: '2020-05-01', measuredValue: 5.5 },
        { recordId: 1, notedOn: '2020-07-01', measuredValue: 3 },
        { recordId: 2, notedOn: '2020-07-01', measuredValue: 6 },
        { recordId: 3, notedOn: '2020-07-01', measuredValue: 92.5 },
      ],
      [],
      [],
      '2020-12-31',
    );
    expect(f.revisions).toEqual({ total: 5, withIndicator: 4, measured: 3, met: 2, notMet: 1 });
    expect(f.reached.map((r) => [r.recordId, r.measured, r.improvement])).toEqual([
      [1, 3, 4],
      [3, 92.5, 32.5],
    ]);
    expect(f.byIndicator).toEqual([
      {
        name: '审批环节',
        unit: '个',
        direction: 'lower',
        revisions: 2,
        met: 1,
        baseline: 15,
        measured: 9,
        improvement: 6,
      },
      {
        name: '线上办结率',
        unit: '%',
        direction: 'higher',
        revisions: 1,
        met: 1,
        baseline: 60,
        measured: 92.5,
        improvement: 32.5,
      },
    ]);
    expect(f.branches.map((b) => [b.branchId, b.revisionsMeasured, b.revisionsMet])).toEqual([
      [1, 1, 1],
      [2, 2, 1],
    ]);
  });

  it('count a problem stayed solved when rechecked and never found come back, and the rechecks still due', () => {
    const f = fusionFiguresOf(
      [],
      [],
      [
        problem(1, '2020-03-20', {
          effectName: '群众等待天数',
          effectUnit: '天',
          effectBefore: 12,
          effectAfter: 3,
        }),
        problem(2, '2020-04-20', {
          effectName: '群众等待天数',
          effectUnit: '天',
          effectBefore: 10,
          effectAfter: 4,
        }),
        problem(3, '2020-11-20'),
        problem(4, '2020-06-01'),
        problem(5, null),
      ],
      [
        { problemId: 1, data: { months: 3, cameBack: false } },
        { problemId: 1, data: { months: 6, cameBack: false } },
        { problemId: 2, data: { months: 3, cameBack: false } },
        { problemId: 2, data: { months: 6, cameBack: true, note: '又出现' } },
      ],
      '2020-12-31',
    );
    expect(f.problems).toEqual({
      confirmed: 4,
      stayedSolved: 1,
      cameBack: 1,
      // Problem 4's 3- and 6-month rechecks are due and unrecorded; problem 3's not due yet.
      months3: { checked: 2, stayed: 2, cameBack: 0, waiting: 1 },
      months6: { checked: 2, stayed: 1, cameBack: 1, waiting: 1 },
    });
    expect(f.cameBack).toEqual([
      { problemId: 2, branchName: '第1支部', title: '问题2', months: 6, note: '又出现' },
    ]);
    expect(f.problemMeasures).toEqual([
      { name: '群众等待天数', unit: '天', problems: 2, before: 22, after: 7, improvement: 15 },
    ]);
  });

  it('finds the three months before a record’s own, across a year', () => {
    expect(periodsBefore('2020-06')).toEqual(['2020-03', '2020-04', '2020-05']);
    expect(periodsBefore('2021-02')).toEqual(['2020-11', '2020-12', '2021-01']);
    expect(periodsBefore('2021-Q1')).toEqual(['2020-Q4']);
  });
});
