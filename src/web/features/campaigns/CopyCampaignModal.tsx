import { Form, Input, InputNumber, Typography } from 'antd';
import type { Campaign } from '../../../common/api/campaigns';
import { useCopyCampaign } from './campaigns.api';
import { EntityFormModal } from '../../components/EntityFormModal';
import { requiredChoiceRule, requiredRule } from '../../components/formRules';
import { useI18n } from '../../app/i18n/useI18n';

interface Values {
  name: string;
  year: number;
}

/** A new year's campaign from an earlier one, as a draft to check before starting. */
export function CopyCampaignModal({ from, onClose }: { from: Campaign; onClose: () => void }) {
  const { t } = useI18n();
  const copy = useCopyCampaign();
  const year = from.year + 1;
  const name = from.name.includes(String(from.year))
    ? from.name.replace(String(from.year), String(year))
    : `${year}年${from.name}`;
  return (
    <EntityFormModal<Values>
      open
      title={t('campaigns.copyTitle')}
      initialValues={{ name, year }}
      onClose={onClose}
      onSubmit={(values) => copy.mutateAsync({ id: from.id, ...values })}
    >
      <Typography.Paragraph type="secondary">{t('campaigns.copyHint')}</Typography.Paragraph>
      <Form.Item name="name" label={t('campaigns.name')} rules={[requiredRule(t, t('campaigns.name'))]}>
        <Input maxLength={80} />
      </Form.Item>
      <Form.Item name="year" label={t('campaigns.year')} rules={[requiredChoiceRule(t, t('campaigns.year'))]}>
        <InputNumber min={2000} max={2100} precision={0} style={{ width: '100%' }} />
      </Form.Item>
    </EntityFormModal>
  );
}
