import { useState } from 'react';
import { Alert, App, Button, Card, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { isLocked, useUnlockUser, useUpdateUser, useUsers, type User } from './users.api';
import { describeGrant } from './grants';
import { UserDrawer } from './UserDrawer';
import { ResetPasswordModal } from './ResetPasswordModal';
import { useStructure } from '../org/org.api';
import { usePeople } from '../org/people.api';
import { ActiveToggle } from '../../components/ActiveControls';
import { useErrorText } from '../../components/useErrorText';
import { useI18n } from '../../app/i18n/useI18n';

/** Accounts, their roles with scopes by name, and the administrator's account actions. */
export function UsersPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const { message } = App.useApp();
  const errorText = useErrorText();
  const users = useUsers();
  const structure = useStructure();
  // Everyone, to name linked people and offer them for linking; an organ committee has hundreds at most.
  const people = usePeople({ limit: 500, offset: 0, includeInactive: true });
  const update = useUpdateUser();
  const unlock = useUnlockUser();
  const [editing, setEditing] = useState<{ user?: User } | null>(null);
  // Each opening gets a fresh drawer (and form store), so no value of the previous one lingers.
  const [editorKey, setEditorKey] = useState(0);
  const openEditor = (user?: User) => {
    setEditorKey((k) => k + 1);
    setEditing({ user });
  };
  const [resetting, setResetting] = useState<User | null>(null);

  const personName = (id: number | null) =>
    id === null ? '' : (people.data?.items.find((p) => p.id === id)?.name ?? '');
  const error = users.error ?? structure.error ?? people.error;

  const doUnlock = (user: User) =>
    unlock.mutate(user.id, {
      onSuccess: () => void message.success(t('users.unlocked')),
      onError: (e) => void message.error(errorText(e)),
    });

  return (
    <Card
      title={t('users.title')}
      extra={
        <Button type="primary" disabled={!structure.data} onClick={() => openEditor()}>
          {t('users.new')}
        </Button>
      }
    >
      {error && <Alert type="error" showIcon title={errorText(error)} style={{ marginBottom: 12 }} />}
      <Table<User>
        rowKey="id"
        size="small"
        loading={users.isFetching}
        scroll={{ x: 'max-content' }}
        dataSource={users.data?.items ?? []}
        pagination={{
          pageSize: 50,
          hideOnSinglePage: true,
          showTotal: (total) => t('common.total', { total }),
        }}
        columns={[
          {
            key: 'username',
            title: t('users.username'),
            fixed: 'left',
            render: (_, u) => <Typography.Text code>{u.username}</Typography.Text>,
          },
          { key: 'displayName', title: t('users.displayName'), dataIndex: 'displayName' },
          { key: 'person', title: t('users.person'), render: (_, u) => personName(u.personId) },
          {
            key: 'grants',
            title: t('users.roles'),
            render: (_, u) => (
              // Capped width: a leader's long department list wraps instead of pushing the actions away.
              <Space orientation="vertical" size={2} style={{ maxWidth: 300 }}>
                {u.grants.map((g, i) => (
                  <Tag
                    key={i}
                    color={g.role === 'admin' ? 'red' : g.role === 'committee' ? 'volcano' : 'blue'}
                    style={{ whiteSpace: 'normal', marginInlineEnd: 0 }}
                  >
                    {describeGrant(g, structure.data, i18n)}
                  </Tag>
                ))}
              </Space>
            ),
          },
          {
            key: 'status',
            title: t('common.status'),
            render: (_, u) => (
              <Space size={[0, 4]} wrap>
                {u.active ? <Tag color="green">{t('common.active')}</Tag> : <Tag>{t('common.inactive')}</Tag>}
                {isLocked(u) && (
                  <Tag
                    color="orange"
                    title={t('users.lockedUntil', { time: dayjs(u.lockedUntil).format('HH:mm') })}
                  >
                    {t('users.locked')}
                  </Tag>
                )}
                {u.mustChangePassword && <Tag color="gold">{t('users.mustChange')}</Tag>}
              </Space>
            ),
          },
          {
            key: 'lastLogin',
            title: t('users.lastLogin'),
            render: (_, u) =>
              u.lastLoginAt ? dayjs(u.lastLoginAt).format('YYYY-MM-DD HH:mm') : t('users.never'),
          },
          {
            key: 'actions',
            title: t('common.actions'),
            render: (_, u) => (
              <Space size={0} wrap>
                <Button type="link" size="small" disabled={!structure.data} onClick={() => openEditor(u)}>
                  {t('common.edit')}
                </Button>
                <Button type="link" size="small" onClick={() => setResetting(u)}>
                  {t('users.resetPassword')}
                </Button>
                {isLocked(u) && (
                  <Button type="link" size="small" onClick={() => doUnlock(u)}>
                    {t('users.unlock')}
                  </Button>
                )}
                <ActiveToggle
                  active={u.active}
                  name={u.displayName}
                  onChange={(active) => update.mutateAsync({ id: u.id, patch: { active } })}
                />
              </Space>
            ),
          },
        ]}
      />
      {structure.data && (
        <UserDrawer
          key={editorKey}
          open={editing !== null}
          user={editing?.user}
          structure={structure.data}
          people={people.data?.items ?? []}
          onClose={() => setEditing(null)}
        />
      )}
      <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />
    </Card>
  );
}
