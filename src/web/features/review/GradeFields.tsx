import { Checkbox, Input, Radio, Space, Typography } from 'antd';
import { citableFigures, type EffectFigureKey } from '../../../common/api/fusion';
import { qualities } from '../../../common/api/records';
import { useReviewContext } from '../fusion/fusion.api';
import { effectFigureText } from '../fusion/effectFigures';
import { useI18n } from '../../app/i18n/useI18n';

export interface GradeValue {
  quality: (typeof qualities)[number] | null;
  figures: EffectFigureKey[];
  note: string;
}
export const noGrade: GradeValue = { quality: null, figures: [], note: '' };

/**
 * The grade given with an approval (优/良/中/差, optional) and its basis: the effect figures the
 * review screen shows for this record, ticked, and a short note. The figures come from the same
 * call as the effect card above, so they are the ones the reviewer read.
 */
export function GradeFields({
  recordId,
  value,
  onChange,
}: {
  recordId: number;
  value: GradeValue;
  onChange: (v: GradeValue) => void;
}) {
  const { t, pick } = useI18n();
  const ctx = useReviewContext(recordId, true);
  const effect = ctx.data?.effect;
  const figures = effect ? citableFigures(effect) : [];
  return (
    <Space orientation="vertical" size={4} style={{ width: '100%' }} data-testid="grade-fields">
      <Typography.Text type="secondary">{t('review.grade')}</Typography.Text>
      <Radio.Group
        aria-label={t('review.grade')}
        optionType="button"
        size="small"
        value={value.quality ?? 'none'}
        onChange={(e) => {
          const q = e.target.value as GradeValue['quality'] | 'none';
          onChange(q === 'none' ? noGrade : { ...value, quality: q });
        }}
        options={[
          ...qualities.map((q) => ({ value: q, label: t(`review.grade.${q}`) })),
          { value: 'none', label: t('review.grade.none') },
        ]}
      />
      {value.quality && figures.length > 0 && effect && (
        <>
          <Typography.Text type="secondary">{t('review.gradeBasis')}</Typography.Text>
          <Checkbox.Group
            value={value.figures}
            onChange={(f) => onChange({ ...value, figures: f })}
            style={{ display: 'flex', flexDirection: 'column', gap: 4 }}
            options={figures.map((f) => ({
              value: f,
              label: <span style={{ overflowWrap: 'anywhere' }}>{effectFigureText(effect, f, t, pick)}</span>,
            }))}
          />
          {value.figures.length > 0 && (
            <Input
              aria-label={t('review.gradeBasisNote')}
              placeholder={t('review.gradeBasisNote')}
              maxLength={200}
              value={value.note}
              onChange={(e) => onChange({ ...value, note: e.target.value })}
            />
          )}
        </>
      )}
      {value.quality && effect && figures.length === 0 && (
        <Typography.Text type="secondary">{t('review.gradeNoEffect')}</Typography.Text>
      )}
    </Space>
  );
}
