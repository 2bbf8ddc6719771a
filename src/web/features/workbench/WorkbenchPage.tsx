import { Alert, Button, Card, Col, Empty, Progress, Row, Skeleton, Space, Typography } from 'antd';
import { useNavigate, useSearchParams } from 'react-router';
import type { Workbench } from '../../../common/api/workbench';
import { useWorkbench, type WorkbenchParams } from './workbench.api';
import { useCampaigns } from '../campaigns/campaigns.api';
import { WorkbenchFilters } from './WorkbenchFilters';
import { TaskCard } from './TaskCard';
import { SubmitMonthButton, draftsOf } from './SubmitMonth';
import { RecordStatusTag } from '../records/StatusTags';
import { newRecordLink, workbenchLink } from './links';
import { useSessionUser } from '../auth/auth.api';
import { reviewsRecords } from '../../../common/policies/records';
import { useErrorText } from '../../components/useErrorText';
import { useI18n } from '../../app/i18n/useI18n';
import { InboxCard } from '../inbox/InboxCard';
import { MeetingBookDownload } from '../reports/MeetingBookDownload';

const numberParam = (value: string | null) => (value && /^\d+$/.test(value) ? Number(value) : undefined);

const newLink = (w: Workbench, kind: string) =>
  newRecordLink({ campaignId: w.campaign!.id, branchId: w.branch!.id, periodKey: w.periodKey }, kind);

/** The month's optional actions of the branch, with "新增自选动作" for its secretary. */
function OptionalActions({ workbench }: { workbench: Workbench }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  if (!workbench.optionalKindConfigured) return null;
  return (
    <Card
      size="small"
      title={t('workbench.optional')}
      extra={
        workbench.canWrite && (
          <Button size="small" onClick={() => navigate(newLink(workbench, 'optional'))}>
            + {t('workbench.addOptional')}
          </Button>
        )
      }
    >
      {workbench.optionalRecords.length === 0 ? (
        <Typography.Text type="secondary">{t('workbench.noOptional')}</Typography.Text>
      ) : (
        workbench.optionalRecords.map((r) => (
          <div
            key={r.id}
            style={{
              display: 'flex',
              gap: 8,
              alignItems: 'center',
              padding: '6px 0',
              borderBottom: '1px solid #f5f5f5',
            }}
          >
            <RecordStatusTag status={r.status} />
            <Typography.Link
              style={{ flex: 1, minWidth: 0 }}
              ellipsis
              onClick={() => navigate(`/workbench/records/${r.id}`)}
            >
              {r.title}
            </Typography.Link>
            <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
              {r.occurredOn}
            </Typography.Text>
          </div>
        ))
      )}
    </Card>
  );
}

/** 支部工作台: the month's required actions of a branch as cards, and its optional actions. */
export function WorkbenchPage() {
  const { t } = useI18n();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const params: WorkbenchParams = {
    campaignId: numberParam(search.get('campaignId')),
    branchId: numberParam(search.get('branchId')),
    periodKey: search.get('periodKey') ?? undefined,
  };
  const workbench = useWorkbench(params);
  const reviewer = reviewsRecords(useSessionUser());
  const campaigns = useCampaigns();
  const running = (campaigns.data?.items ?? []).filter((c) => c.status === 'active');
  const onChange = (next: WorkbenchParams) => navigate(workbenchLink(next), { replace: true });

  if (workbench.isPending) {
    return (
      <Card>
        <Skeleton active />
      </Card>
    );
  }
  if (workbench.isError) {
    return (
      <Alert
        type="error"
        showIcon
        title={errorText(workbench.error)}
        action={<Button onClick={() => void workbench.refetch()}>{t('common.retry')}</Button>}
      />
    );
  }
  const w = workbench.data;
  const done = w.cards.filter((c) => c.task.status === 'done' || c.task.status === 'done_late').length;

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <InboxCard />
      <Card size="small">
        <div
          style={{
            display: 'flex',
            flexWrap: 'wrap',
            gap: 12,
            alignItems: 'center',
            justifyContent: 'space-between',
          }}
        >
          <div style={{ minWidth: 0 }}>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {t('workbench.title')}
              {w.branch && <span style={{ fontWeight: 400 }}> · {w.branch.name}</span>}
            </Typography.Title>
            {w.campaign && (
              <Typography.Text type="secondary">
                {w.campaign.name}
                {w.campaign.watchwords && ` · ${w.campaign.watchwords}`}
              </Typography.Text>
            )}
          </div>
          <div style={{ display: 'flex', alignItems: 'center', gap: 16 }}>
            {w.campaign && w.branch && w.periodKey && (
              <SubmitMonthButton
                place={{ campaignId: w.campaign.id, branchId: w.branch.id, periodKey: w.periodKey }}
                drafts={draftsOf(w)}
              />
            )}
            {w.cards.length > 0 && (
              <div style={{ minWidth: 160 }}>
                <Typography.Text>{t('workbench.progress', { done, total: w.cards.length })}</Typography.Text>
                <Progress
                  percent={Math.round((done / w.cards.length) * 100)}
                  aria-label={t('workbench.progress', { done, total: w.cards.length })}
                  showInfo={false}
                  size="small"
                  strokeColor="#52c41a"
                />
              </div>
            )}
          </div>
        </div>
        {w.campaign && (
          <div style={{ marginTop: 12 }}>
            <WorkbenchFilters workbench={w} campaigns={running} onChange={onChange} />
          </div>
        )}
      </Card>
      {!w.campaign && <Empty description={t('workbench.noCampaign')} />}
      {w.campaign && !w.branch && <Empty description={t('workbench.noBranch')} />}
      {w.branch && !w.canWrite && (
        <Typography.Text type="secondary">{t('workbench.readOnly')}</Typography.Text>
      )}
      {w.branch && w.cards.length === 0 && <Empty description={t('workbench.noTasks')} />}
      {w.cards.length > 0 && (
        <Row gutter={[12, 12]} style={{ opacity: workbench.isPlaceholderData ? 0.6 : 1 }}>
          {w.cards.map((card) => (
            <Col key={card.task.id} xs={24} md={12} xl={8}>
              <TaskCard
                card={card}
                canWrite={w.canWrite}
                newRecordLink={newLink(w, card.task.kind)}
                reviewer={reviewer}
              />
            </Col>
          ))}
        </Row>
      )}
      {w.branch && <OptionalActions workbench={w} />}
      {w.campaign && w.branch && (
        <Card size="small">
          <MeetingBookDownload
            campaignId={w.campaign.id}
            branchId={w.branch.id}
            month={w.periodKey ?? undefined}
            className="workbench-book"
          />
        </Card>
      )}
    </Space>
  );
}
