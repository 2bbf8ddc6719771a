import { Tag } from 'antd';
import {
  recordStatusLabels,
  taskStatusLabels,
  type RecordStatus,
  type TaskStatus,
} from '../../../common/actions';
import { useI18n } from '../../app/i18n/useI18n';

/** Grey not begun, blue in hand, purple waiting, orange returned, red late, green done. */
const taskColors: Record<TaskStatus, string> = {
  not_started: 'default',
  in_progress: 'processing',
  submitted: 'purple',
  returned: 'warning',
  done: 'success',
  done_late: 'cyan',
  overdue: 'error',
};

const recordColors: Record<RecordStatus, string> = {
  draft: 'default',
  submitted: 'purple',
  returned: 'warning',
  approved: 'success',
};

export function TaskTag({ status }: { status: TaskStatus }) {
  const { pick } = useI18n();
  return <Tag color={taskColors[status]}>{pick(taskStatusLabels[status])}</Tag>;
}

export function RecordTag({ status }: { status: RecordStatus }) {
  const { pick } = useI18n();
  return <Tag color={recordColors[status]}>{pick(recordStatusLabels[status])}</Tag>;
}

/** 补报: submitted after the task's due date. */
export function LateTag() {
  const { t } = useI18n();
  return <Tag color="orange">{t('dashboard.cell.late')}</Tag>;
}
