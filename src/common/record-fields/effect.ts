import { z } from 'zod';
import { isoDate } from '../api/shared.js';
import { choice, long, type Bilingual, type FieldData, type FieldDef } from './field-def.js';

/**
 * The business effect a revision is made for (党建与业务深度融合): one indicator with its unit, the
 * value before the revision, the value it should reach and the day to measure by, e.g.
 * 报销审批环节 7 → 4 个 or 合同办理时长 10 → 5 天. Each effect follow-up of the revision records the
 * measured value, and the verdict (verdictOf) is computed from it.
 */

export const indicatorDirections = ['lower', 'higher'] as const;
export type IndicatorDirection = (typeof indicatorDirections)[number];
export const indicatorDirectionLabels: Record<IndicatorDirection, Bilingual> = {
  lower: { zh: '越低越好', en: 'Lower is better' },
  higher: { zh: '越高越好', en: 'Higher is better' },
};

/** An indicator's value: a count, days, a rate; never negative, at most a billion. */
const value = z.number().finite().min(0).max(1_000_000_000);
const number = (zh: string, en: string, extra: Partial<FieldDef> = {}) => ({
  schema: value.nullable().default(null),
  zh,
  en,
  widget: 'number' as const,
  submit: false,
  span: 6,
  phoneSpan: 12,
  ...extra,
});
/** Whether the field `key` holds text: the figures of an indicator or measure are asked for once it is named. */
const named = (key: string) => (d: FieldData) => {
  const v = d[key];
  return typeof v === 'string' && v.trim() !== '';
};
const hasIndicator = named('indicatorName');

export const indicatorFields = {
  indicatorName: long('成效指标', 'Indicator', 60, {
    span: 12,
    placeholder: { zh: '如:报销审批环节、合同办理时长', en: 'e.g. approval steps, days to sign a contract' },
    hint: {
      zh: '修订要改进的业务指标,选填;填写后请一并填写单位、修订前、目标值',
      en: 'The business figure the revision should improve (optional)',
    },
  }),
  indicatorUnit: long('单位', 'Unit', 10, {
    span: 6,
    phoneSpan: 12,
    placeholder: { zh: '个、天、%', en: 'steps, days, %' },
  }),
  indicatorDirection: {
    ...choice('改进方向', 'Direction', indicatorDirections, indicatorDirectionLabels, {
      span: 6,
      phoneSpan: 12,
      submit: false,
    }),
    schema: z.enum(indicatorDirections).default('lower'),
  },
  indicatorBaseline: number('修订前数值', 'Baseline', { shownWhen: hasIndicator, requiredWhenShown: true }),
  indicatorTarget: number('目标值', 'Target', { shownWhen: hasIndicator, requiredWhenShown: true }),
  indicatorMeasureBy: {
    schema: isoDate.nullable().default(null),
    zh: '计划见效日期',
    en: 'Measure by',
    widget: 'date' as const,
    submit: false,
    span: 12,
    future: true,
    shownWhen: hasIndicator,
  },
} satisfies Record<string, FieldDef>;

/** A revision's indicator as its record data holds it; null when it states none. */
export interface Indicator {
  name: string;
  unit: string;
  direction: IndicatorDirection;
  baseline: number;
  target: number;
  measureBy: string | null;
}

export function indicatorOf(data: FieldData): Indicator | null {
  const name = typeof data.indicatorName === 'string' ? data.indicatorName.trim() : '';
  const { indicatorBaseline: baseline, indicatorTarget: target } = data;
  if (!name || typeof baseline !== 'number' || typeof target !== 'number') return null;
  return {
    name,
    unit: typeof data.indicatorUnit === 'string' ? data.indicatorUnit.trim() : '',
    direction: data.indicatorDirection === 'higher' ? 'higher' : 'lower',
    baseline,
    target,
    measureBy: typeof data.indicatorMeasureBy === 'string' ? data.indicatorMeasureBy : null,
  };
}

export const verdicts = ['met', 'not_met'] as const;
export type Verdict = (typeof verdicts)[number];
export const verdictLabels: Record<Verdict, Bilingual> = {
  met: { zh: '已见效', en: 'Target met' },
  not_met: { zh: '待改进', en: 'To improve' },
};

/** 已见效 when the measured value reaches the target in the indicator's direction, else 待改进. */
export function verdictOf(ind: Pick<Indicator, 'direction' | 'target'>, measured: number): Verdict {
  const met = ind.direction === 'lower' ? measured <= ind.target : measured >= ind.target;
  return met ? 'met' : 'not_met';
}

/** The improvement a measured value shows against the baseline, positive when it got better. */
export function improvementOf(ind: Pick<Indicator, 'direction' | 'baseline'>, measured: number): number {
  const delta = ind.direction === 'lower' ? ind.baseline - measured : measured - ind.baseline;
  return Math.round(delta * 100) / 100;
}

/**
 * What solving a grassroots problem changed for the unit, where it has a measure (等待天数,
 * 每月投诉件数): the value before and after. Optional; once named, both values are asked for.
 */
const hasProblemMeasure = named('effectName');
export const problemEffectFields = {
  effectName: long('成效衡量', 'Measure of effect', 60, {
    span: 8,
    placeholder: { zh: '如:群众等待天数、每月投诉件数', en: 'e.g. days of waiting, complaints a month' },
    hint: {
      zh: '有可衡量的指标时填写,选填;填写后请一并填写解决前、解决后数值',
      en: 'Where the problem has a measure (optional); then give the values before and after',
    },
  }),
  effectUnit: long('单位', 'Unit', 10, { span: 4, phoneSpan: 12, placeholder: { zh: '天、件', en: 'days' } }),
  effectBefore: number('解决前', 'Before', { shownWhen: hasProblemMeasure, requiredWhenShown: true }),
  effectAfter: number('解决后', 'After', { shownWhen: hasProblemMeasure, requiredWhenShown: true }),
} satisfies Record<string, FieldDef>;

/** A problem's before / after as its record data holds it; null when it names no measure. */
export function beforeAfterOf(
  data: FieldData,
): { name: string; unit: string; before: number; after: number } | null {
  const name = typeof data.effectName === 'string' ? data.effectName.trim() : '';
  const { effectBefore: before, effectAfter: after } = data;
  if (!name || typeof before !== 'number' || typeof after !== 'number') return null;
  return { name, unit: typeof data.effectUnit === 'string' ? data.effectUnit.trim() : '', before, after };
}

/** "群众等待天数 12 → 3 天", as the ledger writes a problem's before / after. */
export const beforeAfterText = (m: NonNullable<ReturnType<typeof beforeAfterOf>>): string =>
  `${m.name} ${m.before} → ${m.after}${m.unit ? ` ${m.unit}` : ''}`;

/** "报销审批环节 7 → 4 个", as the documents and the view write an indicator. */
export const indicatorText = (ind: Indicator): string =>
  `${ind.name} ${ind.baseline} → ${ind.target}${ind.unit ? ` ${ind.unit}` : ''}`;
