import { useState } from 'react';
import { Checkbox, Space, Typography } from 'antd';
import { useI18n } from '../../app/i18n/useI18n';
import { DownloadButtons } from './DownloadButtons';

/**
 * A branch's meeting record book (会议记录本): its meetings of the month, or of the whole campaign
 * year, bound in one file with a contents page, as the secretary files it. Approved records only
 * unless asked for the others, which the book then marks.
 */
export function MeetingBookDownload({
  campaignId,
  branchId,
  month,
  className = 'reports-book',
}: {
  campaignId: number;
  /** Undefined while the committee has not picked a branch: the book is one branch's. */
  branchId: number | undefined;
  month: string | undefined;
  /** The reports page rules it off from the meetings below; a card of its own needs no rule. */
  className?: string;
}) {
  const { t } = useI18n();
  const [unapproved, setUnapproved] = useState(false);
  const includeUnapproved = unapproved ? 'true' : undefined;
  return (
    <div className={className}>
      <Typography.Text strong>{t('documents.book')}</Typography.Text>
      <Typography.Paragraph type="secondary" style={{ margin: '2px 0 8px' }}>
        {branchId ? t('documents.bookText') : t('documents.bookPickBranch')}
      </Typography.Paragraph>
      {branchId && (
        <Space orientation="vertical" size={8}>
          <Space wrap size={[16, 8]}>
            {month && (
              <DownloadButtons
                path="/documents/meeting-book"
                query={{ campaignId, branchId, periodKey: month, includeUnapproved }}
                label={t('documents.bookMonth')}
                size="small"
              />
            )}
            <DownloadButtons
              path="/documents/meeting-book"
              query={{ campaignId, branchId, includeUnapproved }}
              label={t('documents.bookYear')}
              size="small"
            />
          </Space>
          <Checkbox checked={unapproved} onChange={(e) => setUnapproved(e.target.checked)}>
            {t('documents.bookUnapproved')}
          </Checkbox>
        </Space>
      )}
    </div>
  );
}
