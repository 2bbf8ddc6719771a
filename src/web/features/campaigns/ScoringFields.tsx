import { Col, Form, InputNumber, Row, Typography } from 'antd';
import { useI18n } from '../../app/i18n/useI18n';
import type { MessageKey } from '../../app/i18n/types';

const grades: { key: string; label: MessageKey }[] = [
  { key: 'excellent', label: 'campaigns.quality.excellent' },
  { key: 'good', label: 'campaigns.quality.good' },
  { key: 'fair', label: 'campaigns.quality.fair' },
  { key: 'poor', label: 'campaigns.quality.poor' },
];

/** How a month is scored beyond each kind's points: late actions, quality grades, highlights. */
export function ScoringFields() {
  const { t } = useI18n();
  return (
    <div>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('campaigns.scoringHint')}
      </Typography.Paragraph>
      <Row gutter={16}>
        <Col xs={12} md={6}>
          <Form.Item name={['scoring', 'latePercent']} label={t('campaigns.latePercent')}>
            <InputNumber min={0} max={100} suffix="%" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name={['scoring', 'highlightBonus']} label={t('campaigns.highlightBonus')}>
            <InputNumber min={0} max={50} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Typography.Text>{t('campaigns.qualityAdjust')}</Typography.Text>
      <Row gutter={16} style={{ marginTop: 8 }}>
        {grades.map((g) => (
          <Col key={g.key} xs={12} md={6}>
            <Form.Item name={['scoring', 'qualityAdjust', g.key]} label={t(g.label)}>
              <InputNumber min={-100} max={100} suffix="%" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        ))}
      </Row>
    </div>
  );
}
