import { verdictOf, type Indicator, type Verdict } from '../../../common/record-fields/index.js';
import { AppError } from '../../lib/errors.js';

/**
 * What a follow-up records of the revision's effect. Without an indicator there is nothing to
 * measure: a value sent anyway is refused rather than kept unjudged. With one, the value is
 * required, the verdict is computed from it, and a target not met needs the next step.
 */
export function effectOf(
  ind: Indicator | null,
  body: { measuredValue: number | null; evidence: string; nextStep: string },
): {
  measuredValue: number | null;
  evidence: string | null;
  verdict: Verdict | null;
  nextStep: string | null;
} {
  if (!ind) {
    if (body.measuredValue !== null) {
      const message = '该修订未填写成效指标,无法记录测量值';
      throw new AppError('VALIDATION_FAILED', [{ path: 'body.measuredValue', message }], message);
    }
    return { measuredValue: null, evidence: null, verdict: null, nextStep: null };
  }
  if (body.measuredValue === null) {
    const message = `请填写${ind.name}的实测值`;
    throw new AppError('VALIDATION_FAILED', [{ path: 'body.measuredValue', message }], message);
  }
  if (!body.evidence) {
    const message = '请说明实测值的依据(如统计报表、系统导出、抽查记录)';
    throw new AppError('VALIDATION_FAILED', [{ path: 'body.evidence', message }], message);
  }
  const verdict = verdictOf(ind, body.measuredValue);
  if (verdict === 'not_met' && !body.nextStep) {
    const message = '未达到目标值,请填写下一步改进措施';
    throw new AppError('VALIDATION_FAILED', [{ path: 'body.nextStep', message }], message);
  }
  return {
    measuredValue: body.measuredValue,
    evidence: body.evidence,
    verdict,
    nextStep: verdict === 'not_met' ? body.nextStep : null,
  };
}

/** A revision's standing verdict: that of its latest follow-up that measured the indicator. */
export function latestVerdict(
  followups: { notedOn: string | null; verdict: Verdict | null }[],
): Verdict | null {
  const measured = followups
    .filter((f) => f.notedOn && f.verdict)
    .sort((a, b) => (a.notedOn! < b.notedOn! ? -1 : 1));
  return measured.at(-1)?.verdict ?? null;
}
