import { Badge, Card, List } from 'antd';
import { Link } from 'react-router';
import { periodLabel } from '../records/labels';
import { useReviewGroups } from './review.api';
import { useI18n } from '../../app/i18n/useI18n';

/** The queue by branch-month: one link per month waiting, to review it side by side at once. */
export function ReviewGroups({ enabled }: { enabled: boolean }) {
  const { t, lang } = useI18n();
  const groups = useReviewGroups(enabled);
  const items = groups.data?.items ?? [];
  if (!items.length) return null;
  return (
    <Card size="small" title={t('review.groups')} style={{ marginBottom: 16 }}>
      <List
        size="small"
        dataSource={items}
        rowKey={(g) => `${g.branchId}-${g.periodKey}`}
        renderItem={(g) => (
          <List.Item extra={<Badge count={g.waiting} color="#1677ff" />}>
            <Link
              to={`/review/month/${g.branchId}/${g.periodKey}`}
              aria-label={`${g.branchName} ${periodLabel(g.periodKey, lang)} ${t('review.groups.open')}`}
              style={{ overflowWrap: 'anywhere' }}
            >
              {g.branchName} · {periodLabel(g.periodKey, lang)} ·{' '}
              {t('review.groups.waiting', { count: g.waiting })}
            </Link>
          </List.Item>
        )}
      />
    </Card>
  );
}
