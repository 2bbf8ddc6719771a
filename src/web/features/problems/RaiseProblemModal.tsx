import { App, Form, Grid, Input, Modal, Radio, Select } from 'antd';
import { useRaiseProblem } from './problems.api';
import { HandlerField } from './HandlerField';
import type { Branch, GrassrootsUnit } from '../org/org.api';
import { useErrorText } from '../../components/useErrorText';
import { useI18n } from '../../app/i18n/useI18n';
import type { MessageKey } from '../../app/i18n/types';

interface Values {
  unitId?: number;
  branchId?: number;
  handlerPersonId?: number;
  title: string;
  description: string;
  category?: string;
  urgency: 'normal' | 'urgent';
}

/**
 * A contact raises a problem for their unit (on a phone: full-screen, big fields); a branch
 * secretary records one found on a visit, which the branch takes on at once.
 */
export function RaiseProblemModal({
  mode,
  units,
  branches,
  onClose,
}: {
  mode: 'contact' | 'branch';
  units: GrassrootsUnit[];
  branches: Branch[];
  onClose: () => void;
}) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const isPhone = !(Grid.useBreakpoint().sm ?? true);
  const [form] = Form.useForm<Values>();
  const raise = useRaiseProblem();
  const chosenBranch = Form.useWatch('branchId', form);
  const req = (k: MessageKey) => [{ required: true, message: t('common.required', { field: t(k) }) }];

  const submit = (v: Values) => {
    raise.mutate(
      {
        unitId: v.unitId ?? 0,
        branchId: mode === 'branch' ? v.branchId : undefined,
        handlerPersonId: mode === 'branch' ? v.handlerPersonId : undefined,
        title: v.title,
        description: v.description,
        category: v.category ?? '',
        urgency: v.urgency,
      },
      {
        onSuccess: () => {
          void message.success(t('problems.done'));
          onClose();
        },
        onError: (e) => void message.error(errorText(e)),
      },
    );
  };

  return (
    <Modal
      open
      title={t(mode === 'contact' ? 'problems.raise' : 'problems.record')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ size: 'large' }}
      cancelButtonProps={{ size: 'large' }}
      confirmLoading={raise.isPending}
      width={isPhone ? '100%' : 560}
      style={isPhone ? { top: 0, maxWidth: '100vw', margin: 0, paddingBottom: 0 } : undefined}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        size="large"
        onFinish={submit}
        initialValues={{
          urgency: 'normal',
          unitId: units.length === 1 ? units[0]?.id : undefined,
          branchId: branches.length === 1 ? branches[0]?.id : undefined,
        }}
      >
        <Form.Item
          name="unitId"
          label={t('problems.unit')}
          rules={req('problems.unit')}
          hidden={mode === 'contact' && units.length === 1}
        >
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            options={units.map((u) => ({ value: u.id, label: u.name }))}
          />
        </Form.Item>
        {mode === 'branch' && (
          <>
            <Form.Item name="branchId" label={t('problems.branch')} rules={req('problems.branch')}>
              <Select
                options={branches.map((b) => ({ value: b.id, label: b.name }))}
                onChange={() => form.setFieldValue('handlerPersonId', undefined)}
              />
            </Form.Item>
            <HandlerField branchId={chosenBranch} />
          </>
        )}
        <Form.Item name="title" label={t('problems.problemTitle')} rules={req('problems.problemTitle')}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="description" label={t('problems.description')} rules={req('problems.description')}>
          <Input.TextArea rows={5} maxLength={5000} showCount />
        </Form.Item>
        <Form.Item name="category" label={t('problems.category')}>
          <Input maxLength={60} placeholder={t('problems.categoryHint')} />
        </Form.Item>
        <Form.Item name="urgency" label={t('problems.urgency')}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={[
              { value: 'normal', label: t('problems.normal') },
              { value: 'urgent', label: t('problems.urgent') },
            ]}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
