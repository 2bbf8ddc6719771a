import { DatePicker, Form, Input, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { actionKindLabels } from '../../../common/actions';
import type { Task } from '../../../common/api/tasks';
import { useExtendDue } from './campaigns.api';
import { periodLabel } from '../records/labels';
import { EntityFormModal } from '../../components/EntityFormModal';
import { requiredChoiceRule, requiredRule } from '../../components/formRules';
import { useI18n } from '../../app/i18n/useI18n';

interface Values {
  dueDate: Dayjs;
  reason: string;
}

/** The committee moves a task's due date, with a reason; the originally scheduled date is kept. */
export function ExtendDueModal({ task, onClose }: { task: Task; onClose: () => void }) {
  const { t, pick, lang } = useI18n();
  const extend = useExtendDue();
  return (
    <EntityFormModal<Values>
      open
      title={t('tasks.extendTitle')}
      initialValues={{ dueDate: dayjs(task.dueDate).add(7, 'day') }}
      onClose={onClose}
      onSubmit={(values) =>
        extend.mutateAsync({
          id: task.id,
          dueDate: values.dueDate.format('YYYY-MM-DD'),
          reason: values.reason.trim(),
        })
      }
    >
      <Typography.Paragraph>
        {t('tasks.extendFor', {
          branch: task.branchName,
          period: periodLabel(task.periodKey, lang),
          kind: pick(actionKindLabels[task.kind]),
        })}
        <br />
        <Typography.Text type="secondary">
          {t('tasks.dueDate')} {task.dueDate}
          {task.scheduledDueDate !== task.dueDate &&
            ` (${t('tasks.scheduled', { date: task.scheduledDueDate })})`}
        </Typography.Text>
      </Typography.Paragraph>
      <Form.Item name="dueDate" label={t('tasks.newDue')} rules={[requiredChoiceRule(t, t('tasks.newDue'))]}>
        <DatePicker
          style={{ width: '100%' }}
          disabledDate={(d) => d.isBefore(dayjs(task.periodEnd), 'day')}
        />
      </Form.Item>
      <Form.Item name="reason" label={t('tasks.reason')} rules={[requiredRule(t, t('tasks.reason'))]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={200} />
      </Form.Item>
    </EntityFormModal>
  );
}
