import { useState } from 'react';
import { Alert, Collapse, Tag, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import type { RecordDetail } from '../../../common/api/records';
import { useRecordHistory } from './records.api';
import { effectFigureText } from '../fusion/effectFigures';
import type { MessageKey } from '../../app/i18n/types';
import { useI18n } from '../../app/i18n/useI18n';

const at = (iso: string) => dayjs(iso).format('YYYY-MM-DD HH:mm');

/** The committee's reason for a return, shown above everything while the record is returned. */
export function ReturnedNotice({ record }: { record: RecordDetail }) {
  const { t } = useI18n();
  const last = record.reviews.filter((r) => r.decision === 'returned').at(-1);
  if (record.status !== 'returned' || !last) return null;
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="returned-notice"
      style={{ marginBottom: 12 }}
      title={t('records.returnedBy', { reviewer: last.reviewer, at: at(last.at) })}
      description={
        <>
          <div style={{ whiteSpace: 'pre-wrap', fontSize: 15, fontWeight: 500 }}>{last.comment}</div>
          <Typography.Text type="secondary">{t('records.returnedHint')}</Typography.Text>
        </>
      }
    />
  );
}

/** Every approval and return, oldest first, with the comment and a grade with the effect it cited. */
export function ReviewTrail({ record }: { record: RecordDetail }) {
  const { t, pick } = useI18n();
  if (!record.reviews.length) return <Typography.Text type="secondary">{t('reviews.none')}</Typography.Text>;
  return (
    <Timeline
      items={record.reviews.map((r, i) => ({
        key: i,
        color: r.decision === 'approved' ? 'green' : 'orange',
        content: (
          <div>
            <Tag color={r.decision === 'approved' ? 'success' : 'warning'}>
              {t(r.decision === 'approved' ? 'reviews.approved' : 'reviews.returned')}
            </Tag>
            <Typography.Text type="secondary">
              {r.reviewer} · {at(r.at)}
            </Typography.Text>
            {r.comment && <div style={{ whiteSpace: 'pre-wrap', marginTop: 4 }}>{r.comment}</div>}
            {r.quality && (
              <div style={{ marginTop: 4 }} data-testid="review-grade">
                <Tag color="gold">{t('reviews.graded', { grade: t(`review.grade.${r.quality}`) })}</Tag>
                {r.gradeBasis && (
                  <div style={{ overflowWrap: 'anywhere' }}>
                    <Typography.Text type="secondary">{t('reviews.basis')}:</Typography.Text>
                    {r.gradeBasis.figures
                      .map((f) => effectFigureText(r.gradeBasis!.effect, f, t, pick))
                      .filter(Boolean)
                      .join(';')}
                    {r.gradeBasis.note && <div style={{ whiteSpace: 'pre-wrap' }}>{r.gradeBasis.note}</div>}
                  </div>
                )}
              </div>
            )}
          </div>
        ),
      }))}
    />
  );
}

const changeKeys: Record<string, MessageKey> = {
  create: 'history.change.create',
  update: 'history.change.update',
  submit: 'history.change.submit',
  resubmit: 'history.change.resubmit',
  approved: 'history.change.approved',
  returned: 'history.change.returned',
};

/** Versions of the record (who changed it when), loaded when opened. */
export function RecordHistory({ recordId }: { recordId: number }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const history = useRecordHistory(recordId, open);
  return (
    <Collapse
      size="small"
      onChange={(keys) => setOpen(keys.length > 0)}
      items={[
        {
          key: 'history',
          label: t('history.title'),
          children: history.isPending ? (
            <Typography.Text type="secondary">{t('common.loading')}</Typography.Text>
          ) : (
            <Timeline
              items={(history.data?.items ?? []).map((h) => ({
                key: h.version,
                content: (
                  <span>
                    {t('history.version', { version: h.version })} ·{' '}
                    {changeKeys[h.change] ? t(changeKeys[h.change]!) : h.change}{' '}
                    <Typography.Text type="secondary">
                      {h.by ?? ''} · {at(h.at)}
                    </Typography.Text>
                  </span>
                ),
              }))}
            />
          ),
        },
      ]}
    />
  );
}
