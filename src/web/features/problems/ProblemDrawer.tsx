import { useState } from 'react';
import {
  Alert,
  Button,
  Descriptions,
  Drawer,
  Grid,
  Rate,
  Space,
  Spin,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { problemStateLabels } from '../../../common/api/problems';
import { problemMeasureLabels, problemMeasures } from '../../../common/actions';
import { recheckLabels } from '../../../common/problem-recheck';
import { useProblem, type ProblemEvent } from './problems.api';
import { stateColor } from './problemState';
import { StepModal, type StepKind } from './StepModal';
import { RecheckCard } from './RecheckCard';
import { useErrorText } from '../../components/useErrorText';
import { useI18n } from '../../app/i18n/useI18n';
import type { MessageKey } from '../../app/i18n/types';

type Measure = (typeof problemMeasures)[number];

function EventLine({ event }: { event: ProblemEvent }) {
  const { t, pick } = useI18n();
  const key = `problems.event.${event.type}` as MessageKey;
  const d = event.data;
  const str = (v: unknown) => (typeof v === 'string' ? v : '');
  const kind = str(d.kind) as Measure;
  const recheck =
    event.type === 'recheck' && typeof d.months === 'number'
      ? `${t('problems.recheckMonths', { n: d.months })} · ${pick(recheckLabels[d.cameBack ? 'cameBack' : 'stayed'])}`
      : '';
  const detail = [
    recheck,
    problemMeasureLabels[kind] ? pick(problemMeasureLabels[kind]) : '',
    str(d.note),
    str(d.outcome),
    str(d.comment),
    str(d.reason),
  ].filter(Boolean);
  return (
    <div style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
      <Typography.Text strong>{t(key) === key ? event.type : t(key)}</Typography.Text>
      {typeof d.satisfaction === 'number' && (
        <Rate disabled value={d.satisfaction} style={{ fontSize: 12, marginLeft: 8 }} />
      )}
      <div>
        <Typography.Text type="secondary">
          {dayjs(event.at).format('YYYY-MM-DD HH:mm')}
          {event.by ? ` · ${event.by}` : ''}
        </Typography.Text>
      </div>
      {detail.map((line, i) => (
        <div key={i} style={{ whiteSpace: 'pre-wrap' }}>
          {line}
        </div>
      ))}
    </div>
  );
}

export function ProblemDrawer({ id, onClose }: { id: number | null; onClose: () => void }) {
  const { t, pick } = useI18n();
  const errorText = useErrorText();
  const problem = useProblem(id);
  const [step, setStep] = useState<StepKind | null>(null);
  const isPhone = !(Grid.useBreakpoint().sm ?? true);
  const p = problem.data;
  const can = p?.can ?? null;

  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      size={isPhone ? '100%' : 560}
      title={p?.title ?? t('problems.problemTitle')}
    >
      {problem.isLoading && <Spin />}
      {problem.isError && <Alert type="error" showIcon title={errorText(problem.error)} />}
      {p && can && (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Space wrap>
            <Tag color={stateColor[p.state]}>{pick(problemStateLabels[p.state])}</Tag>
            {p.urgency === 'urgent' && <Tag color="red">{t('problems.urgent')}</Tag>}
          </Space>
          {Object.values(can).some(Boolean) && (
            <Space wrap>
              {can.accept && (
                <Button type="primary" onClick={() => setStep('accept')}>
                  {t('problems.accept')}
                </Button>
              )}
              {can.measure && <Button onClick={() => setStep('measures')}>{t('problems.measure')}</Button>}
              {can.solve && (
                <Button type="primary" onClick={() => setStep('solved')}>
                  {t('problems.markSolved')}
                </Button>
              )}
              {can.confirm && (
                <Button type="primary" onClick={() => setStep('confirm')}>
                  {t('problems.confirm')}
                </Button>
              )}
              {can.confirmOnBehalf && (
                <Button onClick={() => setStep('confirm-on-behalf')}>{t('problems.confirmOnBehalf')}</Button>
              )}
            </Space>
          )}
          <Descriptions column={1} size="small" bordered styles={{ label: { whiteSpace: 'nowrap' } }}>
            <Descriptions.Item label={t('problems.unit')}>{p.unitName}</Descriptions.Item>
            <Descriptions.Item label={t('problems.branch')}>
              {p.branchName ?? t('problems.unassigned')}
            </Descriptions.Item>
            {p.handlerName && (
              <Descriptions.Item label={t('problems.handler')}>{p.handlerName}</Descriptions.Item>
            )}
            <Descriptions.Item label={t('problems.category')}>{p.category || '—'}</Descriptions.Item>
            <Descriptions.Item label={t('problems.raisedBy')}>
              {p.raisedByName} · {dayjs(p.raisedAt).format('YYYY-MM-DD')}
            </Descriptions.Item>
            <Descriptions.Item label={t('problems.description')}>
              <div style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{p.description}</div>
            </Descriptions.Item>
            {p.solvedOn && <Descriptions.Item label={t('problems.solvedOn')}>{p.solvedOn}</Descriptions.Item>}
            {p.satisfaction !== null && (
              <Descriptions.Item label={t('problems.satisfaction')}>
                <Rate disabled value={p.satisfaction} />
              </Descriptions.Item>
            )}
            {p.confirmComment && (
              <Descriptions.Item label={t('problems.confirmComment')}>{p.confirmComment}</Descriptions.Item>
            )}
            {p.confirmedOnBehalfReason && (
              <Descriptions.Item label={t('problems.onBehalfReason')}>
                {p.confirmedOnBehalfReason}
              </Descriptions.Item>
            )}
            <Descriptions.Item label={t('problems.reopenCount')}>{p.reopenCount}</Descriptions.Item>
          </Descriptions>
          <RecheckCard problem={p} />
          <Typography.Title level={5}>{t('problems.timeline')}</Typography.Title>
          <Timeline items={p.events.map((e, i) => ({ key: i, content: <EventLine event={e} /> }))} />
        </Space>
      )}
      {p && step && <StepModal problem={p} step={step} onClose={() => setStep(null)} />}
    </Drawer>
  );
}
