import { App, DatePicker, Form, Input, Modal, Radio, Rate, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { problemMeasureLabels, problemMeasures } from '../../../common/actions';
import { useProblemStep, type Problem, type ProblemStep } from './problems.api';
import { useStructure } from '../org/org.api';
import { HandlerField } from './HandlerField';
import { useSessionUser } from '../auth/auth.api';
import { secretaryBranchIds } from '../../../common/policies/actor';
import { useErrorText } from '../../components/useErrorText';
import { useI18n } from '../../app/i18n/useI18n';
import type { MessageKey } from '../../app/i18n/types';

export type StepKind = ProblemStep;

const titles: Record<StepKind, MessageKey> = {
  accept: 'problems.accept',
  measures: 'problems.measure',
  solved: 'problems.markSolved',
  confirm: 'problems.confirm',
  'confirm-on-behalf': 'problems.confirmOnBehalf',
};

interface Values {
  branchId?: number;
  handlerPersonId?: number;
  date?: Dayjs;
  kind?: (typeof problemMeasures)[number];
  note?: string;
  outcome?: string;
  result?: 'solved' | 'partly' | 'not_solved';
  satisfaction?: number;
  comment?: string;
  reason?: string;
}

/** One form per action on a problem; the server checks state and role again. */
export function StepModal({
  problem,
  step,
  onClose,
}: {
  problem: Problem;
  step: StepKind;
  onClose: () => void;
}) {
  const { t, pick } = useI18n();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const user = useSessionUser();
  const structure = useStructure();
  const [form] = Form.useForm<Values>();
  const mutation = useProblemStep(problem.id, step);
  const myBranches = (structure.data?.branches ?? []).filter((b) => secretaryBranchIds(user).includes(b.id));
  const chosenBranch = Form.useWatch('branchId', form);
  const req = (k: MessageKey) => [{ required: true, message: t('common.required', { field: t(k) }) }];
  const day = (d?: Dayjs) => (d ?? dayjs()).format('YYYY-MM-DD');

  const submit = (v: Values) => {
    const body = {
      accept: { branchId: v.branchId ?? 0, handlerPersonId: v.handlerPersonId ?? null },
      measures: { date: day(v.date), kind: v.kind ?? 'other', note: v.note ?? '' },
      solved: { solvedOn: day(v.date), outcome: v.outcome ?? '' },
      confirm: { result: v.result ?? 'solved', satisfaction: v.satisfaction ?? 5, comment: v.comment ?? '' },
      'confirm-on-behalf': { result: v.result === 'partly' ? 'partly' : 'solved', reason: v.reason ?? '' },
    }[step];
    mutation.mutate(body as never, {
      onSuccess: () => {
        void message.success(t('problems.done'));
        onClose();
      },
      onError: (e) => void message.error(errorText(e)),
    });
  };

  const resultOptions = (['solved', 'partly', 'not_solved'] as const)
    .filter((r) => step === 'confirm' || r !== 'not_solved')
    .map((r) => ({ value: r, label: t(`problems.result.${r}`) }));

  return (
    <Modal
      open
      title={`${t(titles[step])} · ${problem.title}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={mutation.isPending}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          branchId: myBranches.length === 1 ? myBranches[0]?.id : undefined,
          date: dayjs(),
          result: 'solved',
          satisfaction: 5,
        }}
      >
        {step === 'accept' && (
          <>
            <Form.Item name="branchId" label={t('problems.branch')} rules={req('problems.branch')}>
              <Select
                options={myBranches.map((b) => ({ value: b.id, label: b.name }))}
                onChange={() => form.setFieldValue('handlerPersonId', undefined)}
              />
            </Form.Item>
            <HandlerField branchId={chosenBranch} />
          </>
        )}
        {(step === 'measures' || step === 'solved') && (
          <Form.Item
            name="date"
            label={t(step === 'solved' ? 'problems.solvedOn' : 'problems.date')}
            rules={req(step === 'solved' ? 'problems.solvedOn' : 'problems.date')}
          >
            <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
          </Form.Item>
        )}
        {step === 'measures' && (
          <>
            <Form.Item name="kind" label={t('problems.measureKind')} rules={req('problems.measureKind')}>
              <Select
                options={problemMeasures.map((k) => ({ value: k, label: pick(problemMeasureLabels[k]) }))}
              />
            </Form.Item>
            <Form.Item name="note" label={t('problems.note')} rules={req('problems.note')}>
              <Input.TextArea rows={3} maxLength={1000} showCount />
            </Form.Item>
          </>
        )}
        {step === 'solved' && (
          <Form.Item name="outcome" label={t('problems.outcome')} rules={req('problems.outcome')}>
            <Input.TextArea rows={4} maxLength={5000} showCount />
          </Form.Item>
        )}
        {(step === 'confirm' || step === 'confirm-on-behalf') && (
          <Form.Item name="result" label={t('problems.result')} rules={req('problems.result')}>
            <Radio.Group optionType="button" options={resultOptions} />
          </Form.Item>
        )}
        {step === 'confirm' && (
          <>
            <Form.Item
              name="satisfaction"
              label={t('problems.satisfaction')}
              rules={req('problems.satisfaction')}
            >
              <Rate style={{ fontSize: 32 }} />
            </Form.Item>
            <Form.Item name="comment" label={t('problems.comment')}>
              <Input.TextArea rows={3} maxLength={1000} />
            </Form.Item>
          </>
        )}
        {step === 'confirm-on-behalf' && (
          <Form.Item name="reason" label={t('problems.reason')} rules={req('problems.reason')}>
            <Input.TextArea rows={3} maxLength={500} showCount />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
