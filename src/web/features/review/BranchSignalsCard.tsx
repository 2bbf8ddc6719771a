import { Card, Space, Tag, Typography } from 'antd';
import { canReview } from '../../../common/policies/records';
import { useI18n } from '../../app/i18n/useI18n';
import { useSessionUser } from '../auth/auth.api';
import { useBranchSignalCounts } from './signals.api';

/**
 * 核查提示 over a branch's campaign, on the branch profile: for the committee only — a branch
 * never sees signals, so for anyone else this renders nothing and asks nothing.
 */
export function BranchSignalsCard({ branchId, campaignId }: { branchId: number; campaignId: number }) {
  const { t } = useI18n();
  const reviewer = canReview(useSessionUser(), branchId);
  const counts = useBranchSignalCounts(branchId, campaignId, reviewer);
  if (!reviewer || !counts.data) return null;
  const { open, doubtful, verified, byKind } = counts.data;
  return (
    <Card size="small" title={t('signals.title')}>
      <Typography.Paragraph style={{ marginBottom: 8 }}>
        {t('signals.branchSummary', { open, doubtful, verified })}
      </Typography.Paragraph>
      <Space wrap>
        {byKind
          .filter((k) => k.open > 0)
          .map((k) => (
            <Tag key={k.kind} color="warning">
              {t(`signals.kind.${k.kind}`)} {k.open}
            </Tag>
          ))}
      </Space>
    </Card>
  );
}
