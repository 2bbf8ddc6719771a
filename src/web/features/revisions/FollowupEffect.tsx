import { Form, Input, InputNumber, Tag, Typography } from 'antd';
import {
  indicatorText,
  verdictLabels,
  verdictOf,
  type Indicator,
  type Verdict,
} from '../../../common/record-fields/effect';
import { useI18n } from '../../app/i18n/useI18n';

// A revision's indicator and what each follow-up measured of it (record-fields/effect.ts): the
// verdict shown is the one the server computed and kept; the form's preview uses the same rule.

const verdictColor: Record<Verdict, string> = { met: 'success', not_met: 'warning' };

export function VerdictTag({ verdict }: { verdict: Verdict | null }) {
  const { pick } = useI18n();
  if (!verdict) return null;
  return (
    <Tag color={verdictColor[verdict]} data-testid="verdict">
      {pick(verdictLabels[verdict])}
    </Tag>
  );
}

/** "成效指标:报销审批环节 7 → 4 个,2026-12-31 前见效" with the standing verdict. */
export function IndicatorLine({
  indicator,
  verdict,
}: {
  indicator: Indicator | null;
  verdict: Verdict | null;
}) {
  const { t } = useI18n();
  if (!indicator) return null;
  return (
    <div style={{ overflowWrap: 'anywhere' }}>
      <Typography.Text type="secondary">{t('revisions.indicator')}:</Typography.Text>
      <Typography.Text>{indicatorText(indicator)}</Typography.Text>
      {indicator.measureBy && (
        <Typography.Text type="secondary">
          {' '}
          {t('revisions.measureBy', { date: indicator.measureBy })}
        </Typography.Text>
      )}{' '}
      <VerdictTag verdict={verdict} />
    </div>
  );
}

/** What one follow-up measured: "实测 5 个(依据:…)待改进 · 下一步:…". */
export function MeasuredLine({
  indicator,
  f,
}: {
  indicator: Indicator | null;
  f: {
    measuredValue: number | null;
    evidence: string | null;
    verdict: Verdict | null;
    nextStep: string | null;
  };
}) {
  const { t } = useI18n();
  if (!indicator || f.measuredValue === null) return null;
  return (
    <div style={{ overflowWrap: 'anywhere' }}>
      <Typography.Text>
        {t('revisions.measured', {
          value: `${f.measuredValue}${indicator.unit ? ` ${indicator.unit}` : ''}`,
        })}
      </Typography.Text>
      {f.evidence && <Typography.Text type="secondary">({f.evidence})</Typography.Text>}{' '}
      <VerdictTag verdict={f.verdict} />
      {f.nextStep && (
        <div>
          <Typography.Text type="secondary">{t('revisions.nextStep')}:</Typography.Text>
          {f.nextStep}
        </div>
      )}
    </div>
  );
}

/** The follow-up form's effect inputs, with the verdict the value would get, before it is saved. */
export function EffectInputs({ indicator }: { indicator: Indicator }) {
  const { t } = useI18n();
  const measured = Form.useWatch<number | null | undefined>('measuredValue');
  const verdict = typeof measured === 'number' ? verdictOf(indicator, measured) : null;
  const required = (field: string) => [{ required: true, message: t('common.required', { field }) }];
  const valueLabel = `${t('revisions.measuredValue')}(${indicator.name}${indicator.unit ? `,${indicator.unit}` : ''})`;
  return (
    <>
      <Typography.Paragraph type="secondary">
        {t('revisions.indicator')}:{indicatorText(indicator)}
      </Typography.Paragraph>
      <Form.Item
        name="measuredValue"
        label={valueLabel}
        rules={required(t('revisions.measuredValue'))}
        extra={<VerdictTag verdict={verdict} />}
      >
        <InputNumber style={{ width: '100%' }} min={0} />
      </Form.Item>
      <Form.Item name="evidence" label={t('revisions.evidence')} rules={required(t('revisions.evidence'))}>
        <Input maxLength={1000} placeholder={t('revisions.evidenceHint')} />
      </Form.Item>
      {verdict === 'not_met' && (
        <Form.Item name="nextStep" label={t('revisions.nextStep')} rules={required(t('revisions.nextStep'))}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      )}
    </>
  );
}
