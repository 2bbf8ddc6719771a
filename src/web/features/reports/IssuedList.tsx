import { Alert, Card, Empty, Skeleton, Space, Tag, Typography } from 'antd';
import { docPeriodLabel } from '../../../common/document-periods';
import { useI18n } from '../../app/i18n/useI18n';
import { useErrorText } from '../../components/useErrorText';
import { DownloadButtons } from './DownloadButtons';
import { useIssuedDocuments } from './reports.api';

/**
 * The campaign's issued documents (已印发), the latest first: what was sent, as it was sent. The
 * download is the stored file, never a new rendering.
 */
export function IssuedList({ campaignId, extra }: { campaignId: number; extra?: React.ReactNode }) {
  const { t, lang } = useI18n();
  const errorText = useErrorText();
  const issued = useIssuedDocuments(campaignId);
  return (
    <Card title={t('issued.title')} size="small" extra={extra}>
      <Typography.Paragraph type="secondary">{t('issued.listText')}</Typography.Paragraph>
      {issued.isPending ? (
        <Skeleton active />
      ) : issued.isError ? (
        <Alert type="error" showIcon title={errorText(issued.error)} />
      ) : !issued.data.items.length ? (
        <Empty description={t('issued.empty')} />
      ) : (
        <div>
          {issued.data.items.map((d) => (
            <div key={d.id} className="reports-issued">
              <div className="reports-meeting-title">
                <Space wrap size={[8, 0]}>
                  <Tag color={d.kind === 'bulletin' ? 'blue' : 'gold'}>{t(`issued.kind.${d.kind}`)}</Tag>
                  <Typography.Text strong>{d.issueNumber}</Typography.Text>
                  {d.docNumber && <Typography.Text>{d.docNumber}</Typography.Text>}
                </Space>
                <div>{d.title}</div>
                <div style={{ color: 'rgba(0,0,0,0.55)', fontSize: 12 }}>
                  <Space wrap size={[8, 0]}>
                    {d.kind === 'bulletin' && <span>{docPeriodLabel(d.period, lang)}</span>}
                    <span>{t('issued.issuedOnValue', { date: d.issuedOn })}</span>
                    <span>{d.issuer}</span>
                    <span>{t('issued.issuedBy', { name: d.issuedByName })}</span>
                  </Space>
                </div>
              </div>
              <DownloadButtons path={`/documents/issued/${d.id}/file`} size="small" />
            </div>
          ))}
        </div>
      )}
    </Card>
  );
}
