import { Button, Dropdown, Layout, Space, Tag, Typography, type MenuProps } from 'antd';
import { useNavigate } from 'react-router';
import { roleLabels } from '../../../common/roles';
import { useLogout, useMe, useSessionUser } from '../../features/auth/auth.api';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { NotificationBell } from '../../features/notifications/NotificationBell';
import { useI18n } from '../i18n/useI18n';

interface Props {
  /** Phone layout: a menu button, and roles moved into the user dropdown. */
  compact: boolean;
  onOpenMenu: () => void;
}

export function HeaderBar({ compact, onOpenMenu }: Props) {
  const { t, pick } = useI18n();
  const { data: me } = useMe();
  const user = useSessionUser();
  const logout = useLogout();
  const navigate = useNavigate();
  const roleNames = [...new Set(user.grants.map((g) => g.role))].map((r) => pick(roleLabels[r]));

  const userMenu: MenuProps['items'] = [
    ...(compact
      ? [{ key: 'roles', disabled: true, label: roleNames.join(' · ') }, { type: 'divider' as const }]
      : []),
    { key: 'password', label: t('common.changePassword') },
    { key: 'logout', label: t('common.logout'), danger: true },
  ];

  return (
    <Layout.Header
      style={{
        background: '#fff',
        borderBottom: '1px solid #f0f0f0',
        padding: compact ? '0 8px' : '0 24px',
        display: 'flex',
        alignItems: 'center',
        gap: 8,
        height: 56,
        lineHeight: '56px',
      }}
    >
      {compact && (
        <Button type="text" aria-label={t('common.menu')} onClick={onOpenMenu} style={{ fontSize: 18 }}>
          ☰
        </Button>
      )}
      <Typography.Text strong ellipsis style={{ flex: 1, minWidth: 0, fontSize: compact ? 14 : 16 }}>
        {compact && <span style={{ color: '#c8161d', marginInlineEnd: 6 }}>{t('app.name')}</span>}
        {me?.organisationName}
      </Typography.Text>
      <Space size={compact ? 4 : 12} style={{ flexShrink: 0 }}>
        {!compact && roleNames.map((name) => <Tag key={name}>{name}</Tag>)}
        <LanguageSwitch size={compact ? 'small' : 'middle'} />
        <NotificationBell compact={compact} />
        <Dropdown
          trigger={['click']}
          menu={{
            items: userMenu,
            onClick: ({ key }) => {
              if (key === 'password') navigate('/password');
              if (key === 'logout') logout.mutate();
            },
          }}
        >
          <Button type="text" style={{ maxWidth: compact ? 96 : 200 }}>
            <Typography.Text ellipsis>{user.displayName}</Typography.Text> ▾
          </Button>
        </Dropdown>
      </Space>
    </Layout.Header>
  );
}
