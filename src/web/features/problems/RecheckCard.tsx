import { useState } from 'react';
import { Alert, App, Button, Descriptions, Form, Input, Modal, Radio, Tag, Typography } from 'antd';
import {
  recheckDay,
  recheckLabels,
  recheckMonths,
  type RecheckMonths,
} from '../../../common/problem-recheck';
import { useRecheck, type Problem } from './problems.api';
import { useErrorText } from '../../components/useErrorText';
import { useI18n } from '../../app/i18n/useI18n';

interface Values {
  months: RecheckMonths;
  outcome: 'stayed' | 'cameBack';
  note?: string;
}

/**
 * Whether a confirmed problem stayed solved: the 3- and 6-month rechecks with their day and what
 * they found. The button follows the server's `can.recheck`, which already knows who may record
 * and whether one is due.
 */
export function RecheckCard({ problem }: { problem: Problem }) {
  const { t, pick } = useI18n();
  const [open, setOpen] = useState(false);
  const confirmedOn = problem.confirmedOn;
  if (problem.state !== 'confirmed' || !confirmedOn) return null;

  return (
    <div>
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {t('problems.rechecks')}
      </Typography.Title>
      <Descriptions column={1} size="small" bordered styles={{ label: { whiteSpace: 'nowrap' } }}>
        {recheckMonths.map((m) => {
          const done = problem.rechecks.find((r) => r.months === m);
          const day = recheckDay(confirmedOn, m);
          return (
            <Descriptions.Item key={m} label={t('problems.recheckMonths', { n: m })}>
              <div data-testid={`recheck-${m}`} style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
                {done ? (
                  <>
                    <Tag color={done.cameBack ? 'red' : 'green'}>
                      {pick(recheckLabels[done.cameBack ? 'cameBack' : 'stayed'])}
                    </Tag>
                    <Typography.Text type="secondary">
                      {done.checkedOn}
                      {done.by ? ` · ${done.by}` : ''}
                    </Typography.Text>
                    {done.note && <div style={{ whiteSpace: 'pre-wrap' }}>{done.note}</div>}
                  </>
                ) : (
                  <>
                    <Tag color={problem.rechecksDue.includes(m) ? 'orange' : 'default'}>
                      {t(problem.rechecksDue.includes(m) ? 'problems.recheckDue' : 'problems.recheckNotYet')}
                    </Tag>
                    <Typography.Text type="secondary">{t('problems.recheckFrom', { day })}</Typography.Text>
                  </>
                )}
              </div>
            </Descriptions.Item>
          );
        })}
      </Descriptions>
      {problem.can.recheck && (
        <Button type="primary" style={{ marginTop: 8 }} onClick={() => setOpen(true)}>
          {t('problems.recordRecheck')}
        </Button>
      )}
      {open && <RecheckModal problem={problem} onClose={() => setOpen(false)} />}
    </div>
  );
}

function RecheckModal({ problem, onClose }: { problem: Problem; onClose: () => void }) {
  const { t, pick } = useI18n();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const mutation = useRecheck(problem.id);
  const outcome = Form.useWatch('outcome', form);
  const due = problem.rechecksDue.filter((m): m is RecheckMonths => m === 3 || m === 6);

  const submit = (v: Values) =>
    mutation.mutate(
      { months: v.months, cameBack: v.outcome === 'cameBack', note: v.note?.trim() ?? '' },
      {
        onSuccess: () => {
          void message.success(t('problems.done'));
          onClose();
        },
      },
    );

  return (
    <Modal
      open
      title={`${t('problems.recordRecheck')} · ${problem.title}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={mutation.isPending}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ months: due[0] ?? 3, outcome: 'stayed' }}
      >
        {mutation.isError && (
          <Alert type="error" showIcon title={errorText(mutation.error)} style={{ marginBottom: 16 }} />
        )}
        <Form.Item name="months" label={t('problems.recheckWhich')}>
          <Radio.Group
            optionType="button"
            options={recheckMonths.map((m) => ({
              value: m,
              label: t('problems.recheckMonths', { n: m }),
              // Recorded ones are done; one not due yet the server would refuse (RECHECK_TOO_EARLY).
              disabled: !due.includes(m),
            }))}
          />
        </Form.Item>
        <Form.Item name="outcome" label={t('problems.recheckOutcome')}>
          <Radio.Group
            optionType="button"
            options={(['stayed', 'cameBack'] as const).map((k) => ({
              value: k,
              label: pick(recheckLabels[k]),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="note"
          label={t('problems.note')}
          extra={outcome === 'cameBack' ? t('problems.recheckNoteHint') : undefined}
          required={outcome === 'cameBack'}
          dependencies={['outcome']}
          rules={[
            // Read the outcome at validation time: a watched value may lag one render behind.
            ({ getFieldValue }) => ({
              validator: (_, v?: string) =>
                getFieldValue('outcome') === 'cameBack' && !v?.trim()
                  ? Promise.reject(new Error(t('problems.recheckNoteHint')))
                  : Promise.resolve(),
            }),
          ]}
        >
          <Input.TextArea rows={3} maxLength={1000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
