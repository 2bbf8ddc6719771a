import { Alert, Card, Select, Skeleton, Space, Typography } from 'antd';
import { useI18n } from '../../app/i18n/useI18n';
import { useErrorText } from '../../components/useErrorText';
import { useDashboardParams } from '../dashboard/useDashboardParams';
import { useFusion } from './fusion.api';
import { FusionFigures } from './FusionFigures';

/** /fusion — 融合成效: the committee sees every branch, a branch its own. */
export function FusionPage() {
  const { t } = useI18n();
  const errorText = useErrorText();
  const { options, campaign, update, campaigns } = useDashboardParams();
  const fusion = useFusion({ campaignId: campaign?.id });
  const error = campaigns.error ?? fusion.error;
  return (
    <Card
      title={t('fusion.title')}
      extra={
        options.length > 1 && (
          <Select
            aria-label={t('dashboard.campaign')}
            style={{ minWidth: 160 }}
            value={campaign?.id}
            options={options.map((c) => ({ value: c.id, label: c.name }))}
            onChange={(id: number) => update({ campaign: id })}
          />
        )
      }
    >
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {t('fusion.intro')}
        </Typography.Paragraph>
        {error && <Alert type="error" showIcon title={errorText(error)} />}
        {!campaign && !campaigns.isPending && <Typography.Text>{t('dashboard.noCampaign')}</Typography.Text>}
        {fusion.data ? (
          <>
            {fusion.data.ownOnly && <Typography.Text>{t('fusion.ownOnly')}</Typography.Text>}
            <FusionFigures f={fusion.data} showBranches={!fusion.data.ownOnly} />
          </>
        ) : (
          !error && campaign && <Skeleton active />
        )}
      </Space>
    </Card>
  );
}
