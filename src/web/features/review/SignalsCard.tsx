import { useState } from 'react';
import { App, Button, Card, Input, Space, Tag, Typography } from 'antd';
import type { IntegritySignal } from '../../../common/api/signals';
import { useI18n } from '../../app/i18n/useI18n';
import { useErrorText } from '../../components/useErrorText';
import { useMarkSignal, useSignals } from './signals.api';
import { SignalEvidence } from './SignalEvidence';

const statusColor = { open: 'orange', verified: 'green', doubtful: 'red' } as const;

/** The record's integrity signals with their evidence, each marked 已核实 or 存疑 in place. */
export function SignalsCard({ recordId }: { recordId: number }) {
  const { t } = useI18n();
  const signals = useSignals(recordId, true);
  const items = signals.data?.items ?? [];
  if (signals.isPending || signals.isError) return null;
  return (
    <Card
      size="small"
      title={`${t('signals.title')}${items.length ? `(${items.length})` : ''}`}
      style={{ marginBottom: 12 }}
    >
      {items.length === 0 ? (
        <Typography.Text type="secondary">{t('signals.none')}</Typography.Text>
      ) : (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Text type="secondary">{t('signals.hint')}</Typography.Text>
          {items.map((s) => (
            <SignalRow key={s.id} signal={s} recordId={recordId} />
          ))}
        </Space>
      )}
    </Card>
  );
}

function SignalRow({ signal, recordId }: { signal: IntegritySignal; recordId: number }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const mark = useMarkSignal(recordId);
  const [note, setNote] = useState(signal.note ?? '');
  const send = (status: 'verified' | 'doubtful') =>
    mark.mutate({ id: signal.id, status, note }, { onError: (err) => void message.error(errorText(err)) });
  return (
    <div style={{ borderTop: '1px solid #f0f0f0', paddingTop: 8 }}>
      <Space wrap>
        <Tag color="volcano">{t(`signals.kind.${signal.kind}`)}</Tag>
        <Tag color={statusColor[signal.status]}>{t(`signals.status.${signal.status}`)}</Tag>
      </Space>
      <div style={{ marginTop: 4 }}>
        {signal.otherElsewhere ? t('signals.elsewhere') : <SignalDetails signal={signal} />}
      </div>
      <Space.Compact style={{ width: '100%', marginTop: 6 }}>
        <Input
          size="small"
          value={note}
          maxLength={500}
          placeholder={t('signals.notePlaceholder')}
          onChange={(ev) => setNote(ev.target.value)}
        />
        <Button size="small" loading={mark.isPending} onClick={() => send('verified')}>
          {t('signals.verify')}
        </Button>
        <Button size="small" danger loading={mark.isPending} onClick={() => send('doubtful')}>
          {t('signals.doubt')}
        </Button>
      </Space.Compact>
    </div>
  );
}

/** What the signal found: the files, passages or times, and the other record they are in. */
function SignalDetails({ signal }: { signal: IntegritySignal }) {
  const { t } = useI18n();
  const e = signal.evidence as Record<string, string | number | boolean>;
  const o = signal.other;
  const about = {
    branch: o?.branchName ?? '',
    title: o?.title ?? '',
    month: o?.periodKey ?? o?.occurredOn ?? '',
  };
  return (
    <>
      {(signal.kind === 'same_photo' || signal.kind === 'same_file') &&
        t('signals.photo', {
          ...about,
          name: String(e.name),
          otherName: String(e.otherName),
          how: e.sameBytes ? t('signals.sameBytes') : t('signals.distance', { distance: Number(e.distance) }),
        })}
      {signal.kind === 'similar_text' && (
        <>
          {t('signals.text', { ...about, similarity: Number(e.similarity).toFixed(2) })}
          <blockquote style={{ margin: '4px 0', color: '#555' }}>
            {t('signals.thisPassage')}:{String(e.passage)}
            <br />
            {t('signals.otherPassage')}:{String(e.otherPassage)}
          </blockquote>
        </>
      )}
      {signal.kind === 'late_entry' &&
        t('signals.late', {
          occurredOn: String(e.occurredOn),
          createdOn: String(e.createdAt).slice(0, 10),
          days: Number(e.days),
        })}
      <SignalEvidence signal={signal} />
    </>
  );
}
