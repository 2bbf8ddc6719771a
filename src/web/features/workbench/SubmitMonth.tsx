import { useState, type CSSProperties } from 'react';
import { App, Button, Modal, Tag, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { actionKindLabels } from '../../../common/actions';
import type { SubmitMonthResult } from '../../../common/api/submit-month';
import type { Workbench } from '../../../common/api/workbench';
import { useSubmitMonth, type MonthPlace } from './workbench.api';
import { useErrorText } from '../../components/useErrorText';
import { useI18n } from '../../app/i18n/useI18n';

type Item = SubmitMonthResult['items'][number];

/**
 * The month's drafts the user may hand in (their actions' and the optional ones); a revision with
 * its leader is not one of them: the leader's approval sends it on.
 */
export const draftsOf = (w: Workbench): number =>
  w.canWrite
    ? [...w.cards.map((c) => c.record), ...w.optionalRecords].filter(
        (r) => r?.status === 'draft' && r.leaderStatus !== 'pending',
      ).length
    : 0;

const outcomeColor: Record<Item['outcome'], string> = {
  submitted: 'green',
  waiting_leader: 'blue',
  refused: 'orange',
};

/** The answer, record by record: what went in, what waits for the leader, what still lacks what. */
function Results({ items, open }: { items: Item[]; open: (id: number) => void }) {
  const { t, pick } = useI18n();
  return (
    <ul style={{ listStyle: 'none', padding: 0, margin: 0 }} data-testid="submit-month-results">
      {items.map((item) => (
        <li key={item.id} style={{ padding: '8px 0', borderBottom: '1px solid #f0f0f0' }}>
          <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 6 }}>
            <Tag color={outcomeColor[item.outcome]} style={{ marginInlineEnd: 0 }}>
              {t(`month.outcome.${item.outcome}`)}
            </Tag>
            <Typography.Text strong>{pick(actionKindLabels[item.kind])}</Typography.Text>
            <Typography.Text ellipsis style={{ flex: '1 1 120px', minWidth: 0 }}>
              {item.title}
            </Typography.Text>
          </div>
          {item.outcome === 'refused' && (
            <div style={{ marginTop: 4 }}>
              <Typography.Text type="secondary">
                {item.missing.length
                  ? `${t('month.missing')}${item.missing.map((m) => m.label.replace(/^已/, '')).join(';')}`
                  : pick({ zh: item.message ?? '', en: item.messageEn ?? '' })}
              </Typography.Text>{' '}
              <Typography.Link onClick={() => open(item.id)}>{t('month.fix')}</Typography.Link>
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}

interface Props {
  place: MonthPlace;
  /** Drafts of the month (the one on screen may be new): nothing to show without any. */
  drafts: number;
  /** Saves what the page's editor holds first, so the record on screen goes in as typed. */
  beforeSubmit?: () => Promise<unknown>;
  primary?: boolean;
  style?: CSSProperties;
}

/**
 * 提交本月: at the end of the sitting, every draft of the month is handed in at once. Each is
 * checked and submitted on its own; all in, a short message says so, otherwise a list says for
 * each record whether it went in and what the others still lack, with the way to each.
 */
export function SubmitMonthButton({ place, drafts, beforeSubmit, primary, style }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const submit = useSubmitMonth();
  const [result, setResult] = useState<Item[] | null>(null);
  const [busy, setBusy] = useState(false);
  if (!drafts) return null;

  const run = async () => {
    setBusy(true);
    try {
      await beforeSubmit?.();
      const { items } = await submit.mutateAsync(place);
      const count = (o: Item['outcome']) => items.filter((i) => i.outcome === o).length;
      if (count('refused')) setResult(items);
      else {
        const waiting = count('waiting_leader');
        const done = t('month.submitDone', { n: count('submitted') });
        void message.success(waiting ? `${done};${t('month.submitWaiting', { n: waiting })}` : done);
      }
    } catch (error) {
      void message.error(errorText(error));
    } finally {
      setBusy(false);
    }
  };
  const refused = result?.filter((i) => i.outcome === 'refused').length ?? 0;
  return (
    <>
      <Button type={primary ? 'primary' : 'default'} loading={busy} onClick={() => void run()} style={style}>
        {t('month.submitAll')}
      </Button>
      <Modal
        open={!!result}
        title={t('month.submitPartly', { sent: (result?.length ?? 0) - refused, refused })}
        onCancel={() => setResult(null)}
        footer={
          <Button type="primary" onClick={() => setResult(null)}>
            {t('month.gotIt')}
          </Button>
        }
      >
        {result && (
          <Results
            items={result}
            open={(id) => {
              setResult(null);
              void navigate(`/workbench/records/${id}`);
            }}
          />
        )}
      </Modal>
    </>
  );
}
