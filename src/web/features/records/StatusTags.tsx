import { Tag } from 'antd';
import {
  recordStatusLabels,
  taskStatusLabels,
  type RecordStatus,
  type TaskStatus,
} from '../../../common/actions';
import { useI18n } from '../../app/i18n/useI18n';

/** Colours of a task's state: grey not begun, blue in hand, purple waiting, red late, green done. */
export const taskStatusColors: Record<TaskStatus, string> = {
  not_started: 'default',
  in_progress: 'processing',
  submitted: 'purple',
  returned: 'warning',
  done: 'success',
  done_late: 'cyan',
  overdue: 'error',
};

export const recordStatusColors: Record<RecordStatus, string> = {
  draft: 'default',
  submitted: 'purple',
  returned: 'warning',
  approved: 'success',
};

export function TaskStatusTag({ status }: { status: TaskStatus }) {
  const { pick } = useI18n();
  return (
    <Tag color={taskStatusColors[status]} style={{ marginInlineEnd: 0 }}>
      {pick(taskStatusLabels[status])}
    </Tag>
  );
}

export function RecordStatusTag({ status }: { status: RecordStatus }) {
  const { pick } = useI18n();
  return (
    <Tag color={recordStatusColors[status]} style={{ marginInlineEnd: 0 }}>
      {pick(recordStatusLabels[status])}
    </Tag>
  );
}
