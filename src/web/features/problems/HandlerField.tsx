import { Form, Select } from 'antd';
import { branchPostLabels } from '../../../common/enums';
import { useBranchPeople } from '../records/records.api';
import { useI18n } from '../../app/i18n/useI18n';

/**
 * The handler (承办人) of a problem: a person of the branch taking it on, chosen from its roster
 * (name and branch post). The field is `handlerPersonId`; it waits for the branch to be chosen.
 */
export function HandlerField({ branchId }: { branchId: number | undefined }) {
  const { t, pick } = useI18n();
  const roster = useBranchPeople(branchId, branchId !== undefined);
  const people = (roster.data?.items ?? []).filter((p) => p.active);
  return (
    <Form.Item
      name="handlerPersonId"
      label={t('problems.handler')}
      rules={[{ required: true, message: t('common.required', { field: t('problems.handler') }) }]}
      extra={t('problems.handlerHint')}
    >
      <Select
        showSearch={{ optionFilterProp: 'label' }}
        loading={roster.isFetching}
        disabled={!branchId}
        placeholder={t('problems.handlerPlaceholder')}
        options={people.map((p) => ({
          value: p.id,
          label: p.branchPost ? `${p.name}(${pick(branchPostLabels[p.branchPost])})` : p.name,
        }))}
      />
    </Form.Item>
  );
}
