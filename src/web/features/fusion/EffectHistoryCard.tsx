import { Card, Col, Empty, Row, Tag, Typography } from 'antd';
import { recordStatusLabels } from '../../../common/actions';
import type { RecordEffect } from '../../../common/api/fusion';
import { verdictLabels } from '../../../common/record-fields/effect';
import { useI18n } from '../../app/i18n/useI18n';
import { useReviewContext } from './fusion.api';

/** One record's effect in a line: the indicator against its latest measurement, a problem's before / after and rechecks. */
function EffectLine({ e }: { e: RecordEffect }) {
  const { t, pick } = useI18n();
  const parts: React.ReactNode[] = [];
  if (e.indicator) {
    const i = e.indicator;
    parts.push(
      <span key="i">
        {i.name} {i.baseline} → {e.measured ?? '—'}
        {i.unit}({t('fusion.target', { target: i.target, unit: i.unit })}){' '}
        {e.verdict && (
          <Tag color={e.verdict === 'met' ? 'green' : 'orange'}>{pick(verdictLabels[e.verdict])}</Tag>
        )}
      </span>,
    );
  }
  if (e.beforeAfter)
    parts.push(
      <span key="b">
        {e.beforeAfter.name} {e.beforeAfter.before} → {e.beforeAfter.after}
        {e.beforeAfter.unit}{' '}
      </span>,
    );
  for (const r of e.rechecks)
    parts.push(
      <Tag key={`r${r.months}`} color={r.cameBack ? 'red' : 'green'}>
        {t('fusion.recheckAt', { months: r.months })} {t(r.cameBack ? 'fusion.back' : 'fusion.stayed')}
      </Tag>,
    );
  return parts.length ? (
    <>{parts}</>
  ) : (
    <Typography.Text type="secondary">{t('fusion.noEffect')}</Typography.Text>
  );
}

/**
 * For the committee reviewing a record: its effect figures beside the branch's same action in
 * the three months before, from one call, so the reviewer judges without opening other records.
 */
export function EffectHistoryCard({ recordId }: { recordId: number }) {
  const { t, pick } = useI18n();
  const ctx = useReviewContext(recordId, true);
  if (!ctx.data) return null;
  const c = ctx.data;
  return (
    <Card size="small" title={t('fusion.reviewTitle')} style={{ marginBottom: 12 }}>
      <Row gutter={[12, 12]}>
        <Col xs={24} lg={8}>
          <Typography.Text strong>{t('fusion.thisRecord')}</Typography.Text>
          <div>
            <EffectLine e={c.effect} />
          </div>
        </Col>
        {c.history.map((h) => (
          <Col key={h.periodKey} xs={24} lg={Math.floor(16 / Math.max(c.history.length, 1))}>
            <Typography.Text strong>{h.periodKey}</Typography.Text>
            {h.records.length ? (
              h.records.map((r) => (
                <div key={r.id}>
                  <Typography.Text>{r.title}</Typography.Text>{' '}
                  <Typography.Text type="secondary">
                    {pick(recordStatusLabels[r.status as 'approved'] ?? { zh: r.status, en: r.status })}
                  </Typography.Text>
                  <div>
                    <EffectLine e={r.effect} />
                  </div>
                </div>
              ))
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('fusion.noneThatMonth')} />
            )}
          </Col>
        ))}
      </Row>
    </Card>
  );
}
