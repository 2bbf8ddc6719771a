import { useEffect } from 'react';
import { Badge, Button } from 'antd';
import { useLocation, useNavigate } from 'react-router';
import { useUnreadCount } from './notifications.api';
import { useI18n } from '../../app/i18n/useI18n';

/** The header's bell: unread count, opens the notification centre. */
export function NotificationBell({ compact }: { compact: boolean }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const count = useUnreadCount();
  const { refetch } = count;
  // Moving to another page is the user's activity: a good moment to look for news.
  useEffect(() => {
    void refetch();
  }, [pathname, refetch]);
  const unread = count.data?.unread ?? 0;
  return (
    <Badge count={unread} size="small" overflowCount={99} offset={[-6, 6]}>
      <Button
        type="text"
        aria-label={unread ? `${t('notify.bell')} (${unread})` : t('notify.bell')}
        onClick={() => navigate('/notifications')}
        style={{ fontSize: compact ? 18 : 20, paddingInline: compact ? 6 : 8, display: 'inline-flex' }}
      >
        <svg width="1em" height="1em" viewBox="0 0 24 24" fill="none" aria-hidden="true">
          <path
            d="M12 3a6 6 0 0 0-6 6v3.6L4.3 15.4A1 1 0 0 0 5.2 17h13.6a1 1 0 0 0 .9-1.6L18 12.6V9a6 6 0 0 0-6-6Zm-2.5 15.5a2.5 2.5 0 0 0 5 0"
            stroke="currentColor"
            strokeWidth="1.8"
            strokeLinejoin="round"
          />
        </svg>
      </Button>
    </Badge>
  );
}
