import { Alert, Card, Empty, List, Skeleton, Typography } from 'antd';
import { Link } from 'react-router';
import { useRevisions } from './revisions.api';
import { useErrorText } from '../../components/useErrorText';
import { useI18n } from '../../app/i18n/useI18n';

/**
 * What waits for the leader in charge on their 审核 page (their home): the revisions sent to
 * them, each opening on its record with the decision beside it.
 */
export function LeaderQueue() {
  const { t } = useI18n();
  const errorText = useErrorText();
  const list = useRevisions({ mine: true });
  const items = list.data?.items ?? [];
  return (
    <Card title={t('revisions.leaderQueue')} style={{ marginBottom: 16 }}>
      {list.isPending ? (
        <Skeleton active />
      ) : list.isError ? (
        <Alert type="error" showIcon title={errorText(list.error)} />
      ) : !items.length ? (
        <Empty description={t('revisions.leaderQueueEmpty')} />
      ) : (
        <List
          dataSource={items}
          rowKey="recordId"
          renderItem={(r) => (
            <List.Item>
              <div style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
                <Link to={`/review/${r.recordId}`}>{r.title}</Link>
                <div>
                  <Typography.Text type="secondary">
                    {r.branchName}
                    {r.departmentName ? ` · ${r.departmentName}` : ''}
                    {r.publishedOn ? ` · ${t('revisions.plannedPublication', { date: r.publishedOn })}` : ''}
                    {r.documentNo ? ` · ${r.documentNo}` : ''}
                  </Typography.Text>
                </div>
              </div>
            </List.Item>
          )}
        />
      )}
      <Link to="/revisions">{t('revisions.allOfMine')}</Link>
    </Card>
  );
}
