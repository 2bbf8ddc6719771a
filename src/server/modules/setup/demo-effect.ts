import { addDays } from '../../lib/dates.js';
import { recheckDay, recheckMonths } from '../../../common/problem-recheck.js';
import { indicatorOf, verdictOf, type FieldData, type Verdict } from '../../../common/record-fields/index.js';

// The business effect of the demo year's revisions (record-fields/effect.ts): each states an
// indicator of the kind the article names, and its follow-ups measure it — most reach the target,
// a few are 待改进 with a next step, so the verdicts read like a real office's.

const indicators = [
  { indicatorName: '审批环节', indicatorUnit: '个', indicatorDirection: 'lower', base: 7, target: 4 },
  { indicatorName: '办理时长', indicatorUnit: '天', indicatorDirection: 'lower', base: 10, target: 5 },
  { indicatorName: '线上办结率', indicatorUnit: '%', indicatorDirection: 'higher', base: 60, target: 90 },
  { indicatorName: '差错率', indicatorUnit: '%', indicatorDirection: 'lower', base: 5, target: 2 },
] as const;

/** The indicator fields of branch b's revision published on `date` in `month`. */
export function demoIndicator(b: number, month: number, date: string): FieldData {
  const { base, target, ...named } = indicators[(b + month) % indicators.length]!;
  return {
    ...named,
    indicatorBaseline: base,
    indicatorTarget: target,
    indicatorMeasureBy: addDays(date, 90),
  };
}

/**
 * What the i-th follow-up (30, then 90 days) measured: halfway at the first, the target at the
 * second except for one revision in five, which stays 待改进 with its next step.
 */
export function demoMeasure(
  data: FieldData,
  i: number,
  b: number,
  month: number,
): { measuredValue: number; evidence: string; verdict: Verdict; nextStep: string | null } | null {
  const ind = indicatorOf(data);
  if (!ind) return null;
  const short = i === 0 || (b + month) % 5 === 0;
  const measuredValue = short
    ? Math.round(((ind.baseline + ind.target) / 2) * 10) / 10
    : ind.direction === 'lower'
      ? ind.target - (ind.unit === '%' ? 0.5 : 1)
      : ind.target + 2;
  const verdict = verdictOf(ind, measuredValue);
  return {
    measuredValue,
    evidence: ind.unit === '%' ? '业务系统月度统计' : '抽查近一个月办理台账',
    verdict,
    nextStep: verdict === 'not_met' ? '梳理剩余环节,下季度再跟踪。' : null,
  };
}

const problemMeasures = [
  { effectName: '群众等待天数', effectUnit: '天', before: 12, after: 3 },
  { effectName: '每月投诉件数', effectUnit: '件', before: 9, after: 1 },
] as const;

/** Every third of the demo's problems has a measure, with the unit's values before and after. */
export function demoProblemEffect(b: number, month: number): FieldData {
  if ((b + month) % 3 !== 0) return {};
  const { before, after, ...named } = problemMeasures[(b + month) % problemMeasures.length]!;
  return { ...named, effectBefore: before + b, effectAfter: after };
}

/** The demo's "now" for rechecks: early spring after the year, so the 6-month ones of the last months still wait. */
const RECHECKED_BY = '2021-03-31';

/**
 * The 3- and 6-month rechecks of a confirmed demo problem, recorded on their day up to
 * RECHECKED_BY: most stayed solved, one problem in seven came back by the sixth month.
 */
export function demoRechecks(
  b: number,
  month: number,
  confirmedOn: string,
): { months: number; cameBack: boolean; note: string; checkedOn: string }[] {
  return recheckMonths
    .map((m) => ({ m, day: recheckDay(confirmedOn, m) }))
    .filter((x) => x.day <= RECHECKED_BY)
    .map(({ m, day }) => {
      const cameBack = m === 6 && (b + month) % 7 === 0;
      return {
        months: m,
        cameBack,
        note: cameBack ? '近期同类情况再次出现,已请支部再次跟进' : '',
        checkedOn: day,
      };
    });
}
