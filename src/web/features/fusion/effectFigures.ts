import type { EffectFigureKey, RecordEffect } from '../../../common/api/fusion';
import { verdictLabels } from '../../../common/record-fields/effect';
import type { MessageKey } from '../../app/i18n/types';

type T = (key: MessageKey, vars?: Record<string, string | number>) => string;
type Pick = (b: { zh: string; en: string }) => string;

/**
 * One effect figure in a line, as a grade cites it: 审批环节 7 → 4 个(目标 4个)已见效,
 * 解决前后 12 → 3 天, 3 个月 未反弹. Null when the effect has no such figure.
 */
export function effectFigureText(e: RecordEffect, key: EffectFigureKey, t: T, pick: Pick): string | null {
  if (key === 'indicator') {
    const i = e.indicator;
    if (!i || e.measured === null) return null;
    const verdict = e.verdict ? ` ${pick(verdictLabels[e.verdict])}` : '';
    return `${i.name} ${i.baseline} → ${e.measured}${i.unit}(${t('fusion.target', { target: i.target, unit: i.unit })})${verdict}`;
  }
  if (key === 'beforeAfter') {
    const b = e.beforeAfter;
    return b ? `${b.name} ${b.before} → ${b.after}${b.unit}` : null;
  }
  const months = key === 'recheck3' ? 3 : 6;
  const r = e.rechecks.find((x) => x.months === months);
  return r ? `${t('fusion.recheckAt', { months })} ${t(r.cameBack ? 'fusion.back' : 'fusion.stayed')}` : null;
}
