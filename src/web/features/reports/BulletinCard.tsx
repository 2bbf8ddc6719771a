import { useState } from 'react';
import { Button, Card, Space, Typography } from 'antd';
import type { DocPeriod } from '../../../common/document-periods';
import { useI18n } from '../../app/i18n/useI18n';
import { DownloadButtons } from './DownloadButtons';
import { PeriodPicker } from './PeriodPicker';

/**
 * The bulletin (通报) of a month, a quarter, a half-year or a range: its live draft to preview,
 * and for the committee the way to issue it.
 */
export function BulletinCard({
  campaign,
  month,
  ownOnly,
  onIssue,
}: {
  campaign: { id: number; year: number; months: string[] };
  month: string;
  ownOnly: boolean;
  /** Shown to those who may issue: opens the issue dialog for this period. */
  onIssue?: (period: DocPeriod) => void;
}) {
  const { t } = useI18n();
  const [period, setPeriod] = useState<DocPeriod>({ kind: 'month', from: month, to: month });
  return (
    <Card title={t('documents.bulletin')} size="small">
      <Typography.Paragraph type="secondary">
        {t('documents.bulletinText')} {ownOnly && t('documents.bulletinOwn')}
      </Typography.Paragraph>
      <Space orientation="vertical" size={8} style={{ width: '100%' }}>
        <PeriodPicker year={campaign.year} months={campaign.months} value={period} onChange={setPeriod} />
        <Space wrap size={[8, 8]}>
          <DownloadButtons
            path="/documents/bulletin"
            query={{ campaignId: campaign.id, from: period.from, to: period.to }}
            label={t('issued.draft')}
          />
          {onIssue && (
            <Button type="primary" onClick={() => onIssue(period)}>
              {t('issued.issue')}
            </Button>
          )}
        </Space>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('issued.draftHelp')}
        </Typography.Text>
      </Space>
    </Card>
  );
}
