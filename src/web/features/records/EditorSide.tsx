import type { ReactNode } from 'react';
import { Alert, Button, Card, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import type { RecordDetail } from '../../../common/api/records';
import type { ChecklistEntry } from '../../../common/checklist';
import type { useRecordSave } from './useRecordSave';
import { ChecklistView } from './ChecklistView';
import { asTodo } from './labels';
import { RecordHistory, ReviewTrail } from './ReviewTrail';
import { useI18n } from '../../app/i18n/useI18n';

type Saver = ReturnType<typeof useRecordSave>;

/** Conflict and "still missing" notices, then the save and submit buttons. */
export function EditorActions({
  record,
  saver,
  checklist,
}: {
  record?: RecordDetail;
  saver: Saver;
  checklist: ChecklistEntry[];
}) {
  const { t, lang } = useI18n();
  return (
    <Space orientation="vertical" size={8} style={{ width: '100%' }}>
      {saver.conflict && (
        <Alert
          type="error"
          showIcon
          data-testid="conflict-alert"
          title={saver.conflict}
          description={
            <Space wrap size={8} style={{ marginTop: 4 }}>
              <span>{t('records.conflict')}</span>
              <Button size="small" type="primary" onClick={() => void saver.keepMine()}>
                {t('records.conflictKeepMine')}
              </Button>
              <Button size="small" onClick={() => void saver.loadTheirs()}>
                {t('records.conflictLoadTheirs')}
              </Button>
            </Space>
          }
        />
      )}
      {saver.incomplete.length > 0 && (
        <Alert
          type="error"
          showIcon
          closable={{ onClose: saver.dismissIncomplete }}
          title={t('records.incomplete')}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {saver.incomplete.map((m) => (
                <li key={m.key}>
                  {lang === 'zh'
                    ? asTodo(m.label)
                    : (checklist.find((i) => i.key === m.key)?.labelEn ?? m.label)}
                </li>
              ))}
            </ul>
          }
        />
      )}
      <div style={{ display: 'flex', gap: 8 }}>
        <Button block loading={saver.busy} onClick={() => void saver.save()}>
          {t('records.saveDraft')}
        </Button>
        <Button block type="primary" loading={saver.busy} onClick={() => void saver.submit()}>
          {record?.status === 'returned' ? t('records.resubmit') : t('records.submit')}
        </Button>
      </div>
      {saver.autoSavedAt && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="autosaved">
          {t('records.autoSaved', { time: dayjs(saver.autoSavedAt).format('HH:mm') })}
        </Typography.Text>
      )}
    </Space>
  );
}

interface Props {
  checklist: ChecklistEntry[];
  record?: RecordDetail;
  saver: Saver;
  /** Desktop: one sticky card with the actions on top. Phone: the page puts the actions in a bottom bar. */
  sticky: boolean;
  /** A kind's own lifecycle (a revision's), under the checklist. */
  extra?: ReactNode;
}

/** The side of the entry form: live checklist, actions, and the record's review trail. */
export function EditorSide({ checklist, record, saver, sticky, extra }: Props) {
  const { t } = useI18n();
  return (
    <Space
      orientation="vertical"
      size={16}
      style={{ width: '100%', ...(sticky ? { position: 'sticky', top: 16 } : {}) }}
    >
      <Card title={t('checklist.title')} size="small">
        {sticky && (
          <div style={{ marginBottom: 12 }}>
            <EditorActions record={record} saver={saver} checklist={checklist} />
          </div>
        )}
        <ChecklistView items={checklist} live />
      </Card>
      {extra}
      {record && record.reviews.length > 0 && (
        <Card title={t('reviews.title')} size="small">
          <ReviewTrail record={record} />
        </Card>
      )}
      {record && <RecordHistory recordId={record.id} />}
    </Space>
  );
}
