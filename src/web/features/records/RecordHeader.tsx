import { Space, Tag, Typography } from 'antd';
import { actionKindLabels } from '../../../common/actions';
import type { RecordDetail } from '../../../common/api/records';
import { RecordStatusTag } from './StatusTags';
import { periodLabel } from './labels';
import { useI18n } from '../../app/i18n/useI18n';

/** Title, kind, status and the facts a reviewer checks first: branch, date, month, due date. */
export function RecordHeader({ record }: { record: RecordDetail }) {
  const { t, pick, lang } = useI18n();
  return (
    <div style={{ marginBottom: 12 }}>
      <Space wrap size={[8, 4]} style={{ marginBottom: 4 }}>
        <Tag color="red" style={{ marginInlineEnd: 0 }}>
          {pick(actionKindLabels[record.kind])}
        </Tag>
        <RecordStatusTag status={record.status} />
        {record.submittedLate && <Tag color="error">{t('records.lateSubmit')}</Tag>}
        {/* A revision's draft may be with its leader: 草稿 alone would hide where it is. */}
        {record.status === 'draft' && record.leaderStatus === 'pending' && (
          <Tag color="processing">{t('records.leaderPending')}</Tag>
        )}
        {record.status === 'draft' && record.leaderStatus === 'returned' && (
          <Tag color="warning">{t('records.leaderReturned')}</Tag>
        )}
      </Space>
      <Typography.Title level={4} style={{ margin: '4px 0' }}>
        {record.title}
      </Typography.Title>
      <Space wrap size={[16, 0]} style={{ color: 'rgba(0,0,0,0.55)' }}>
        <span>{record.branchName}</span>
        <span>
          {t('field.occurredOn')} {record.occurredOn}
        </span>
        {record.periodKey && (
          <span>{t('records.periodOf', { period: periodLabel(record.periodKey, lang) })}</span>
        )}
        {record.dueDate && <span>{t('records.dueDate', { date: record.dueDate })}</span>}
        {record.createdBy && (
          <span>
            {t('records.createdBy')} {record.createdBy}
          </span>
        )}
      </Space>
    </div>
  );
}
