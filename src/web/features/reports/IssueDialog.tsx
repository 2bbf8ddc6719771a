import { useState } from 'react';
import { Alert, App, DatePicker, Form, Input, Modal, Radio, Typography } from 'antd';
import dayjs from 'dayjs';
import type { IssuedKind } from '../../../common/api/documents';
import type { DocPeriod } from '../../../common/document-periods';
import { useI18n } from '../../app/i18n/useI18n';
import { useErrorText } from '../../components/useErrorText';
import { PeriodPicker } from './PeriodPicker';
import { useIssueDocument, useIssuedDocuments } from './reports.api';

export interface IssueTarget {
  kind: IssuedKind;
  period: DocPeriod;
}

interface Values {
  issuedOn: dayjs.Dayjs;
  docNumber?: string;
}

/**
 * 印发: the committee fixes a bulletin or the summary as a document of record. The server gives
 * the next issue number; the dialog asks what only the committee knows: which document, its
 * period, the date it bears and, for the summary, its 文号.
 */
export function IssueDialog({
  campaign,
  initial,
  onClose,
}: {
  campaign: { id: number; year: number; months: string[] };
  initial: IssueTarget;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const issue = useIssueDocument();
  const [form] = Form.useForm<Values>();
  const [target, setTarget] = useState<IssueTarget>(initial);
  const [error, setError] = useState<string | null>(null);
  const earliest = dayjs(`${campaign.year}-01-01`);
  // Issuing the same document again is allowed (a corrected issue gets its own number): say so.
  const issued = useIssuedDocuments(campaign.id);
  const earlier = (issued.data?.items ?? []).filter(
    (d) =>
      d.kind === target.kind &&
      (target.kind === 'summary' ||
        (d.period.from === target.period.from && d.period.to === target.period.to)),
  );

  const submit = async (values: Values) => {
    setError(null);
    try {
      const doc = await issue.mutateAsync({
        campaignId: campaign.id,
        kind: target.kind,
        ...(target.kind === 'bulletin' ? { from: target.period.from, to: target.period.to } : {}),
        // Left as it opened, the date is the server's today (the browser's clock may differ).
        issuedOn: form.isFieldTouched('issuedOn') ? values.issuedOn.format('YYYY-MM-DD') : undefined,
        docNumber: target.kind === 'summary' ? (values.docNumber ?? '') : undefined,
      });
      void message.success(t('issued.done', { number: doc.issueNumber }));
      onClose();
    } catch (e) {
      setError(errorText(e));
    }
  };

  return (
    <Modal
      open
      title={t('issued.dialogTitle')}
      okText={t('issued.confirm')}
      onOk={() => form.submit()}
      confirmLoading={issue.isPending}
      onCancel={onClose}
      destroyOnHidden
      width={520}
    >
      <Typography.Paragraph type="secondary">{t('issued.dialogText')}</Typography.Paragraph>
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ issuedOn: dayjs() }}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item label={t('issued.kind')}>
          <Radio.Group
            value={target.kind}
            onChange={(e) => setTarget({ ...target, kind: e.target.value as IssuedKind })}
            options={[
              { value: 'bulletin', label: t('issued.kind.bulletin') },
              { value: 'summary', label: t('issued.kind.summary') },
            ]}
          />
        </Form.Item>
        {target.kind === 'bulletin' ? (
          <Form.Item label={t('issued.period')}>
            <PeriodPicker
              year={campaign.year}
              months={campaign.months}
              value={target.period}
              onChange={(period) => setTarget({ ...target, period })}
            />
          </Form.Item>
        ) : (
          <Typography.Paragraph type="secondary">{t('issued.summaryPeriod')}</Typography.Paragraph>
        )}
        <Form.Item
          name="issuedOn"
          label={t('issued.issuedOn')}
          extra={t('issued.issuedOnHelp')}
          rules={[{ required: true, message: t('issued.issuedOnRequired') }]}
        >
          <DatePicker
            style={{ width: '100%' }}
            disabledDate={(d) => d.isAfter(dayjs(), 'day') || d.isBefore(earliest, 'day')}
          />
        </Form.Item>
        {target.kind === 'summary' && (
          <Form.Item name="docNumber" label={t('issued.docNumber')} extra={t('issued.docNumberHelp')}>
            <Input maxLength={40} placeholder={t('issued.docNumberPlaceholder')} />
          </Form.Item>
        )}
      </Form>
      {earlier.length > 0 && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 8 }}
          title={t('issued.again', { numbers: earlier.map((d) => d.issueNumber).join('、') })}
        />
      )}
      {error && <Alert type="error" showIcon title={error} />}
    </Modal>
  );
}
