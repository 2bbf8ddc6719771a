import { useState } from 'react';
import { Alert, App, Button, Card, Input, Space, Typography } from 'antd';
import { Link } from 'react-router';
import type { RecordDetail } from '../../../common/api/records';
import { useMarkExemplary } from './cases.api';
import { useSessionUser } from '../auth/auth.api';
import { canMarkExemplary } from '../../../common/policies/cases';
import { useErrorText } from '../../components/useErrorText';
import { useI18n } from '../../app/i18n/useI18n';

/**
 * On an approved optional action: the committee marks it an exemplary case (with a note every
 * branch reads) or takes the mark off; others see that it is one.
 */
export function ExemplaryControl({ record }: { record: RecordDetail }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const user = useSessionUser();
  const mark = useMarkExemplary();
  const [note, setNote] = useState('');
  const committee = canMarkExemplary(user, record.branchId);
  if (record.kind !== 'optional' || record.status !== 'approved') return null;
  if (!committee && !record.exemplary) return null;

  const run = (exemplary: boolean) =>
    mark.mutate(
      { recordId: record.id, exemplary, note: exemplary ? note.trim() || undefined : undefined },
      {
        onSuccess: () => void message.success(t('cases.done')),
        onError: (e) => void message.error(errorText(e)),
      },
    );

  return (
    <Card size="small" title={t('cases.title')} data-testid="exemplary-control">
      {record.exemplary ? (
        <Space orientation="vertical" size={8} style={{ width: '100%' }}>
          <Alert
            type="success"
            showIcon
            title={t('cases.marked')}
            description={record.exemplaryNote ?? undefined}
          />
          <Space wrap>
            <Link to="/cases">{t('cases.viewAll')}</Link>
            {committee && (
              <Button size="small" loading={mark.isPending} onClick={() => run(false)}>
                {t('cases.unmark')}
              </Button>
            )}
          </Space>
        </Space>
      ) : (
        <Space orientation="vertical" size={8} style={{ width: '100%' }}>
          <Typography.Text type="secondary">{t('cases.markNote')}</Typography.Text>
          <Input.TextArea
            aria-label={t('cases.markNote')}
            autoSize={{ minRows: 2, maxRows: 6 }}
            maxLength={500}
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
          <Button type="primary" block loading={mark.isPending} onClick={() => run(true)}>
            {t('cases.mark')}
          </Button>
        </Space>
      )}
    </Card>
  );
}
