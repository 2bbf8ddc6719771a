import { Alert, Card, DatePicker, Segmented, Select, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { Link, useLocation, useSearchParams } from 'react-router';
import { actionKindLabels, actionKinds, type ActionKind, type RecordStatus } from '../../../common/actions';
import type { RecordSummary } from '../../../common/api/records';
import { useRecords } from '../records/records.api';
import { useStructure } from '../org/org.api';
import { periodLabel } from '../records/labels';
import { RecordStatusTag } from '../records/StatusTags';
import { useSessionUser } from '../auth/auth.api';
import { canReview, recordScope, reviewsRecords } from '../../../common/policies/records';
import { useErrorText } from '../../components/useErrorText';
import { useI18n } from '../../app/i18n/useI18n';
import { InboxCard } from '../inbox/InboxCard';
import { ReviewGroups } from './ReviewGroups';
import { useSignalCounts } from './signals.api';
import { LeaderQueue } from '../revisions/LeaderQueue';
import { reviewsOnlyRevisions } from '../../../common/policies/revisions';

const PAGE_SIZE = 20;
const statuses: RecordStatus[] = ['submitted', 'returned', 'approved'];
const numberParam = (value: string | null) => (value && /^\d+$/.test(value) ? Number(value) : undefined);

/** 审核: the queue of submitted records (oldest first), filterable by branch, action and month. */
export function ReviewPage() {
  const { t, pick, lang } = useI18n();
  const errorText = useErrorText();
  const structure = useStructure();
  const user = useSessionUser();
  const reviewer = reviewsRecords(user);
  // The branches to filter by: every one for the group, a company's committee its own.
  const readable = recordScope(user);
  const [search, setSearch] = useSearchParams();
  // A record opened from here comes back to the queue as filtered.
  const from = { from: useLocation().pathname + (search.size ? `?${search}` : '') };
  const status = (statuses.find((s) => s === search.get('status')) ?? 'submitted') as RecordStatus;
  const kindParam = search.get('kind');
  const filter = {
    status,
    branchId: numberParam(search.get('branchId')),
    kind: actionKinds.find((k) => k === kindParam),
    periodKey: search.get('periodKey') ?? undefined,
    limit: PAGE_SIZE,
    offset: numberParam(search.get('offset')) ?? 0,
  };
  const records = useRecords(filter);
  const signalCounts = useSignalCounts(
    (records.data?.items ?? []).map((r) => r.id),
    reviewer,
  );
  const change = (patch: Record<string, string | number | undefined>) => {
    const next = new URLSearchParams(search);
    for (const [key, value] of Object.entries({ ...patch, offset: patch.offset ?? undefined })) {
      if (value === undefined || value === '') next.delete(key);
      else next.set(key, String(value));
    }
    setSearch(next, { replace: true });
  };
  const statusLabel: Record<string, string> = {
    submitted: t('review.queue'),
    returned: t('review.returnedList'),
    approved: t('review.approvedList'),
  };

  // A leader in charge reviews revisions, not the committee's queue: theirs is what waits here.
  if (reviewsOnlyRevisions(user)) return <LeaderQueue />;
  return (
    <>
      <InboxCard style={{ marginBottom: 16 }} />
      <ReviewGroups enabled={reviewer} />
      <Card title={t('review.title')}>
        <Typography.Paragraph type="secondary">{t('review.intro')}</Typography.Paragraph>
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, marginBottom: 12 }}>
          <Segmented<RecordStatus>
            value={status}
            onChange={(s) => change({ status: s === 'submitted' ? undefined : s })}
            options={statuses.map((s) => ({ value: s, label: statusLabel[s] }))}
          />
          <Select<number>
            allowClear
            aria-label={t('records.branch')}
            placeholder={t('review.allBranches')}
            style={{ width: 180, maxWidth: '100%' }}
            value={filter.branchId}
            onChange={(branchId) => change({ branchId })}
            options={(structure.data?.branches ?? [])
              .filter((b) => b.active && (readable?.all || readable?.branchIds.includes(b.id)))
              .map((b) => ({ value: b.id, label: b.name }))}
          />
          <Select<ActionKind>
            allowClear
            aria-label={t('records.kind')}
            placeholder={t('review.allKinds')}
            style={{ width: 150 }}
            value={filter.kind}
            onChange={(kind) => change({ kind })}
            options={actionKinds.map((k) => ({ value: k, label: pick(actionKindLabels[k]) }))}
          />
          <DatePicker
            picker="month"
            aria-label={t('review.month')}
            placeholder={t('review.allMonths')}
            style={{ width: 150 }}
            value={filter.periodKey ? dayjs(`${filter.periodKey}-01`) : null}
            onChange={(d) => change({ periodKey: d ? d.format('YYYY-MM') : undefined })}
          />
        </div>
        {records.isError && (
          <Alert type="error" showIcon title={errorText(records.error)} style={{ marginBottom: 12 }} />
        )}
        <Table<RecordSummary>
          rowKey="id"
          size="small"
          loading={records.isFetching}
          scroll={{ x: 'max-content' }}
          dataSource={records.data?.items ?? []}
          locale={{ emptyText: status === 'submitted' ? t('review.empty') : undefined }}
          pagination={{
            current: filter.offset / PAGE_SIZE + 1,
            pageSize: PAGE_SIZE,
            total: records.data?.total ?? 0,
            showSizeChanger: false,
            showTotal: (total) => t('common.total', { total }),
            onChange: (page) => change({ offset: (page - 1) * PAGE_SIZE }),
          }}
          columns={[
            {
              key: 'title',
              title: t('field.title'),
              render: (_, r) => (
                <Link
                  to={`/review/${r.id}`}
                  state={from}
                  style={{ display: 'inline-block', maxWidth: 320, whiteSpace: 'normal' }}
                >
                  {r.title}
                </Link>
              ),
            },
            { key: 'branch', title: t('records.branch'), dataIndex: 'branchName' },
            { key: 'kind', title: t('records.kind'), render: (_, r) => pick(actionKindLabels[r.kind]) },
            { key: 'occurredOn', title: t('review.occurredOn'), dataIndex: 'occurredOn' },
            {
              key: 'month',
              title: t('review.month'),
              render: (_, r) => (r.periodKey ? periodLabel(r.periodKey, lang) : ''),
            },
            {
              key: 'submittedAt',
              title: t('review.submittedAt'),
              render: (_, r) => (
                <span style={{ whiteSpace: 'nowrap' }}>
                  {r.submittedAt ? dayjs(r.submittedAt).format('YYYY-MM-DD HH:mm') : ''}
                  {r.submittedLate && (
                    <Tag color="error" style={{ marginInlineStart: 6 }}>
                      {t('records.lateSubmit')}
                    </Tag>
                  )}
                </span>
              ),
            },
            {
              key: 'status',
              title: t('records.status'),
              render: (_, r) => <RecordStatusTag status={r.status} />,
            },
            ...(reviewer
              ? [
                  {
                    key: 'signals',
                    title: t('signals.title'),
                    render: (_: unknown, r: RecordSummary) => {
                      const n = signalCounts.data?.get(r.id);
                      return n ? <Tag color="warning">{t('signals.queueTag', { n })}</Tag> : null;
                    },
                  },
                ]
              : []),
            {
              key: 'open',
              title: t('common.actions'),
              render: (_, r) => (
                <Link to={`/review/${r.id}`} state={from}>
                  {r.status === 'submitted' && canReview(user, r.branchId)
                    ? t('review.open')
                    : t('review.view')}
                </Link>
              ),
            },
          ]}
        />
      </Card>
    </>
  );
}
