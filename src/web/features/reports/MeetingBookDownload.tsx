import { Space, Typography } from 'antd';
import { useI18n } from '../../app/i18n/useI18n';
import { DownloadButtons } from './DownloadButtons';

/**
 * A branch's meeting record book (会议记录本): its meetings of the month, or of the whole campaign
 * year, bound in one file with a contents page, as the secretary files it.
 */
export function MeetingBookDownload({
  campaignId,
  branchId,
  month,
}: {
  campaignId: number;
  /** Undefined while the committee has not picked a branch: the book is one branch's. */
  branchId: number | undefined;
  month: string | undefined;
}) {
  const { t } = useI18n();
  return (
    <div className="reports-book">
      <Typography.Text strong>{t('documents.book')}</Typography.Text>
      <Typography.Paragraph type="secondary" style={{ margin: '2px 0 8px' }}>
        {branchId ? t('documents.bookText') : t('documents.bookPickBranch')}
      </Typography.Paragraph>
      {branchId && (
        <Space wrap size={[16, 8]}>
          {month && (
            <DownloadButtons
              path="/documents/meeting-book"
              query={{ campaignId, branchId, periodKey: month }}
              label={t('documents.bookMonth')}
              size="small"
            />
          )}
          <DownloadButtons
            path="/documents/meeting-book"
            query={{ campaignId, branchId }}
            label={t('documents.bookYear')}
            size="small"
          />
        </Space>
      )}
    </div>
  );
}
