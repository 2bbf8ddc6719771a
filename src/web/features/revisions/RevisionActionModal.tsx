import { App, DatePicker, Form, Input, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useFollowupNote, useLeaderReview } from './revisions.api';
import { useErrorText } from '../../components/useErrorText';
import { useI18n } from '../../app/i18n/useI18n';
import type { Indicator } from '../../../common/record-fields/effect';
import { EffectInputs } from './FollowupEffect';

export type RevisionAction =
  | { kind: 'approved' | 'returned'; recordId: number; title: string }
  | { kind: 'followup'; recordId: number; followupId: number; title: string; indicator: Indicator | null };

/** The leader's decision (a return needs a comment) or a follow-up note on a published rule. */
export function RevisionActionModal({ action, onClose }: { action: RevisionAction; onClose: () => void }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const [form] = Form.useForm<{
    comment?: string;
    note?: string;
    notedOn?: Dayjs;
    measuredValue?: number | null;
    evidence?: string;
    nextStep?: string;
  }>();
  const review = useLeaderReview();
  const followup = useFollowupNote();
  const pending = review.isPending || followup.isPending;
  const done = {
    onSuccess: () => {
      void message.success(
        t(
          action.kind === 'followup'
            ? 'revisions.noteSaved'
            : action.kind === 'approved'
              ? 'revisions.approvedDone'
              : 'revisions.returnedDone',
        ),
      );
      onClose();
    },
    onError: (e: unknown) => void message.error(errorText(e)),
  };
  const title =
    action.kind === 'followup'
      ? t('revisions.addNote')
      : t(action.kind === 'approved' ? 'revisions.approve' : 'revisions.return');

  return (
    <Modal
      open
      title={`${title} · ${action.title}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={pending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ notedOn: dayjs() }}
        onFinish={(v) => {
          if (action.kind === 'followup') {
            followup.mutate(
              {
                recordId: action.recordId,
                followupId: action.followupId,
                note: v.note ?? '',
                notedOn: (v.notedOn ?? dayjs()).format('YYYY-MM-DD'),
                measuredValue: v.measuredValue ?? null,
                evidence: v.evidence ?? '',
                nextStep: v.nextStep ?? '',
              },
              done,
            );
          } else {
            review.mutate(
              { recordId: action.recordId, decision: action.kind, comment: v.comment ?? '' },
              done,
            );
          }
        }}
      >
        {action.kind === 'followup' ? (
          <>
            <Form.Item
              name="notedOn"
              label={t('revisions.notedOn')}
              rules={[{ required: true, message: t('common.required', { field: t('revisions.notedOn') }) }]}
            >
              <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
            </Form.Item>
            <Form.Item
              name="note"
              label={t('revisions.note')}
              rules={[{ required: true, message: t('common.required', { field: t('revisions.note') }) }]}
            >
              <Input.TextArea rows={4} maxLength={2000} showCount />
            </Form.Item>
            {action.indicator && <EffectInputs indicator={action.indicator} />}
          </>
        ) : (
          <Form.Item
            name="comment"
            label={t('revisions.comment')}
            rules={[
              {
                required: action.kind === 'returned',
                message: t('common.required', { field: t('revisions.comment') }),
              },
            ]}
          >
            <Input.TextArea rows={4} maxLength={2000} showCount />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
