import type { CSSProperties } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Badge, Card, List, Typography } from 'antd';
import { Link } from 'react-router';
import { inboxApi } from '../../../common/api/inbox.routes';
import { call } from '../../api/call';
import { useI18n } from '../../app/i18n/useI18n';

/** What waits for the user, across areas; hidden when nothing does. */
export function InboxCard({ style }: { style?: CSSProperties }) {
  const { t } = useI18n();
  const inbox = useQuery({ queryKey: ['inbox'], queryFn: () => call(inboxApi.get) });
  const items = inbox.data?.items ?? [];
  if (!items.length) return null;
  return (
    <Card size="small" title={t('inbox.title')} style={style}>
      <List
        size="small"
        dataSource={items}
        rowKey={(i) => `${i.type}-${i.link}`}
        renderItem={(i) => (
          <List.Item extra={<Badge count={i.count} showZero={false} />}>
            <div style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
              <Link to={i.link}>{t(`inbox.${i.type}.title`, { days: i.days ?? '' })}</Link>
              <div>
                <Typography.Text type="secondary">
                  {t(`inbox.${i.type}.detail`, { days: i.days ?? '' })}
                </Typography.Text>
              </div>
            </div>
          </List.Item>
        )}
      />
    </Card>
  );
}
