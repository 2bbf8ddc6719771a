import { useState } from 'react';
import { Alert, App, Button, Card, Popconfirm, Result, Skeleton, Space, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import type { ApproveManyResult, BranchMonth } from '../../../common/api/review';
import { periodLabel } from '../records/labels';
import { MonthRecordCard } from './MonthRecordCard';
import { useApproveMany, useBranchMonth } from './review.api';
import { useErrorText } from '../../components/useErrorText';
import { useI18n } from '../../app/i18n/useI18n';

/** Records the reviewer may approve now: waiting, and not their own work. */
const approvable = (month: BranchMonth) =>
  month.records.filter((r) => r.status === 'submitted' && r.can.review);

/**
 * /review/month/:branchId/:periodKey — a branch's month side by side: each record with its
 * checklist, evidence and last month's counterpart; 全部通过 approves what waits in one go, a
 * record's own buttons return it with a reason. The page stays on the month after each action.
 */
export function BranchMonthPage() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const client = useQueryClient();
  const params = useParams();
  const branchId = /^\d+$/.test(params.branchId ?? '') ? Number(params.branchId) : 0;
  const periodKey = params.periodKey ?? '';
  const month = useBranchMonth(branchId, periodKey);
  const approveMany = useApproveMany();
  const [failed, setFailed] = useState<ApproveManyResult['items']>([]);
  const refresh = () => void client.invalidateQueries({ queryKey: ['records'] });

  if (month.isPending) {
    return (
      <Card>
        <Skeleton active />
      </Card>
    );
  }
  if (month.isError) {
    return (
      <Result
        status="warning"
        title={t('records.notFound')}
        subTitle={errorText(month.error)}
        extra={<Button onClick={() => void month.refetch()}>{t('common.retry')}</Button>}
      />
    );
  }
  const data = month.data;
  const ready = approvable(data);
  const titleOf = (id: number) => data.records.find((r) => r.id === id)?.title ?? String(id);

  const approveAll = async () => {
    try {
      const result = await approveMany.mutateAsync({
        items: ready.map((r) => ({ id: r.id, version: r.version })),
      });
      const ok = result.items.filter((i) => i.ok).length;
      setFailed(result.items.filter((i) => !i.ok));
      void message.success(t('review.month.approvedCount', { count: ok }));
    } catch (error) {
      void message.error(errorText(error));
    }
  };

  return (
    <>
      <div style={{ marginBottom: 12 }}>
        <Link to="/review">← {t('review.backToQueue')}</Link>
      </div>
      <Card
        size="small"
        style={{ marginBottom: 12 }}
        title={
          <span style={{ whiteSpace: 'normal' }}>
            {data.branchName} · {periodLabel(data.periodKey, lang)}
          </span>
        }
      >
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12, alignItems: 'center' }}>
          <Typography.Text>
            {t('review.month.summary', { total: data.records.length, waiting: ready.length })}
          </Typography.Text>
          <Popconfirm
            title={t('review.month.confirmAll', { count: ready.length })}
            okText={t('review.approve')}
            cancelText={t('common.cancel')}
            onConfirm={approveAll}
            disabled={!ready.length}
          >
            <Button type="primary" disabled={!ready.length} loading={approveMany.isPending}>
              {t('review.month.approveAll', { count: ready.length })}
            </Button>
          </Popconfirm>
        </div>
        {data.previousPeriodKey && (
          <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
            {t('review.month.previousSummary', {
              month: periodLabel(data.previousPeriodKey, lang),
              count: data.previous.length,
            })}
          </Typography.Paragraph>
        )}
        {failed.length > 0 && (
          <Alert
            type="warning"
            showIcon
            style={{ marginTop: 12 }}
            title={t('review.month.notApproved')}
            description={
              <Space orientation="vertical" size={2}>
                {failed.map((f) => (
                  <span key={f.id}>
                    {titleOf(f.id)}:{lang === 'zh' ? f.message : f.messageEn}
                  </span>
                ))}
              </Space>
            }
          />
        )}
      </Card>
      {data.records.length ? (
        <div
          style={{
            display: 'grid',
            gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 300px), 1fr))',
            gap: 12,
            alignItems: 'start',
          }}
        >
          {data.records.map((r) => (
            <MonthRecordCard
              key={r.id}
              record={r}
              previous={data.previous.filter((p) => p.kind === r.kind)}
              onDone={refresh}
            />
          ))}
        </div>
      ) : (
        <Card>
          <Typography.Text type="secondary">{t('review.month.empty')}</Typography.Text>
        </Card>
      )}
    </>
  );
}
