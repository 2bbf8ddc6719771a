import { useI18n } from '../../app/i18n/useI18n';
import { DownloadButtons } from './DownloadButtons';

/**
 * On a study session its meeting record (会议记录), on a theme day its activity record (活动记录,
 * the document's own title), as Word or PDF.
 */
export function MeetingRecordDownload({ recordId, kind }: { recordId: number; kind: 'study' | 'theme_day' }) {
  const { t } = useI18n();
  return (
    <div style={{ marginBottom: 12 }}>
      <DownloadButtons
        path={`/documents/records/${recordId}/meeting-record`}
        label={t(kind === 'theme_day' ? 'documents.activityRecord' : 'documents.meetingRecord')}
        size="small"
        explain
      />
    </div>
  );
}
