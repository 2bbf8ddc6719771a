import { useMemo, useState } from 'react';
import { Alert, Card, Empty, Select, Skeleton, Space, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { actionKindLabels } from '../../../common/actions';
import { useI18n } from '../../app/i18n/useI18n';
import { branchReadScope, memberBranchIds, seesAllBranches } from '../../../common/policies/actor';
import { useErrorText } from '../../components/useErrorText';
import { useSessionUser } from '../auth/auth.api';
import { periodLabel } from '../dashboard/format';
import { campaignPeriods } from '../dashboard/useDashboardParams';
import { RecordStatusTag } from '../records/StatusTags';
import { useStructure } from '../org/org.api';
import { DownloadButtons } from './DownloadButtons';
import { useCapabilities, useMeetings } from './reports.api';
import './reports.css';
import { LedgersSection } from './LedgersSection';
import { BulletinCard } from './BulletinCard';
import { IssueDialog, type IssueTarget } from './IssueDialog';
import { IssuedList } from './IssuedList';
import { MeetingBookDownload } from './MeetingBookDownload';
import { SummaryCard } from './SummaryCard';
import { useReportCampaign } from './useReportCampaign';
import { dashboardScope } from '../../../common/policies/dashboard';
import { canIssueDocuments, canReadIssuedDocuments } from '../../../common/policies/documents';

/** The month to offer first: the latest month of the campaign that has begun. */
function latestMonth(periods: string[]): string | undefined {
  const now = new Date();
  const current = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`;
  return [...periods].reverse().find((p) => p <= current) ?? periods.at(-1);
}

/** 报表台账: every document generated from the records, with its filters. */
export function ReportsPage() {
  const { t, pick, lang } = useI18n();
  const errorText = useErrorText();
  const user = useSessionUser();
  const all = seesAllBranches(user);
  // The meeting books a reader picks among: every branch for the group, a company's for its committee.
  const readable = branchReadScope(user);
  const picksBranch = readable === 'all' || readable.length > 1;
  const { campaigns, options, campaign } = useReportCampaign();
  const caps = useCapabilities();
  const [params, setParams] = useSearchParams();
  const periods = useMemo(() => (campaign ? campaignPeriods(campaign) : []), [campaign]);
  const month = periods.includes(params.get('month') ?? '') ? params.get('month')! : latestMonth(periods);
  const [branchId, setBranchId] = useState<number | undefined>(undefined);
  const [issue, setIssue] = useState<IssueTarget | null>(null);
  const mayIssue = canIssueDocuments(user);
  // A branch's own book; the committee picks the branch in the filter below.
  const ownBranch = memberBranchIds(user)[0];
  const meetings = useMeetings({ campaignId: campaign?.id, periodKey: month, branchId });
  const structure = useStructure();
  const set = (patch: Record<string, string | null>) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(patch))
          if (v === null) next.delete(k);
          else next.set(k, v);
        return next;
      },
      { replace: true },
    );

  if (campaigns.isError) return <Alert type="error" showIcon title={errorText(campaigns.error)} />;
  if (campaigns.isPending)
    return (
      <Card>
        <Skeleton active />
      </Card>
    );
  if (!campaign)
    return (
      <Card title={t('documents.title')}>
        <Typography.Paragraph>{t('documents.noCampaign')}</Typography.Paragraph>
      </Card>
    );

  const monthOptions = periods.map((p) => ({ value: p, label: periodLabel(p, lang) }));
  const issuing = { id: campaign.id, year: campaign.year, months: periods };
  const branchNames = new Map((structure.data?.branches ?? []).map((b) => [b.id, b.name]));

  return (
    <div className="reports">
      <Card size="small">
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          {t('documents.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('documents.intro')}</Typography.Paragraph>
        <div className="reports-filters">
          <label className="reports-filter">
            <span>{t('documents.campaign')}</span>
            <Select<number>
              value={campaign.id}
              onChange={(id) => {
                setBranchId(undefined);
                set({ campaign: String(id), month: null });
              }}
              options={options.map((c) => ({ value: c.id, label: c.name }))}
              popupMatchSelectWidth={false}
              style={{ width: '100%' }}
            />
          </label>
          <label className="reports-filter">
            <span>{t('documents.month')}</span>
            <Select<string>
              value={month}
              onChange={(m) => set({ month: m })}
              options={monthOptions}
              style={{ width: '100%' }}
            />
          </label>
        </div>
        {caps.data && !caps.data.pdf && (
          <Alert
            style={{ marginTop: 12 }}
            type="info"
            showIcon
            title={t('documents.pdfUnavailable')}
            description={lang === 'zh' ? (caps.data.reason ?? '') : t('documents.pdfUnavailableText')}
          />
        )}
      </Card>

      {month && (
        <BulletinCard
          key={`${campaign.id}/${month}`}
          campaign={issuing}
          month={month}
          ownOnly={dashboardScope(user, campaign)?.view === 'own'}
          onIssue={mayIssue ? (period) => setIssue({ kind: 'bulletin', period }) : undefined}
        />
      )}

      {all && (
        <SummaryCard
          campaignId={campaign.id}
          onIssue={
            mayIssue && month
              ? () => setIssue({ kind: 'summary', period: { kind: 'month', from: month, to: month } })
              : undefined
          }
        />
      )}

      {canReadIssuedDocuments(user) && <IssuedList campaignId={campaign.id} />}
      {issue && <IssueDialog campaign={issuing} initial={issue} onClose={() => setIssue(null)} />}

      <Card title={t('documents.meetings')} size="small">
        <Typography.Paragraph type="secondary">{t('documents.meetingsText')}</Typography.Paragraph>
        {picksBranch && (
          <div className="reports-filters" style={{ marginBottom: 8 }}>
            <label className="reports-filter">
              <span>{t('documents.branch')}</span>
              <Select<number | 'all'>
                value={branchId ?? 'all'}
                onChange={(v) => setBranchId(v === 'all' ? undefined : v)}
                options={[
                  { value: 'all', label: t('documents.allBranches') },
                  ...campaign.branchIds
                    .filter((id) => readable === 'all' || readable.includes(id))
                    .map((id) => ({
                      value: id,
                      label: branchNames.get(id) ?? `#${id}`,
                    })),
                ]}
                style={{ width: '100%' }}
              />
            </label>
          </div>
        )}
        <MeetingBookDownload
          campaignId={campaign.id}
          branchId={picksBranch ? branchId : ownBranch}
          month={month}
        />
        {meetings.isPending ? (
          <Skeleton active />
        ) : meetings.isError ? (
          <Alert type="error" showIcon title={errorText(meetings.error)} />
        ) : !meetings.data.length ? (
          <Empty description={t('documents.meetingsEmpty')} />
        ) : (
          <div>
            {meetings.data.map((m) => (
              <div key={m.id} className="reports-meeting">
                <div className="reports-meeting-title">
                  <Link to={`/workbench/records/${m.id}`}>{m.title}</Link>
                  <div style={{ color: 'rgba(0,0,0,0.55)', fontSize: 12 }}>
                    <Space wrap size={[8, 0]}>
                      <span>{pick(actionKindLabels[m.kind])}</span>
                      <span>{m.branchName}</span>
                      <span>{m.occurredOn}</span>
                      <RecordStatusTag status={m.status} />
                    </Space>
                  </div>
                </div>
                <DownloadButtons path={`/documents/records/${m.id}/meeting-record`} size="small" />
              </div>
            ))}
          </div>
        )}
      </Card>

      <LedgersSection />
    </div>
  );
}
