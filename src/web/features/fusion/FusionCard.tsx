import { Card, Typography } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../app/i18n/useI18n';
import { useFusion } from './fusion.api';

/**
 * 融合成效 on the branch profile: the branch's own figures. Someone who may not see them (another
 * branch looking at this profile) gets a refusal, and the card is not shown.
 */
export function FusionCard({ branchId, campaignId }: { branchId: number; campaignId: number }) {
  const { t } = useI18n();
  const fusion = useFusion({ campaignId, branchId });
  if (!fusion.data) return null;
  const f = fusion.data;
  return (
    <Card
      size="small"
      title={t('fusion.profileCard')}
      extra={<Link to={`/fusion?campaign=${campaignId}`}>{t('fusion.more')}</Link>}
    >
      <Typography.Paragraph style={{ marginBottom: 4 }}>
        {t('fusion.profileLine', {
          met: f.revisions.met,
          measured: f.revisions.measured,
          stayed: f.problems.stayedSolved,
          back: f.problems.cameBack,
          confirmed: f.problems.confirmed,
        })}
      </Typography.Paragraph>
      {f.byIndicator.map((g) => (
        <Typography.Paragraph key={`${g.name}|${g.unit}|${g.direction}`} style={{ marginBottom: 2 }}>
          {g.name}:{g.baseline} → {g.measured}
          {g.unit} ({t('fusion.improvement')} {g.improvement}
          {g.unit})
        </Typography.Paragraph>
      ))}
    </Card>
  );
}
