import { useI18n } from '../../app/i18n/useI18n';
import { DownloadButtons } from './DownloadButtons';

/** On a study session or theme day: its meeting record (会议记录) as Word or PDF. */
export function MeetingRecordDownload({ recordId }: { recordId: number }) {
  const { t } = useI18n();
  return (
    <div style={{ marginBottom: 12 }}>
      <DownloadButtons
        path={`/documents/records/${recordId}/meeting-record`}
        label={t('documents.meetingRecord')}
        size="small"
        explain
      />
    </div>
  );
}
