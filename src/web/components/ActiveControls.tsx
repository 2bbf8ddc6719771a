import { useState } from 'react';
import { App, Button, Popconfirm, Tag } from 'antd';
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
