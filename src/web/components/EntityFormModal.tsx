import type { ReactNode } from 'react';
import { App, Form, Modal } from 'antd';
import { applyFieldErrors, validatedValues } from './formErrors';
import { useErrorText } from './useErrorText';
import { useI18n } from '../app/i18n/useI18n';

interface Props<T> {
  open: boolean;
  title: string;
  initialValues?: Partial<T>;
  onClose: () => void;
  /** Saves the values; a rejection keeps the dialog open and shows why. */
  onSubmit: (values: T) => Promise<unknown>;
  children: ReactNode;
}

/** A small create/edit dialog for one organisation item (branch, group, department, unit…). */
export function EntityFormModal<T extends object>({
  open,
  title,
  initialValues,
  onClose,
  onSubmit,
  children,
}: Props<T>) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [form] = Form.useForm<T>();

  const save = async () => {
    const values = await validatedValues(form);
    if (!values) return;
    try {
      await onSubmit(values);
      void message.success(t('common.saved'));
      onClose();
    } catch (error) {
      applyFieldErrors(form, error);
      void message.error(errorText(error));
    }
  };

  return (
    <Modal
      open={open}
      title={title}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={save}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<T> form={form} layout="vertical" initialValues={initialValues} preserve={false}>
        {children}
      </Form>
    </Modal>
  );
}
