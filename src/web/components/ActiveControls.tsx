import { useState } from 'react';
import { App, Button, Popconfirm, Space, Tag } from 'antd';
import { useErrorText } from './useErrorText';
import { useI18n } from '../app/i18n/useI18n';

export function ActiveTag({ active }: { active: boolean }) {
  const { t } = useI18n();
  return active ? <Tag color="green">{t('common.active')}</Tag> : <Tag>{t('common.inactive')}</Tag>;
}

/**
 * Nothing in the organisation is ever deleted (records refer to it); it is deactivated instead.
 * Deactivating asks first; reactivating does not.
 */
export function ActiveToggle({
  active,
  name,
  onChange,
}: {
  active: boolean;
  name: string;
  onChange: (active: boolean) => Promise<unknown>;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [busy, setBusy] = useState(false);

  const run = async (next: boolean) => {
    setBusy(true);
    try {
      await onChange(next);
      void message.success(t('common.saved'));
    } catch (error) {
      void message.error(errorText(error));
    } finally {
      setBusy(false);
    }
  };

  if (!active) {
    return (
      <Button type="link" size="small" loading={busy} onClick={() => void run(true)}>
        {t('common.reactivate')}
      </Button>
    );
  }
  return (
    <Popconfirm
      title={t('common.confirmDeactivate', { name })}
      okText={t('common.deactivate')}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger: true }}
      onConfirm={() => run(false)}
    >
      <Button type="link" size="small" danger loading={busy}>
        {t('common.deactivate')}
      </Button>
    </Popconfirm>
  );
}

/**
 * The last column of an organisation table: 编辑 and 停用 / 启用 for each row, or no column at all
 * for someone who may not edit.
 */
export function editToggleColumns<T extends { id: number; name: string; active: boolean }>(
  t: ReturnType<typeof useI18n>['t'],
  editable: boolean,
  actions: { edit: (row: T) => void; setActive: (row: T, active: boolean) => Promise<unknown> },
) {
  if (!editable) return [];
  return [
    {
      key: 'actions',
      title: t('common.actions'),
      render: (_: unknown, row: T) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => actions.edit(row)}>
            {t('common.edit')}
          </Button>
          <ActiveToggle
            active={row.active}
            name={row.name}
            onChange={(active) => actions.setActive(row, active)}
          />
        </Space>
      ),
    },
  ];
}
